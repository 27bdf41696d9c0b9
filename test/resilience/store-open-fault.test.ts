import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPEN_TIMEOUT_MS } from '../../src/store/sqlite.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('a store that cannot be opened', () => {
  it(
    'stops `npm start` within seconds with one line naming the file and the fix, and no stack trace',
    async () => {
      const child = spawn(process.execPath, ['bin/chronicle.js', 'start'], {
        cwd: ROOT,
        env: {
          ...process.env,
          STORE_URL: 'sqlite:///proc/nonexistent/dir/x.sqlite',
          DISCORD_TOKEN: '',
          SLACK_BOT_TOKEN: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => {
        err += String(d);
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(err).toMatch(/cannot open the SQLite store at \/proc\/nonexistent\/dir\/x\.sqlite: .*set STORE_URL=/);
      expect(err).not.toMatch(/\n\s+at /);
    },
    OPEN_TIMEOUT_MS + 10_000,
  );
});
