import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { runConsole } from '../../src/adapters/console/run.js';
import { APOLOGY } from '../../src/adapters/console/session.js';
import { loadPack } from '../../src/content/load.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';

/**
 * The whole bot on a second pack that is not about a war: Apollo 11
 * (test/fixtures/apollo). Whatever the Caucasus pack's names or the word
 * "war" would show up here as something said of the Moon landing.
 */
const APOLLO_DIR = path.resolve(import.meta.dirname, '../fixtures/apollo');
const CAUCASUS =
  /Armenia|Azerbaijan|Azeri|Karabakh|Caucasus|Ganja|Tovuz|Toyuz|Baku|Yerevan|Stepanakert|World Socialist|South Front|\bwar\b|\b202[02]\b/i;

let dir: string;
let output: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronicle-apollo-'));
  const lines = [
    '/help',
    ...commands.map((c) => `/help ${c.name}`),
    '/timeline 1969-07',
    '/timeline 1969-07-24 topic:Hornet',
    '/map',
    '/map 1969-07-16',
    '/event eagle-lands-1969-07-20',
    '/fact',
    '/fact topic:Saturn V',
    '/who Armstrong',
    '/who NASA',
    '/where Cape Kennedy',
    '/where Tranquility Base',
    '/sources',
    '/stats',
    '/leaderboard',
    '/review',
    '/briefing preview',
    '/quiz start rounds:4',
    '1',
    '2',
    '1',
    '2',
    // A typed round, with one answer of each kind of refusal-prone form: a bare word and a date.
    '/quiz start mode:typed rounds:2',
    '1',
    'yesterday',
    '1',
    '16 July 1969',
  ];
  const out: string[] = [];
  await runConsole(
    {
      pack: await loadPack(APOLLO_DIR),
      store: new MemoryStore(),
      // The 55th anniversary of the landing: the briefing has a day to remember.
      now: () => new Date('2024-07-20T12:00:00Z'),
      poster: new RoutingPoster(),
    },
    {
      input: Readable.from(lines.map((l) => `${l}\n`)),
      write: (t) => out.push(t),
      interactive: false,
      commands,
      picturesDir: dir,
    },
    silentLogger,
  );
  output = out.join('\n\n');
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('every command on the Apollo 11 pack, through the console', () => {
  it('answers each one without an apology and without a word of another pack', () => {
    expect(output).not.toContain(APOLOGY);
    expect(output.match(CAUCASUS)?.[0]).toBeUndefined();
  });

  it('names the pack and draws its examples from it in /help', () => {
    expect(output).toContain('This pack: Apollo 11: the first Moon landing, July 1969.');
    expect(output).toContain('/timeline 1969-07 topic:');
    expect(output).toContain('southwest of Hawaii finds Pacific recovery area');
  });

  it('lists the mission’s events and draws the timeline strip with the pack’s episodes', () => {
    expect(output).toContain('== Timeline: July 1969 ==');
    expect(output).toMatch(/Timeline chart "Timeline: July 1969".*Shaded episodes: .*On the Moon/);
  });

  it('maps the places from Florida to the Pacific, naming the country, and lists Tranquility Base in words as on the Moon', () => {
    expect(output).toContain('== Map: all events ==');
    expect(output).toMatch(/Map "Map: all events", naming United States of America\. 6 event places marked/);
    expect(output).toContain('Also named, not marked as a point: Tranquility Base (on the Moon).');
    expect(output).toContain('Also named, not drawn as points: Tranquility Base (on the Moon).');
    expect(output).toContain('/timeline 1969 lists the events');
    const saved = [...output.matchAll(/\[picture saved to (.+\.png)\]/g)].map((m) => m[1] as string);
    expect(saved.length).toBeGreaterThanOrEqual(3);
    for (const file of saved) expect(existsSync(file)).toBe(true);
  });

  it('attributes every figure and quote, the relayed words to the spokesman who passed them on', () => {
    expect(output).toContain('According to Mission Control, as of 21 July 1969');
    expect(output).toContain('“Houston, Tranquility Base here. The Eagle has landed.”');
    expect(output).toContain('== Neil Armstrong ==');
    expect(output).toContain('== Kennedy Space Center ==');
  });

  it('previews a briefing from the pack', () => {
    expect(output).toMatch(/== Daily briefing · 20 July 2024 ==/);
    expect(output).toContain('Question of the day:');
  });

  it('plays a quiz to its final standings', () => {
    expect(output).toContain('You started a quiz: 4 questions of 20 s.');
    expect(output.match(/== Answer to question \d of 4/g)).toHaveLength(4);
    expect(output).toContain('== Quiz over ==');
    expect(output).toMatch(/Final standings\n1\. You: \d+ points/);
    expect(output).toMatch(/\((The Brevard Sentinel|The Bayou City Herald|Pacific Dispatch), \d{1,2} July 1969\)/);
  });

  it('plays a typed round to its final standings, with nothing of another pack in its hints', () => {
    expect(output).toMatch(/Question 1 of 2: typed/);
    expect(output.match(/== Quiz over ==/g)).toHaveLength(2);
    expect(output).toMatch(/Final standings\n1\. You: \d+(\.\d+)? points[\s\S]*Final standings\n1\. You: /);
  });
});
