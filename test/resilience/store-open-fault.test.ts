import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPEN_TIMEOUT_MS } from '../../src/store/sqlite.js';
import { runToExit as start } from '../support/chronicle-process.js';

describe('a store that cannot be opened', () => {
  it('stops at startup on a SQLite file whose header is right and whose body is damaged, saying what to do', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'chronicle-corrupt-')), 'store.sqlite');
    const header = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.from([0x10, 0, 1, 1, 0, 64, 32, 32])]);
    const noise = Buffer.alloc(32 * 1024);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(100 - header.length), noise]));
    const { code, err } = await start({ STORE_URL: `sqlite://${file}` });
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/store at .* is damaged .*move it aside/)]);
  });

  it(
    'stops `npm start` within seconds with one line naming the file and the fix, and no stack trace',
    async () => {
      const { code, err } = await start({ STORE_URL: 'sqlite:///proc/nonexistent/dir/x.sqlite' });
      expect(code).toBe(1);
      expect(err).toMatch(/cannot open the SQLite store at \/proc\/nonexistent\/dir\/x\.sqlite: .*set STORE_URL=/);
      expect(err).not.toMatch(/\n\s+at /);
    },
    OPEN_TIMEOUT_MS + 10_000,
  );
});
