import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.js';
import { closeDueQuizRounds, loadGame } from '../../src/engine/quiz/game.js';
import { answerAction } from '../../src/engine/quiz/messages.js';
import { type Answer, type GameState, keys } from '../../src/engine/quiz/state.js';
import { MemoryStore } from '../../src/store/memory.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { type Harness, harness } from '../commands/harness.js';
import { richPack } from '../engine/rich-pack.js';
import { TestClock } from '../support/clock.js';

const GAMES = 1_000;
const ROUNDS = 3;
const SECONDS = 20;
const ANI = { userId: 'u-ani', userName: 'Ani' };
const BOB = { userId: 'u-bob', userName: 'Bob' };

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Closes every round whose deadline has passed, as the quiz clock would over the next seconds. */
async function closeAllDue(h: Harness): Promise<number> {
  let closed = 0;
  for (;;) {
    const n = await closeDueQuizRounds(h, 200);
    if (n === 0) return closed;
    closed += n;
  }
}

/**
 * Plays GAMES games at once in GAMES channels of one process. Ani answers
 * every round right, Bob answers rounds 0 and 2 wrong and sits out round 1,
 * so rounds 0 and 1 are closed by the deadline closer and round 2 by the last
 * answer. Returns the figures; the assertions are on correctness only.
 */
async function playThousand(store: Store, clock: TestClock) {
  const h = await harness({ pack: richPack(), store, clock });
  const channels = Array.from({ length: GAMES }, (_, i) => `c${i}`);
  const latencies: number[] = [];
  const before = process.memoryUsage();
  const wall = performance.now();

  await Promise.all(
    channels.map((channelId) => h.run(`/quiz start rounds:${ROUNDS} seconds:${SECONDS}`, { ...ANI, channelId })),
  );
  const ids = new Map<string, string>();
  for (const channelId of channels) {
    const game = await loadGame(h, { platform: 'discord', channelId });
    expect(game, `game in ${channelId}`).toBeDefined();
    ids.set(channelId, (game as GameState).id);
  }

  const answer = async (channelId: string, who: typeof ANI, right: boolean) => {
    const game = (await loadGame(h, { platform: 'discord', channelId })) as GameState;
    const question = game.questions[game.round];
    if (!question) throw new Error(`no open question in ${channelId}`);
    const option = right ? question.answer : (question.answer + 1) % question.options.length;
    const started = performance.now();
    const reply = await h.click(answerAction(game.id, game.round, option), { ...who, channelId });
    latencies.push(performance.now() - started);
    expect(reply.text).toMatch(/^Locked in/);
  };

  let peak = process.memoryUsage();
  for (let round = 0; round < ROUNDS; round++) {
    h.clock.advance(1_000);
    await Promise.all(
      channels.map(async (channelId) => {
        await answer(channelId, ANI, true);
        if (round !== 1) await answer(channelId, BOB, false);
      }),
    );
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
    if (round < 2) {
      h.clock.advance(SECONDS * 1_000);
      expect(await closeAllDue(h)).toBe(GAMES);
    }
  }
  const wallMs = performance.now() - wall;

  // Every game reached its final standings, once, with every answer counted.
  const finals = h.poster.posts.filter((p) => p.reply.title?.startsWith('Quiz over'));
  expect(finals).toHaveLength(GAMES);
  expect(new Set(finals.map((p) => p.channel.channelId)).size).toBe(GAMES);
  for (const channelId of channels) {
    expect(await loadGame(h, { platform: 'discord', channelId })).toBeUndefined();
    const last = await h.store.get<GameState>(keys.last({ platform: 'discord', channelId }));
    expect(last?.players[ANI.userId]?.correct, channelId).toBe(ROUNDS);
    expect(last?.players[BOB.userId]?.correct, channelId).toBe(0);
    const id = ids.get(channelId) as string;
    const counts = await Promise.all([0, 1, 2].map((r) => h.store.list<Answer>(keys.answers(id, r))));
    expect(
      counts.map((c) => c.length),
      channelId,
    ).toEqual([2, 1, 2]);
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    games: GAMES,
    answers: latencies.length,
    p50Ms: Math.round(percentile(sorted, 50) * 100) / 100,
    p99Ms: Math.round(percentile(sorted, 99) * 100) / 100,
    rssDeltaMb: mb(peak.rss - before.rss),
    heapDeltaMb: mb(peak.heapUsed - before.heapUsed),
    wallMs: Math.round(wallMs),
  };
}

describe('1,000 concurrent quiz games in one process', () => {
  it('proves every game reaches its final standings with no answer lost, on the in-memory store', async () => {
    const clock = new TestClock();
    const figures = await playThousand(new MemoryStore(() => clock.ms), clock);
    expect(figures.answers).toBe(GAMES * 5);
    console.log(`1,000 games, memory store: ${JSON.stringify(figures)}`);
  }, 120_000);

  it('proves the same on a SQLite file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-1000-'));
    dirs.push(dir);
    const store = await SqliteStore.open(`sqlite://${path.join(dir, 'chronicle.sqlite')}`);
    try {
      const figures = await playThousand(store, new TestClock(Date.now()));
      expect(figures.answers).toBe(GAMES * 5);
      console.log(`1,000 games, SQLite store: ${JSON.stringify(figures)}`);
    } finally {
      await store.close();
    }
  }, 240_000);
});
