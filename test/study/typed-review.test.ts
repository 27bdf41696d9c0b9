import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { generateQuestions } from '../../src/engine/questions/generate.js';
import { asTyped, type TypedQuestion } from '../../src/engine/questions/typed.js';
import type { Question } from '../../src/engine/questions/types.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { loadCard, reviewCard } from '../../src/engine/study/cards.js';
import { studyKeys } from '../../src/engine/study/keys.js';
import { reviewAnswer } from '../../src/engine/study/review.js';
import { EASY_WITHIN_MS, typedReviewGrade } from '../../src/engine/study/typed-review.js';
import { typedReview } from '../../src/engine/study/typed-review-parts.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

const pack = richPack();
const DAY = 86_400_000;
const players = [
  { userId: 'u1', userName: 'Ani' },
  { userId: 'u2', userName: 'Babken' },
  { userId: 'u3', userName: 'Carine' },
  { userId: 'u4', userName: 'Davit' },
];

function typedOf(kind: Question['kind'], which: (q: TypedQuestion) => boolean = () => true): TypedQuestion {
  for (const q of generateQuestions(pack, { count: 30, seed: 7, kinds: [kind as never] })) {
    const typed = asTyped(pack, q);
    if (typed && which(typed)) return typed;
  }
  throw new Error(`no typed ${kind} question`);
}

function dateQuestion(): TypedQuestion {
  return typedOf('event-date', (q) => q.expects.kind === 'date' && q.expects.when.date.length === 10);
}

describe('/review mode:typed', () => {
  it('grades the FSRS card by the match: wrong Again, partial Hard, exact Good, exact within the time Easy', async () => {
    const h = await harness({ pack });
    const question = dateQuestion();
    const day = question.expects.kind === 'date' ? question.expects.when.date : '';
    // Four players miss the question in a quiz, so it comes due for each the next day.
    await h.run('/quiz start rounds:1 mode:typed');
    const channel = { platform: 'discord', channelId: 'c1' } as const;
    const game = (await h.store.get<GameState>(keys.game(channel))) as GameState;
    await h.store.set(keys.game(channel), { ...game, questions: [question] });
    const action = h.poster.posts.at(-1)?.reply.choices?.[0]?.action as string;
    for (const p of players) await h.type(action, 'no idea', p);
    h.clock.advance(30_000);
    await closeDueQuizRounds(h);
    h.clock.advance(2 * DAY);

    const wrongDay = `${day.slice(0, 8)}${day.endsWith('-01') ? '02' : '01'}`;
    const typed: [string, string, number][] = [
      ['u1', 'no idea', 5_000],
      ['u2', wrongDay, 5_000],
      ['u3', day, EASY_WITHIN_MS + 1_000],
      ['u4', day, EASY_WITHIN_MS - 1_000],
    ];
    const results: Reply[] = [];
    for (const [userId, text, after] of typed) {
      const who = players.find((p) => p.userId === userId);
      const review = await h.run('/review mode:typed', who);
      expect(review.title).toBe('Review 1 of 1');
      expect(review.body).toContain(`**${question.wants}**`);
      expect(review.body).not.toMatch(/^A\. /m);
      expect(review.choices?.map((c) => c.label)).toEqual(['Answer']);
      // A forged choice click on a typed question is no answer: it neither grades nor moves the card.
      const session = typedReview.parse(review.choices?.[0]?.action as string);
      const forged = reviewAnswer.encode({ sessionId: session?.sessionId as string, index: 0, value: question.answer });
      await expect(h.click(forged, who)).rejects.toThrow('This question is answered by typing: click Answer.');
      const box = await h.click(review.choices?.[0]?.action as string, who);
      expect(box.input).toMatchObject({ title: 'Review 1 of 1', label: question.wants });
      h.clock.advance(after);
      results.push(await h.type(box.input?.action as string, text, who));
      h.clock.advance(-after);
    }
    const [again, hard, good, easy] = results.map((r) => r.body ?? '');
    expect(again).toMatch(/^\*\*Wrong:\*\* you typed “no idea”.*; the answer is .+\. Graded Again\./);
    expect(hard).toMatch(
      /^\*\*Partly right:\*\* you typed “[\d-]+” \(right month, wrong day: .+\); the answer is .+\. Graded Hard\./,
    );
    expect(good).toMatch(/^\*\*Right:\*\* .+\. Graded Good\./);
    expect(easy).toMatch(/^\*\*Right:\*\* .+\. Graded Easy\./);
    for (const r of results) expect(r.title).toBe('Review done');

    // The next review comes later the better the grade.
    const due = await Promise.all(
      players.map(async (p) => Date.parse(String((await loadCard(h, 'discord', p.userId, question.id))?.card.due))),
    );
    expect(due[0]).toBeLessThan(due[1] as number);
    expect(due[1]).toBeLessThan(due[2] as number);
    expect(due[2]).toBeLessThan(due[3] as number);
  });

  it('grades by the match and the time: a forgiven misspelling is Good however fast, and Easy ends at the threshold', () => {
    expect(typedReviewGrade('wrong', 1_000)).toBe(Rating.Again);
    expect(typedReviewGrade('partial', 1_000)).toBe(Rating.Hard);
    expect(typedReviewGrade('close', 1_000)).toBe(Rating.Good);
    expect(typedReviewGrade('exact', EASY_WITHIN_MS)).toBe(Rating.Easy);
    expect(typedReviewGrade('exact', EASY_WITHIN_MS + 1)).toBe(Rating.Good);
  });

  it('leaves what cannot be typed for a plain review, and grades a question once when two boxes are sent at once', async () => {
    const h = await harness({ pack });
    const [date, place] = [dateQuestion(), typedOf('event-place')];
    const order = generateQuestions(pack, { count: 5, seed: 3, kinds: ['which-first'] })[0];
    const who = { platform: 'discord', userId: 'u1' } as const;
    for (const id of [date.id, place.id, order?.id as string]) await reviewCard(h, who, id, 0, h.clock.ms);
    h.clock.advance(2 * DAY);

    expect((await h.run('/review mode:typed')).title).toBe('Review 1 of 2');
    expect((await h.run('/review')).title).toBe('Review 1 of 3');
    const typed = await h.run('/review mode:typed');
    const box = await h.click(typed.choices?.[0]?.action as string);
    const sent = await Promise.allSettled([
      h.type(box.input?.action as string, 'no idea'),
      h.type(box.input?.action as string, 'no idea'),
    ]);
    expect(sent.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((sent.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(
      /already answered that one/,
    );
    const history = await h.store.list(studyKeys.history('discord', 'u1'));
    expect(history).toHaveLength(1);
  });
});
