import { describe, expect, it } from 'vitest';
import { generateQuestions, questionById } from '../../src/engine/questions/generate.js';
import { loadGame } from '../../src/engine/quiz/game.js';
import { chronologyById, chronologyQuestions } from '../../src/engine/study/chronology.js';
import { userHistory } from '../../src/engine/study/history.js';
import { foldPicks, orderCredit, swappedPairs } from '../../src/engine/study/kendall.js';
import { freshVariant } from '../../src/engine/study/regenerate.js';
import { withReviewReminders } from '../../src/engine/study/remind.js';
import { listReports } from '../../src/engine/study/reports.js';
import { scoreAnswer, streakBonus } from '../../src/engine/study/score.js';
import { assignTeam, teamStandings } from '../../src/engine/study/teams.js';
import { BriefingScheduler } from '../../src/schedule/briefings.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';
import { ANI, as, BOB, CEM, CHANNEL, playGame } from './play.js';

describe('partial credit for an order (Kendall tau)', () => {
  it('gives 1 for the right order, 0 for its reverse, and the share of pairs in between', () => {
    expect(orderCredit([2, 0, 3, 1], [2, 0, 3, 1])).toBe(1);
    expect(orderCredit([1, 3, 0, 2], [2, 0, 3, 1])).toBe(0);
    // One neighbouring pair swapped: 5 of 6 pairs right.
    expect(orderCredit([0, 2, 3, 1], [2, 0, 3, 1])).toBeCloseTo(5 / 6);
    expect(swappedPairs([0, 2, 3, 1], [2, 0, 3, 1])).toBe(1);
  });

  it('reads picks in the order clicked, ignoring a repeated click', () => {
    expect(foldPicks([2, 2, 0], 4)).toEqual([2, 0]);
    expect(foldPicks([2, 0, 3, 1], 4)).toEqual([2, 0, 3, 1]);
  });
});

describe('scoring with streaks and speed', () => {
  const question = { answer: 1 } as Parameters<typeof scoreAnswer>[0];
  it('adds the speed bonus and a streak bonus that grows to a cap', () => {
    expect([1, 2, 3, 5, 9].map(streakBonus)).toEqual([0, 50, 100, 200, 200]);
    const instant = scoreAnswer(question, { option: 1, at: 0 }, 0, 20_000, 2);
    expect(instant).toMatchObject({ correct: true, streak: 3, bonus: 100, points: 1_100 });
    const halfway = scoreAnswer(question, { option: 1, at: 10_000 }, 0, 20_000, 0);
    expect(halfway.points).toBe(750);
    expect(scoreAnswer(question, { option: 0, at: 0 }, 0, 20_000, 4)).toMatchObject({ points: 0, streak: 0 });
  });

  it('is stated in /help quiz', async () => {
    const h = await harness();
    const help = await h.run('/help quiz');
    expect(help.body).toMatch(/500 × \(time left ÷ round time\)/);
    expect(help.body).toMatch(/Streak bonus: the 2nd right answer in a row adds 50/);
    expect(help.body).toMatch(/Kendall tau/);
  });
});

