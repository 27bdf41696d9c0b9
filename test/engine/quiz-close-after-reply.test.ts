import { describe, expect, it } from 'vitest';
import { closeDueQuizRounds, closeRound, loadGame } from '../../src/engine/quiz/game.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import type { GameState } from '../../src/engine/quiz/state.js';
import { MemoryStore } from '../../src/store/memory.js';
import { TestClock } from '../support/clock.js';
import { type Harness, harness, RecordingPoster } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

/*
 * Where platforms are served, the click that brings a round's last answer
 * replies without waiting for the round's close (Services.background). Its
 * answer is in before the reply, the round's deadline stays queued until a
 * close takes it off, and a close is claimed: so the close happens once,
 * whoever does it, even when the process that replied dies first.
 */

const pack = richPack();
const ANI = { userId: 'u-ani', userName: 'Ani', channelId: 'c1' };
const BOB = { userId: 'u-bob', userName: 'Bob', channelId: 'c1' };
const channel = { platform: 'discord' as const, channelId: 'c1', serverId: 'g1' };

const reveals = (h: Harness) => h.poster.posts.filter((p) => p.reply.title?.startsWith('Answer to question'));

/** Starts a game, has Ani and Bob join in round 1 (closed by the clock); returns the game in round 2. */
async function twoJoined(h: Harness): Promise<GameState> {
  await h.run('/quiz start rounds:3 seconds:20', ANI);
  for (const who of [ANI, BOB]) await click(h, who, 0);
  h.clock.advance(21_000);
  expect(await closeDueQuizRounds(h)).toBe(1);
  await h.settle();
  return (await loadGame(h, channel)) as GameState;
}

async function click(h: Harness, who: typeof ANI, option: number): Promise<string> {
  const game = (await loadGame(h, channel)) as GameState;
  const reply = await h.click(quizAnswer.encode({ gameId: game.id, round: game.round, option }), who);
  return reply.text;
}

describe('a round closed after the reply to its last answer', () => {
  it('is revealed once, with every answer, and the next question follows', async () => {
    const h = await harness({ pack, background: true });
    const game = await twoJoined(h);
    expect(await click(h, ANI, 1)).toMatch(/^Locked in/);
    expect(await click(h, BOB, 2)).toMatch(/^Locked in/);
    await h.settle();
    expect(reveals(h)).toHaveLength(2);
    expect(reveals(h)[1]?.reply.title).toMatch(/^Answer to question 2 of 3/);
    expect(h.poster.posts.at(-1)?.reply.title).toMatch(/^Question 3 of 3/);
    const after = (await loadGame(h, channel)) as GameState;
    expect(after.round).toBe(game.round + 1);
    expect(Object.keys(after.players).sort()).toEqual(['u-ani', 'u-bob']);
  });

  it('is closed by the quiz clock at its deadline when the process died after the reply', async () => {
    const clock = new TestClock();
    const store = new MemoryStore(() => clock.ms);
    const poster = new RecordingPoster();
    const died = await harness({ pack, store, clock, poster, background: 'drop' });
    await twoJoined(died);
    expect(await click(died, ANI, 1)).toMatch(/^Locked in/);
    expect(await click(died, BOB, 2)).toMatch(/^Locked in/);
    expect(reveals(died)).toHaveLength(1);

    const next = await harness({ pack, store, clock, poster });
    expect(await closeDueQuizRounds(next)).toBe(0);
    clock.advance(20_000);
    expect(await closeDueQuizRounds(next)).toBe(1);
    expect(reveals(next)).toHaveLength(2);
    // Both answers were in before the replies, so both are scored.
    const game = (await loadGame(next, channel)) as GameState;
    expect(game.round).toBe(2);
    expect(game.players['u-ani']?.streak).toBeDefined();
    expect(reveals(next)[1]?.reply.body).not.toContain('Nobody answered');
  });

  it('is closed once when another instance’s close races it', async () => {
    const clock = new TestClock();
    const store = new MemoryStore(() => clock.ms);
    const poster = new RecordingPoster();
    const a = await harness({ pack, store, clock, poster, background: true });
    const b = await harness({ pack, store, clock, poster });
    const game = await twoJoined(a);
    await click(a, ANI, 1);
    const [, closedByB] = await Promise.all([click(a, BOB, 2), closeRound(b, channel, game.id, game.round)]);
    await a.settle();
    expect(reveals(a)).toHaveLength(2);
    expect(typeof closedByB).toBe('boolean');
  });
});
