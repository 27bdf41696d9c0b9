import { afterAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { userHistory } from '../../src/engine/study/history.js';
import { reviewAnswer, reviewPick } from '../../src/engine/study/review.js';
import { backends } from '../support/backends.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';
import { ANI, as, BOB, CEM, playGame } from './play.js';

const DAY = 86_400_000;

/** Answers every question of a review session: right when `right` says so. */
async function review(
  h: Awaited<ReturnType<typeof harness>>,
  member: typeof ANI,
  first: Reply,
  answerOf: (prompt: string, options: string[]) => number,
): Promise<Reply[]> {
  const seen: Reply[] = [first];
  let reply = first;
  for (let guard = 0; guard < 30 && reply.choices?.length; guard++) {
    const actions = (reply.choices ?? []).map((c) => c.action);
    const parsed = actions.map((a) => reviewAnswer.parse(a) ?? reviewPick.parse(a));
    const options = (reply.choices ?? []).map((c) => c.label.replace(/^[A-D]\. /, ''));
    const pick = answerOf(reply.body ?? '', options);
    const action = actions[pick] as string;
    expect(parsed[pick]).toBeDefined();
    reply = await h.click(action, as(member));
    seen.push(reply);
  }
  return seen;
}

const stores = backends();
afterAll(() => {
  for (const b of stores) b.cleanup();
});

describe.each(stores.map((b) => [b.name, b] as const))('a study group over a week (%s store)', (_name, backend) => {
  it('plays a week of quizzes, the leaderboard moves, week rollover keeps history, each member can review what they got wrong', async () => {
    const h = await harness({ pack: richPack(), store: await backend.open() });
    // Monday 6 May 2024, 18:00 UTC: the group meets every evening.
    h.clock.ms = Date.parse('2024-05-06T18:00:00Z');
    const group = [ANI, BOB, CEM];

    await playGame(h, '/quiz start rounds:3', group);
    const monday = await h.run('/leaderboard week', as(CEM));
    expect(monday.body?.split('\n')[0]).toMatch(/^1\. Ani: \d+ points \(3 of 3 right\)$/);
    expect(monday.body).toMatch(/Cem: 0 points \(0 of 3 right\)/);

    // Cem studies and starts getting everything right; Ani stops playing.
    const studious = { ...CEM, right: () => true };
    for (let day = 1; day <= 4; day++) {
      h.clock.ms = Date.parse('2024-05-06T18:00:00Z') + day * DAY;
      await playGame(h, '/quiz start rounds:3', [BOB, studious]);
    }
    const friday = await h.run('/leaderboard week', as(ANI));
    const lines = friday.body?.split('\n') ?? [];
    expect(lines[0]).toMatch(/^1\. Cem: /);
    expect(lines.findIndex((l) => l.includes('Ani'))).toBeGreaterThan(0);
    expect(friday.footer).toMatch(/Since 6 May 2024/);

    // Next Monday: a fresh week, last week's leader named, nothing lost.
    h.clock.ms = Date.parse('2024-05-13T09:00:00Z');
    const fresh = await h.run('/leaderboard week', as(ANI));
    expect(fresh.body).toMatch(/No quiz answers here this week yet/);
    expect(fresh.footer).toMatch(/Last week: Cem led with \d+ points/);
    const all = await h.run('/leaderboard all', as(ANI));
    expect(all.body).toMatch(/Cem: \d+ points \(12 of 15 right\)/);
    expect(all.body).toMatch(/Ani: \d+ points \(3 of 3 right\)/);
    expect(all.body).toMatch(/Bob: \d+ points \(\d+ of 15 right\)/);
    const month = await h.run('/leaderboard month', as(ANI));
    expect(month.body).toMatch(/Cem/);

    // Every answer is in the player's history with what the issue asks for.
    const history = await userHistory(h, 'discord', CEM.userId);
    expect(history).toHaveLength(15);
    for (const r of history) {
      expect(r).toMatchObject({ platform: 'discord', userId: CEM.userId, serverId: 'g1', via: 'quiz' });
      expect(r.questionId).toMatch(/^[a-z-]+:/);
      expect(r.ms).toBeGreaterThan(0);
      expect(typeof r.correct).toBe('boolean');
    }
    // A question can come up again later in the week: what counts is how each went the last time.
    const lastTry = new Map(history.map((r) => [r.questionId, r.correct]));
    const missed = new Set([...lastTry].filter(([, correct]) => !correct).map(([id]) => id));
    expect(history.filter((r) => !r.correct)).toHaveLength(3);

    // /stats: Cem's record, with the streak he built.
    const stats = await h.run('/stats', as(CEM));
    const field = (name: string) => stats.fields?.find((f) => f.name === name)?.value;
    expect(field('Accuracy')).toBe('80%');
    expect(field('Questions answered')).toBe('15 (12 right)');
    expect(field('Streak')).toBe('12 now, best 12');
    expect(field('Strongest topic')).toMatch(/100%|\d+%/);
    const bobByName = await h.run('/stats Bob', as(CEM));
    expect(bobByName.title).toBe('Stats for Bob');

    // Cem reviews: what he missed on Monday is due, and so is what he has not seen for days.
    const first = await h.run('/review count:20', as(CEM));
    expect(first.visibility).toBe('private');
    expect(first.footer).toMatch(/^\d+ questions due/);
    const replies = await review(h, CEM, first, () => 0);
    const last = replies.at(-1) as Reply;
    expect(last.title).toBe('Review done');
    expect(last.replaceOriginal).toBe(true);
    const reviewed = new Set(
      (await userHistory(h, 'discord', CEM.userId)).filter((r) => r.via === 'review').map((r) => r.questionId),
    );
    for (const id of missed) expect(reviewed).toContain(id);
    for (const id of reviewed) expect(history.map((r) => r.questionId)).toContain(id);

    // Reviewed today: nothing due right after, and the reply says when the next one is.
    const again = await h.run('/review', as(CEM));
    expect(again.body).toMatch(/Nothing is due for review\. Your next question comes due/);

    // Someone who never played has nothing to review yet.
    expect((await h.run('/review', { userId: 'u-new', userName: 'Dara' })).body).toMatch(/play a \/quiz/);
  });
});
