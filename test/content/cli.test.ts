import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';

const run = promisify(execFile);
const chronicle = (...args: string[]) => run('node', ['bin/chronicle.js', ...args], { maxBuffer: 64 * 1024 * 1024 });

describe('chronicle content', () => {
  it.skipIf(!existsSync('../shared/seeds'))('check exits 0 on a valid pack and verifies its excerpts', async () => {
    const { stdout } = await chronicle('content', 'check', 'test/fixtures/pack');
    expect(stdout).toContain(
      'ok: fixture (1 sources, 7 actors, 4 places, 1 things, 2 events, 3 claims, 1 quotes, 1 facts); every excerpt stands word for word in its article',
    );
  });

  it('check exits 1 with file:line messages on an invalid pack', async () => {
    const error = await chronicle('content', 'check', 'test/fixtures/invalid-pack').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toMatch(/content is invalid \(\d+ problems?\):\n.*\.yaml:\d+ /);
  });

  it('export --json prints one record per item, each with its type, id, text, references and source excerpt', async () => {
    const { stdout } = await chronicle('content', 'export', '--json', 'test/fixtures/pack');
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const pack = await loadPack('test/fixtures/pack');
    const total = Object.values(pack.counts).reduce((a, b) => a + b, 0);
    expect(records).toHaveLength(total);
    for (const r of records) {
      expect(r).toEqual(
        expect.objectContaining({ type: expect.any(String), id: expect.any(String), text: expect.any(String) }),
      );
      expect(Array.isArray(r.refs)).toBe(true);
    }
    const claim = records.find((r) => r.id === 'claim-armenia-killed-2020-09-27');
    expect(claim).toMatchObject({
      type: 'claim',
      date: '2020-09-28',
      statedBy: 'armenia',
      source: {
        outlet: 'World Socialist Web Site',
        date: '2020-09-28',
        excerpt: 'Armenia said that there were 16 killed and over 100 injured…',
      },
    });
  });

  it('export without --json says how to call it', async () => {
    const error = await chronicle('content', 'export').catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1, stderr: expect.stringContaining('--json') });
  });
});