describe('chronology rounds', () => {
  const pack = richPack();

  it('picks four day-dated events that cannot tie, and explains the order with dates', () => {
    const questions = chronologyQuestions(pack, { count: 2, seed: 7 });
    expect(questions).toHaveLength(2);
    for (const q of questions) {
      expect(q.options).toHaveLength(4);
      const events = q.eventIds.map((id) => pack.events.get(id));
      for (const e of events) expect(e?.date).toMatch(/^\d{4}-\d\d-\d\d$/);
      const firstDays = events.map((e) => e?.date as string);
      expect([...firstDays].sort()).toEqual(firstDays);
      expect(new Set(firstDays).size).toBe(4);
      expect((q.order ?? []).map((i) => q.options[i])).toEqual(events.map((e) => e?.title));
      expect(q.explanation).toMatch(/^In order: 1\. \d+ \w+ 2020: /);
    }
    // A month-dated event ("Mobilisation announced", 2020-09) is never asked to be ordered.
    expect(questions.flatMap((q) => q.eventIds)).not.toContain('e8');
  });

  it('comes back from its id with the same events in another shown order', () => {
    const [q] = chronologyQuestions(pack, { count: 1, seed: 3 });
    const orders = new Set(
      [1, 2, 3, 4, 5].map((seed) => chronologyById(pack, q?.id as string, seed)?.options.join('|')),
    );
    expect(orders.size).toBeGreaterThan(1);
    expect(chronologyById(pack, q?.id as string, 9)?.eventIds).toEqual(q?.eventIds);
  });

  it('is played with picks: a right order scores in full, a reversed one nothing, one swap in part', async () => {
    const h = await harness({ pack });
    const swapper = { userId: 'u-dev', userName: 'Dev', right: () => true };
    await h.run('/quiz start mode:chronology rounds:1', as(ANI));
    const game = await loadGame(h, CHANNEL);
    const question = game?.questions[0];
    expect(question?.kind).toBe('chronology');
    const round = h.poster.posts.at(-1)?.reply;
    expect(round?.choices?.map((c) => c.menu)).toEqual(
      Array(4).fill('Pick the earliest event you have not placed yet'),
    );
    const truth = question?.order as number[];
    const clicks = {
      [ANI.userId]: truth,
      [CEM.userId]: [...truth].reverse(),
      [swapper.userId]: [truth[1], truth[0], truth[2], truth[3]] as number[],
    };
    for (const m of [ANI, CEM, swapper]) {
      for (const [i, item] of (clicks[m.userId] as number[]).entries()) {
        const reply = await h.click(`quiz:pick:${game?.id}:0:${item}`, as(m));
        if (i < 3) expect(reply.body).toMatch(/Your order so far/);
        else expect(reply.body).toMatch(/^Locked in your order: /);
      }
    }
    h.clock.ms = (game?.deadline ?? 0) + 1;
    const { closeDueQuizRounds } = await import('../../src/engine/quiz/game.js');
    await closeDueQuizRounds(h);
    const reveal = h.poster.posts.find((p) => p.reply.title?.startsWith('Answer to question 1'))?.reply;
    expect(reveal?.body).toMatch(/Ani: perfect order \(\+\d+\)/);
    expect(reveal?.body).toMatch(/Dev: 1 pair swapped \(\+\d+\)/);
    expect(reveal?.body).toMatch(/Cem: 6 pairs swapped \(\+0\)/);
    expect(reveal?.body).toMatch(/In order: 1\. /);
    const [ani, dev] = [await userHistory(h, 'discord', ANI.userId), await userHistory(h, 'discord', 'u-dev')];
    expect(ani[0]).toMatchObject({ kind: 'chronology', correct: true, credit: 1 });
    expect(dev[0]?.credit).toBeCloseTo(5 / 6);
    expect(dev[0]?.correct).toBe(false);
  });
});

describe('team games', () => {
  it('splits players into balanced teams in the order they join, deterministically', () => {
    const players: Record<string, { name: string; points: number; correct: number; team?: number }> = {};
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const n of names) players[n] = { name: n, points: 0, correct: 0, team: assignTeam(players, 2) };
    expect(names.map((n) => players[n]?.team)).toEqual([0, 1, 0, 1, 0]);
  });

  it('shows team standings on reveals and the final standings', async () => {
    const h = await harness({ pack: richPack() });
    await playGame(h, '/quiz start rounds:2 teams:2', [ANI, BOB, CEM]);
    const final = h.poster.posts.at(-1)?.reply;
    expect(final?.title).toBe('Quiz over');
    expect(final?.body).toMatch(
      /\*\*Teams\*\*\n1\. Team Red: \d+ points \(Ani, Cem\)\n2\. Team Blue: \d+ points \(Bob\)/,
    );
    const reveal = h.poster.posts.find((p) => p.reply.title?.startsWith('Answer to question 1'))?.reply;
    expect(reveal?.body).toMatch(/Team Red/);
    const last = await h.store.get<{ players: Record<string, { team?: number; points: number }> }>(
      'quiz:last:discord:c1',
    );
    const standings = teamStandings(last?.players as never, 2);
    expect(standings[0]?.points).toBe(
      (last?.players[ANI.userId]?.points ?? 0) + (last?.players[CEM.userId]?.points ?? 0),
    );
  });
});

const DRAWN_KINDS = ['quote-speaker', 'claim-speaker', 'report-gap', 'event-place'];

