import { spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { renderReply } from '../../src/adapters/console/render.js';
import { runConsole } from '../../src/adapters/console/run.js';
import { APOLOGY } from '../../src/adapters/console/session.js';
import type { Command } from '../../src/core/command.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';
import { FIXTURE_DIR, fixturePack } from '../support/fixture-pack.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function consoleRun(lines: string[], extra: Command[] = []): Promise<string> {
  const out: string[] = [];
  const poster = new RoutingPoster();
  const services = { pack: await fixturePack(), store: new MemoryStore(), now: () => new Date(), poster };
  const input = Readable.from(lines.map((l) => `${l}\n`));
  const write = (t: string) => out.push(t);
  await runConsole(services, { input, write, interactive: false, commands: [...commands, ...extra] }, silentLogger);
  return out.join('\n\n');
}

describe('renderReply', () => {
  it('prints title, body, fields, sources, footer and numbered choices as plain text', () => {
    const text = renderReply({
      text: 'fallback',
      title: 'T',
      body: 'a **bold** word',
      fields: [{ name: 'When', value: '2020' }],
      sources: [{ id: 's', outlet: 'O', headline: 'H', date: '1 May 2020' }],
      footer: 'page 1 of 2',
      choices: [
        { action: 'x:1', label: 'First' },
        { action: 'x:2', label: 'Second' },
      ],
      visibility: 'channel',
    });
    expect(text).toBe(
      '== T ==\n\na bold word\n\nWhen: 2020\n\nSources:\n  - O, “H”, 1 May 2020\n\n(page 1 of 2)\n\n  [1] First\n  [2] Second',
    );
  });
});

describe('the console', () => {
  it('runs piped lines, plays a quiz from the following lines, and finishes it at end of input', async () => {
    const out = await consoleRun(['/timeline 2020', '/quiz start rounds:2', '1', '2']);
    expect(out).toContain('== Timeline: 2020 ==');
    expect(out).toContain('You started a quiz: 2 questions of 20 s.');
    expect(out.match(/== Answer to question \d of 2/g)).toHaveLength(2);
    // Each reveal quotes the article's own words behind the answer, with outlet and date.
    expect(
      out.match(/> “[^”]+”\n> {3}\((World Socialist Web Site|South Front), \d{1,2} [A-Z][a-z]+ \d{4}\)/g)?.length,
    ).toBeGreaterThanOrEqual(2);
    expect(out).toContain('== Quiz over ==');
    expect(out).toMatch(/Final standings\n1\. You: \d+ points/);
    expect(out).toContain('Sources:\n  - World Socialist Web Site');
    // The acknowledgement reads before the question it announces.
    expect(out.indexOf('You started a quiz')).toBeLessThan(out.indexOf('Question 1 of 2'));
  });

  it('reveals the rounds nobody answered when input ends mid-game', async () => {
    const out = await consoleRun(['/quiz start rounds:2']);
    expect(out).toContain('Nobody answered.');
    expect(out).toContain('== Quiz over ==');
  });

  it('shows user errors plainly, and an apology (not a stack) for anything else', async () => {
    const broken: Command = {
      name: 'broken',
      description: 'always fails',
      options: [],
      run: async () => {
        throw new Error('secret internals');
      },
    };
    const out = await consoleRun(['/timeline 2020-13', '/broken', '9'], [broken]);
    expect(out).toContain('2020-13 is not a month; try 2020-12.');
    expect(out).toContain(APOLOGY);
    expect(out).not.toContain('secret internals');
    expect(out).toContain('There is no choice 9 (choices: none right now).');
  });

  it('clicks a numbered choice of the last reply', async () => {
    const out = await consoleRun(['/event war', '1']);
    expect(out).toContain('== Large-scale fighting erupts over Nagorno-Karabakh ==');
  });
});

function run(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/chronicle.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: FIXTURE_DIR, STORE_URL: 'memory://', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('chronicle start and ask', () => {
  it('`chronicle start` with piped input plays the line script and exits 0', async () => {
    const { code, stdout } = await run(['start'], '/timeline 2020\n/quiz start rounds:2\n1\n2\n');
    expect(code).toBe(0);
    expect(stdout).toContain('== Timeline: 2020 ==');
    expect(stdout).toContain('== Quiz over ==');
  });

  it('`chronicle ask` prints one reply', async () => {
    const { code, stdout } = await run(['ask', '/where Toyuz'], '');
    expect(code).toBe(0);
    expect(stdout.startsWith('== Tovuz ==')).toBe(true);
  });

  it('stops startup on an invalid pack with its file:line problems', async () => {
    const child = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, ['bin/chronicle.js', 'start'], {
        cwd: ROOT,
        env: { ...process.env, CONTENT_DIR: path.join(ROOT, 'test/console'), STORE_URL: 'memory://' },
      });
      let stderr = '';
      p.stderr.on('data', (d) => {
        stderr += d;
      });
      p.on('close', (code) => resolve({ code, stderr }));
      p.stdin.end('');
    });
    expect(child.code).toBe(1);
    expect(child.stderr).toContain('content is invalid');
  });
});
