import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { freePort, type Running, startChronicle } from '../support/chronicle-process.js';

const FIXTURE_PACK = path.join(PROJECT_ROOT, 'test', 'fixtures', 'pack');
const running: Running[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start under an orchestrator', () => {
  it('serves /healthz and /metrics, then on SIGTERM stops cleanly: exit 0 within 10 s, store closed, shutdown logged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-shutdown-'));
    dirs.push(dir);
    const port = await freePort();
    const bot = startChronicle({
      argv: [path.join(PROJECT_ROOT, 'bin', 'chronicle.js'), 'start'],
      cwd: dir,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        CONTENT_DIR: FIXTURE_PACK,
        STORE_URL: `sqlite://${path.join(dir, 'chronicle.sqlite')}`,
      },
    });
    running.push(bot);
    await bot.waitForLog((e) => e.event === 'ops' && e.port === port);

    // stdin stays open: the console is waiting for more, as an interactive session would.
    bot.child.stdin.write('/help\n');
    await bot.waitForOutput('/timeline');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: { reachable: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('chronicle_active_quiz_games');

    const sentAt = Date.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(exit.atMs - sentAt).toBeLessThan(10_000);
    const done = bot.logs().find((e) => e.msg === 'shutdown complete');
    expect(done).toMatchObject({ reason: 'SIGTERM', clean: true, failed: [] });
  });
});