describe('reviewed questions come back differently', () => {
  it('rebuilds every generated question from its id, with other options or another order', () => {
    const pack = richPack();
    const questions = generateQuestions(pack, { count: 40, seed: 11 });
    let newDistractors = 0;
    for (const q of questions) {
      const again = questionById(pack, q.id, 99);
      expect(again?.id).toBe(q.id);
      // A true/false question may come back as the other statement about the same figure.
      if (q.kind !== 'true-false') expect(again?.options[again.answer]).toBe(q.options[q.answer]);
      const variant = freshVariant(pack, q.id, 5, q.options);
      expect(variant?.id).toBe(q.id);
      if (q.kind !== 'true-false') expect(variant?.options).not.toEqual(q.options);
      if (variant && new Set([...variant.options, ...q.options]).size > q.options.length) newDistractors++;
    }
    // Dates, orders and figures keep the options the pack-wide plan gave them (so none is a decoy
    // seen only ever wrong); names drawn from the right answers of their kind come back with others.
    const drawn = questions.filter((q) => DRAWN_KINDS.includes(q.kind));
    expect(drawn.length).toBeGreaterThan(0);
    // Small categories have no others to bring: a quarter of them at least come back with new names.
    expect(newDistractors).toBeGreaterThanOrEqual(drawn.length / 4);
  });

  it('gives undefined for an id the pack no longer makes', () => {
    expect(questionById(richPack(), 'event-date:no-such-event', 1)).toBeUndefined();
    expect(chronologyById(richPack(), 'chronology:e1+nope', 1)).toBeUndefined();
  });
});

describe('question reports', () => {
  it('are offered on every reveal and record the question, the user and the reason', async () => {
    const h = await harness({ pack: richPack() });
    await playGame(h, '/quiz start rounds:2', [ANI]);
    const reveals = h.poster.posts.filter((p) => p.reply.title?.startsWith('Answer to question'));
    expect(reveals).toHaveLength(2);
    for (const r of reveals) expect(r.reply.choices?.map((c) => c.label)).toEqual(['Report this question']);
    const action = reveals[0]?.reply.choices?.[0]?.action as string;
    const reasons = await h.click(action, as(BOB));
    expect(reasons.visibility).toBe('private');
    expect(reasons.choices?.map((c) => c.label)).toEqual([
      'The answer is wrong',
      'More than one answer fits',
      'It takes a side',
      'Something else',
    ]);
    const thanks = await h.click(reasons.choices?.[2]?.action as string, as(BOB));
    expect(thanks.body).toMatch(/reported as “It takes a side”/);
    const [report] = await listReports(h);
    const questionId = action.slice('review:report:'.length);
    expect(report).toMatchObject({
      questionId,
      userId: BOB.userId,
      userName: 'Bob',
      reason: 'biased',
      platform: 'discord',
    });
    expect(report?.prompt.length).toBeGreaterThan(10);
  });
});

describe('the review line in the daily briefing', () => {
  it('names who opted in and has questions due, and goes when they opt out', async () => {
    const h = await harness({ pack: richPack() });
    await playGame(h, '/quiz start rounds:3', [CEM, ANI]);
    await h.run('/review remind:on', as(CEM));
    await h.run('/review remind:on', as(ANI));
    h.clock.advance(2 * 86_400_000);
    const base = { text: 'Daily briefing', visibility: 'channel' as const, fields: [] };
    const briefing = await withReviewReminders(h, CHANNEL, h.clock.ms, base);
    expect(briefing.fields?.[0]?.value).toMatch(/^Review: Cem has 3 questions due\. \/review to practise\.$/);
    await h.run('/review remind:off', as(CEM));
    expect(await withReviewReminders(h, CHANNEL, h.clock.ms, base)).toEqual(base);
  });

  it('reaches the posted briefing through the scheduler', async () => {
    const h = await harness({ pack: richPack() });
    await playGame(h, '/quiz start rounds:3', [CEM]);
    await h.run('/review remind:on', as(CEM));
    await h.run('/briefing subscribe time:08:00 timezone:UTC', { ...as(ANI), canManage: true });
    const scheduler = new BriefingScheduler(h);
    const until = h.clock.ms + 2 * 86_400_000;
    while (h.clock.ms < until) {
      h.clock.advance(60_000);
      await scheduler.tick();
    }
    const briefings = h.poster.posts.filter((p) => p.reply.title?.startsWith('Daily briefing'));
    expect(briefings.length).toBeGreaterThan(0);
    const line = briefings.at(-1)?.reply.fields?.find((f) => f.name === 'Due for review')?.value;
    expect(line).toBe('Review: Cem has 3 questions due. /review to practise.');
  });

  it('shows in /briefing preview as it will be posted', async () => {
    const h = await harness({ pack: richPack() });
    await playGame(h, '/quiz start rounds:3', [CEM]);
    await h.run('/review remind:on', as(CEM));
    expect((await h.run('/briefing preview', as(ANI))).fields?.map((f) => f.name)).not.toContain('Due for review');
    h.clock.advance(2 * 86_400_000);
    const preview = await h.run('/briefing preview', as(ANI));
    expect(preview.visibility).toBe('private');
    expect(preview.fields?.find((f) => f.name === 'Due for review')?.value).toBe(
      'Review: Cem has 3 questions due. /review to practise.',
    );
  });
});
