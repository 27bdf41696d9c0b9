import { describe, expect, it } from 'vitest';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { showDueCounts } from '../../src/engine/quiz/live-count.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import { pointsFor, rank } from '../../src/engine/quiz/scoring.js';
import { deadlineQueue, type GameState, keys } from '../../src/engine/quiz/state.js';
import { MemoryStore } from '../../src/store/memory.js';
import { TestClock } from '../support/clock.js';
import { type Harness, harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

const pack = richPack();
const channel = { platform: 'discord', channelId: 'c1' } as const;

async function game(h: Harness): Promise<GameState> {
  const g = await h.store.get<GameState>(keys.game(channel));
  if (!g) throw new Error('no game running');
  return g;
}

/** The action of option `index` on the latest posted question. */
function option(h: Harness, index: number): string {
  const question = [...h.poster.posts].reverse().find((p) => p.reply.choices?.length);
  const action = question?.reply.choices?.[index]?.action;
  if (!action) throw new Error('no question posted');
  return action;
}

async function rightAndWrong(h: Harness): Promise<{ right: string; wrong: string }> {
  const g = await game(h);
  const answer = g.questions[g.round]?.answer ?? 0;
  return { right: option(h, answer), wrong: option(h, answer === 0 ? 1 : 0) };
}

describe('a quiz game', () => {
  it('posts the first question and acknowledges the start briefly', async () => {
    const h = await harness({ pack });
    const ack = await h.run('/quiz start rounds:3 seconds:30');
    expect(ack.text).toContain('Ani started a quiz: 3 questions of 30 s');
    expect(h.poster.posts).toHaveLength(1);
    const round = h.poster.posts[0]?.reply;
    expect(round?.title).toMatch(/^Question 1 of 3/);
    for (const c of round?.choices ?? []) {
      expect(c.action.length).toBeLessThanOrEqual(100);
      expect(quizAnswer.parse(c.action)).toBeDefined();
    }
    const g = await game(h);
    expect(await h.store.due(deadlineQueue('discord'), g.deadline, 10)).toHaveLength(1);
    expect(g.deadline - g.roundStartedAt).toBe(30_000);
  });

  it('tells the channel once when a restart lost the game a click is for, instead of leaving dead buttons', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:3');
    const click = option(h, 0);
    // A Redis without persistence, restarted: the store forgets the running game.
    await h.store.delete(keys.game(channel));
    const posted = h.poster.posts.length;
    const first = await h.click(click);
    expect(first).toMatchObject({ visibility: 'private' });
    expect(first.text).toMatch(/^This quiz was lost in a restart/);
    expect(h.poster.posts.slice(posted).map((p) => p.reply.body)).toEqual([
      expect.stringMatching(/lost in a restart.*\/quiz start/),
    ]);
    await h.click(click, { userId: 'u2', userName: 'Babken' });
    expect(h.poster.posts).toHaveLength(posted + 1);
  });

  it('says a quiz that ended is over, without any notice to the channel', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:3');
    const click = option(h, 0);
    await h.run('/quiz stop');
    const posted = h.poster.posts.length;
    expect((await h.click(click)).text).toBe('That quiz is over.');
    expect(h.poster.posts).toHaveLength(posted);
  });

  it('keeps one game per channel', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start');
    await expect(h.run('/quiz start')).rejects.toThrow('A quiz is already running here');
    await expect(h.run('/quiz start', { channelId: 'c2' })).resolves.toBeDefined();
  });

  it('takes one answer per player, locks it in privately and shows the answer count at the next tick', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:2');
    const first = await h.click(option(h, 0));
    expect(first).toMatchObject({ visibility: 'private' });
    expect(first.text).toMatch(/^Locked in: A\./);
    // The click itself edits nothing: the quiz clock shows the count.
    expect(h.poster.edits).toEqual([]);
    expect(await showDueCounts(h)).toBe(1);
    expect(h.poster.edits.at(-1)?.reply.footer).toContain('1 answer so far');
    const again = await h.click(option(h, 1));
    expect(again.text).toBe('You already answered this question.');
    h.clock.advance(1_000);
    await h.click(option(h, 1), { userId: 'u2', userName: 'Babken' });
    expect(await showDueCounts(h)).toBe(1);
    expect(h.poster.edits.at(-1)?.reply.footer).toContain('2 answers so far');
    // Nothing changed since: the next tick edits nothing.
    h.clock.advance(1_000);
    expect(await showDueCounts(h)).toBe(0);
    expect(h.poster.edits).toHaveLength(2);
  });

  it('closes the first question at its deadline, reveals it with sources, then asks the next', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:2 seconds:20');
    const { right, wrong } = await rightAndWrong(h);
    h.clock.advance(5_000);
    await h.click(right);
    await h.click(wrong, { userId: 'u2', userName: 'Babken' });
    expect(await closeDueQuizRounds(h)).toBe(0);
    h.clock.advance(15_001);
    expect(await closeDueQuizRounds(h)).toBe(1);
    const reveal = h.poster.posts[1]?.reply;
    expect(reveal?.title).toMatch(/^Answer to question 1 of 2: [A-D]\./);
    expect(reveal?.body).toContain('**Right:** Ani (+875)');
    expect(reveal?.sources?.length).toBeGreaterThan(0);
    expect(h.poster.posts[2]?.reply.title).toMatch(/^Question 2 of 2/);
    expect((await game(h)).players).toMatchObject({ u1: { points: 875, correct: 1 }, u2: { points: 0, correct: 0 } });
  });

  it('opens the next question on its own deadline even when the platform refuses a reveal', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:2 seconds:20');
    const post = h.poster.post.bind(h.poster);
    h.poster.post = async (to, reply) => {
      if (reply.title?.startsWith('Answer to')) throw new Error('503 from the platform');
      return post(to, reply);
    };
    h.clock.advance(20_001);
    expect(await closeDueQuizRounds(h)).toBe(1);
    expect(h.poster.posts.at(-1)?.reply.title).toMatch(/^Question 2 of 2/);
    expect((await game(h)).round).toBe(1);
    // The second round closes at its own deadline: nothing is left waiting for a reveal that never came.
    h.clock.advance(20_001);
    expect(await closeDueQuizRounds(h)).toBe(1);
    expect(h.poster.posts.at(-1)?.reply.title).toMatch(/^Quiz over/);
  });

  it('ends a later question as soon as everyone who joined has answered, then posts the final standings', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:2');
    await h.click(option(h, 0));
    await h.click(option(h, 0), { userId: 'u2', userName: 'Babken' });
    h.clock.advance(20_001);
    await closeDueQuizRounds(h);
    const { right } = await rightAndWrong(h);
    await h.click(right);
    expect(h.poster.posts).toHaveLength(3);
    await h.click(right, { userId: 'u2', userName: 'Babken' });
    const [reveal, final] = h.poster.posts.slice(3).map((p) => p.reply);
    expect(reveal?.title).toMatch(/^Answer to question 2 of 2/);
    expect(final?.title).toBe('Quiz over');
    expect(final?.body).toMatch(/Final standings\*\*\n1\. /);
    expect(await h.store.get(keys.game(channel))).toBeUndefined();
    expect((await h.run('/quiz score')).title).toBe('Last quiz here');
  });

  it('rewards speed: an earlier right answer scores more', () => {
    expect(pointsFor(true, 0, 0, 20_000)).toBe(1000);
    expect(pointsFor(true, 10_000, 0, 20_000)).toBe(750);
    expect(pointsFor(true, 20_000, 0, 20_000)).toBe(500);
    expect(pointsFor(false, 0, 0, 20_000)).toBe(0);
    expect(rank({ a: { name: 'A', points: 5, correct: 1 }, b: { name: 'B', points: 9, correct: 1 } })[0]?.name).toBe(
      'B',
    );
  });

  it('refuses answers to a closed question or after the deadline', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:2');
    const old = option(h, 0);
    h.clock.advance(20_001);
    expect((await h.click(old)).text).toBe('Time is up for this question.');
    await closeDueQuizRounds(h);
    expect((await h.click(old)).text).toBe('Question 1 is closed; answer the current one.');
  });

  it('closes each round once when several instances tick together', async () => {
    const clock = new TestClock();
    const store = new MemoryStore(() => clock.ms);
    const a = await harness({ pack, store, clock });
    const b = await harness({ pack, store, clock });
    await a.run('/quiz start rounds:2');
    clock.advance(20_001);
    const closed = await Promise.all([closeDueQuizRounds(a), closeDueQuizRounds(b)]);
    expect(closed.reduce((x, y) => x + y)).toBe(1);
    const reveals = [...a.poster.posts, ...b.poster.posts].filter((p) => p.reply.title?.startsWith('Answer to'));
    expect(reveals).toHaveLength(1);
  });

  it('continues after a restart from what the Store holds', async () => {
    const clock = new TestClock();
    const store = new MemoryStore(() => clock.ms);
    const before = await harness({ pack, store, clock });
    await before.run('/quiz start rounds:2');
    await before.click(option(before, 0));
    const after = await harness({ pack, store, clock });
    expect((await after.click(option(before, 1))).text).toBe('You already answered this question.');
    clock.advance(20_001);
    expect(await closeDueQuizRounds(after)).toBe(1);
    expect(after.poster.posts.map((p) => p.reply.title)).toEqual([
      expect.stringMatching(/^Answer to question 1 of 2/),
      expect.stringMatching(/^Question 2 of 2/),
    ]);
    expect((await store.get<GameState>(keys.game(channel)))?.players.u1).toBeDefined();
  });

  it('lets the starter or a manager stop the game, and tells anyone else why not', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:3');
    await expect(h.run('/quiz stop', { userId: 'u2', userName: 'Babken' })).rejects.toThrow(
      'Only Ani, who started this quiz, or someone who can manage the channel can stop it.',
    );
    const stopped = await h.run('/quiz stop', { userId: 'u3', userName: 'Mod', canManage: true });
    expect(stopped).toMatchObject({ visibility: 'private', text: 'Quiz stopped.' });
    expect(h.poster.posts.at(-1)?.reply.title).toBe('Quiz stopped by Mod after 0 of 3 questions');
    h.clock.advance(60_000);
    expect(await closeDueQuizRounds(h)).toBe(0);
    await expect(h.run('/quiz stop')).rejects.toThrow('No quiz is running here.');
  });

  it('shows the standings so far', async () => {
    const h = await harness({ pack });
    await expect(h.run('/quiz score')).rejects.toThrow('No quiz has been played here yet.');
    await h.run('/quiz start rounds:2');
    const score = await h.run('/quiz score');
    expect(score.title).toBe('Quiz: question 1 of 2');
    expect(score.body).toContain('Nobody played.');
  });

  it('says so when a scope has no questions', async () => {
    const h = await harness({ pack });
    await expect(h.run('/quiz start period:1990')).rejects.toThrow('The pack has no questions about 1990');
  });
});
