import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { runConsole } from '../../src/adapters/console/run.js';
import { loadPack } from '../../src/content/load.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function consoleWithPictures(lines: string[]): Promise<{ output: string; dir: string }> {
  dir = await mkdtemp(path.join(tmpdir(), 'chronicle-pictures-'));
  const out: string[] = [];
  const poster = new RoutingPoster();
  const services = {
    pack: await loadPack('content/caucasus'),
    store: new MemoryStore(),
    now: () => new Date(),
    poster,
  };
  const input = Readable.from(lines.map((l) => `${l}\n`));
  const write = (t: string) => out.push(t);
  await runConsole(services, { input, write, interactive: false, commands, picturesDir: dir }, silentLogger);
  return { output: out.join('\n\n'), dir };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('pictures on the console', () => {
  it('saves the /timeline strip and the /map as PNG files and prints where, with the alt text', async () => {
    const { output, dir: saved } = await consoleWithPictures(['/timeline 2020-10', '/map 2020']);
    const paths = [...output.matchAll(/\[picture saved to (.+\.png)\]/g)].map((m) => m[1] as string);
    expect(paths).toHaveLength(2);
    for (const file of paths) {
      expect(path.dirname(file)).toBe(saved);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
    expect(output).toContain('Timeline chart "Timeline: October 2020"');
  });
});
