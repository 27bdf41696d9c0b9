import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, startChronicle } from '../support/chronicle-process.js';
import { sleep } from '../support/sleep.js';
import { OwnRedis } from '../support/spawn-redis.js';
import { answerFirstRound, BIN, FIXTURE_PACK } from './console-game.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const running: Running[] = [];
const redises: OwnRedis[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  for (const r of redises.splice(0)) void r.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasRedis)('Redis restarting in the middle of a game', () => {
  it('proves the bot apologises during the outage instead of crashing, and once Redis is back the same game carries on: scores kept, the round deadline still closes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-redis-restart-'));
    dirs.push(dir);
    // Our own redis-server (so we may kill it), persisting every write as compose's does.
    const redis = await OwnRedis.start();
    redises.push(redis);
    const bot = startChronicle({
      argv: [BIN, 'start'],
      cwd: dir,
      env: {
        STORE_URL: redis.url,
        CONTENT_DIR: FIXTURE_PACK,
        PORT: '0',
        HOST: '127.0.0.1',
      },
    });
    running.push(bot);

    const creditedBeforeOutage = await answerFirstRound(bot, 2, 10);

    await redis.kill();
    // While Redis is down, a command gets an answer (an apology), not a crash.
    const before = bot.stdout().length;
    bot.child.stdin.write('/quiz score\n');
    const answerBy = Date.now() + 10_000;
    while (bot.stdout().length === before && Date.now() < answerBy) await sleep(50);
    expect(bot.stdout().length).toBeGreaterThan(before);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.stdout().slice(before)).toMatch(/Sorry/);
    expect(bot.stdout().slice(before)).not.toMatch(/at .*\.ts:\d+|Error:/);

    await redis.restart();
    // The client reconnects in the background; ask the way a person would, until it answers.
    const deadline = Date.now() + 15_000;
    while (!/Quiz: question 2 of 2/.test(bot.stdout()) && Date.now() < deadline) {
      bot.child.stdin.write('/quiz score\n');
      await sleep(1_000);
    }
    await bot.waitForOutput(/Quiz: question 2 of 2/, 1_000);
    // Round 2's deadline (kept in Redis) still closes it: the quiz clock recovered too.
    await bot.waitForOutput('Answer to question 2 of 2', 20_000);
    await bot.waitForOutput('Final standings');
    const finalStandings = bot.stdout().split('Final standings').at(-1) ?? '';
    expect(finalStandings).toMatch(new RegExp(`You: \\d+ points? \\(${creditedBeforeOutage} right\\)`));
    expect(bot.child.exitCode).toBeNull();
  });
});
