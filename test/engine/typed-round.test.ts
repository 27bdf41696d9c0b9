import { afterAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { generateQuestions } from '../../src/engine/questions/generate.js';
import { asTyped, isTyped, type TypedQuestion, typedQuestions } from '../../src/engine/questions/typed.js';
import type { Question } from '../../src/engine/questions/types.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import { pointsFor } from '../../src/engine/quiz/scoring.js';
import { type Answer, type GameState, keys } from '../../src/engine/quiz/state.js';
import { typedAnswer } from '../../src/engine/quiz/typed-action.js';
import { studyKeys } from '../../src/engine/study/keys.js';
import { scoreAnswer } from '../../src/engine/study/score.js';
import { backends } from '../support/backends.js';
import { TestClock } from '../support/clock.js';
import { type Harness, harness, RecordingPoster } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

const pack = richPack();
const channel = { platform: 'discord', channelId: 'c1' } as const;
const BOB = { userId: 'u2', userName: 'Babken' };
const CAROL = { userId: 'u3', userName: 'Carine' };

async function game(h: Harness): Promise<GameState> {
  const g = await h.store.get<GameState>(keys.game(channel));
  if (!g) throw new Error('no game running');
  return g;
}

/** A typed question of the pack, made from the first generated question of `kind` whose answer passes `which`. */
function typedOf(kind: Question['kind'], which: (q: TypedQuestion) => boolean = () => true): TypedQuestion {
  for (let seed = 1; seed < 40; seed++) {
    for (const q of generateQuestions(pack, { count: 20, seed, kinds: [kind as never] })) {
      const typed = asTyped(pack, q);
      if (typed && which(typed)) return typed;
    }
  }
  throw new Error(`no typed ${kind} question`);
}

/** Starts a typed game and sets what its rounds ask, so a test knows the answers. */
async function typedGame(
  h: Harness,
  questions: TypedQuestion[],
  line = '/quiz start mode:typed seconds:20',
): Promise<GameState> {
  await h.run(`${line} rounds:${questions.length}`);
  const g = await game(h);
  g.questions = questions;
  await h.store.set(keys.game(channel), g);
  return g;
}

function lastPost(h: Harness): Reply {
  const post = h.poster.posts.at(-1);
  if (!post) throw new Error('nothing posted');
  return post.reply;
}

function answerAction(h: Harness): string {
  const action = [...h.poster.posts].reverse().find((p) => p.reply.choices?.length)?.reply.choices?.[0]?.action;
  if (!action) throw new Error('no question posted');
  return action;
}

const place = typedOf('event-place');
const date = typedOf('event-date', (q) => q.expects.kind === 'date' && q.expects.when.date.length === 10);
const figure = typedOf('figure');

describe('a typed quiz round', () => {
  it('asks without options: the prompt says what kind of answer is wanted, and one Answer button opens the box', async () => {
    const h = await harness({ pack });
    const ack = await h.run('/quiz start mode:typed rounds:3');
    expect(ack.text).toMatch(/Answers are typed, not picked: click Answer/);
    const round = lastPost(h);
    const question = (await game(h)).questions[0] as Question;
    expect(isTyped(question)).toBe(true);
    expect(round.title).toMatch(/^Question 1 of 3: typed/);
    expect(round.body).toMatch(
      /\*\*Type (a date|a month|a year|a number|a place|a country|the name of a person or body)\*\*/,
    );
    for (const option of question.options) expect(round.body).not.toContain(`A. ${option}`);
    expect(round.choices?.map((c) => c.label)).toEqual(['Answer']);

    const box = await h.click(answerAction(h));
    expect(box.visibility).toBe('private');
    expect(box.input).toMatchObject({ action: answerAction(h), title: 'Question 1 of 3', maxLength: 200 });
    expect(box.input?.label).toBe((question as TypedQuestion).wants);
    expect(box.input?.label.length).toBeLessThanOrEqual(45);
  });

  it('keeps answers private until the reveal, refuses a second one politely and keeps the first, then reveals what each typed with its credit', async () => {
    const h = await harness({ pack });
    await typedGame(h, [place, date]);
    const action = answerAction(h);
    const right = place.options[place.answer] as string;

    const received = await h.type(action, right);
    expect(received).toMatchObject({ visibility: 'private' });
    expect(received.text).toBe('Answer received. It stays private until the reveal.');
    await expect(h.type(action, 'Northgate')).rejects.toThrow(
      'You already answered this question; your first answer stands.',
    );
    // A second click on Answer says so at once, rather than opening a box typed into for nothing.
    expect((await h.click(action)).text).toBe('You already answered this question; your first answer stands.');
    h.clock.advance(4_000);
    expect((await h.type(action, `${right.slice(0, -1)}x`, BOB)).text).toMatch(/^Answer received/);
    await h.type(action, 'Atlantis', CAROL);
    // Nothing posted in the channel names an answer before the reveal.
    expect(h.poster.posts.map((p) => p.reply.text).join('\n')).not.toContain('Atlantis');

    h.clock.advance(20_000);
    await closeDueQuizRounds(h);
    const reveal = h.poster.posts.find((p) => p.reply.title?.startsWith('Answer to question 1'))?.reply as Reply;
    expect(reveal.title).toBe(`Answer to question 1 of 2: ${right}`);
    const results = reveal.body?.split('\n') ?? [];
    expect(results).toContainEqual(expect.stringMatching(new RegExp(`^Ani typed “${right}”: right \\(\\+\\d+\\)$`)));
    expect(results).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Babken typed “${right.slice(0, -1)}x”: right \\(\\+\\d+\\): accepted .* as ${right} \\(one letter off\\)$`,
        ),
      ),
    );
    expect(results).toContainEqual('Carine typed “Atlantis”: wrong (+0)');
    expect(reveal.body).not.toContain('Northgate');
    // Attributed as a choice round's reveal is: the article's words and the sources.
    expect(reveal.evidence?.length).toBeGreaterThan(0);
    expect(reveal.sources?.length).toBeGreaterThan(0);
    expect(reveal.choices?.map((c) => c.label)).toEqual(['Report this question']);

    const players = (await game(h)).players;
    expect(players.u1?.points).toBeGreaterThan(players.u2?.points ?? 0);
    expect(players.u2?.correct).toBe(1);
    expect(players.u3).toMatchObject({ points: 0, correct: 0, streak: 0 });
  });

  it('gives a partial date half the points of a right one and says why; a near miss is told "did you mean" only in the reveal', async () => {
    const h = await harness({ pack });
    await typedGame(h, [date, place]);
    const day = date.expects.kind === 'date' ? date.expects.when.date : '';
    const wrongDay = `${day.slice(0, 8)}${day.endsWith('-01') ? '02' : '01'}`;
    const action = answerAction(h);
    await h.type(action, day);
    await h.type(action, wrongDay, BOB);
    h.clock.advance(20_000);
    await closeDueQuizRounds(h);
    const reveal = lastPost(h).title?.startsWith('Question 2') ? h.poster.posts.at(-2)?.reply : lastPost(h);
    expect(reveal?.body).toMatch(
      /Babken typed “[\d-]+”: partly right \(\+\d+\): right month, wrong day: it was \d+ \w+ 2020/,
    );
    const g = await game(h);
    expect(g.players.u2?.points).toBe(Math.round((g.players.u1?.points ?? 0) / 2));
    expect(g.players.u2?.correct).toBe(0);
    // Study history and the server's board take the partial answer as the quiz scored it.
    expect(await h.store.list(studyKeys.history('discord', 'u2'))).toEqual([
      expect.objectContaining({ questionId: date.id, correct: false, credit: 0.5, points: g.players.u2?.points }),
    ]);

    const name = place.options[place.answer] as string;
    const nearMiss = `${name.slice(0, -2)}xx`;
    const second = answerAction(h);
    const received = await h.type(second, nearMiss);
    expect(received.text).not.toMatch(/did you mean/);
    h.clock.advance(20_000);
    await closeDueQuizRounds(h);
    const last = h.poster.posts.find((p) => p.reply.title?.startsWith('Answer to question 2'))?.reply;
    expect(last?.body).toContain(`Ani typed “${nearMiss}”: wrong (+0): close: did you mean ${name}?`);
  });

  it('says "That round has closed" to a box sent after its round, and does not score it', async () => {
    const h = await harness({ pack });
    await typedGame(h, [figure, place]);
    const first = answerAction(h);
    h.clock.advance(21_000);
    // The deadline has passed but no tick has closed the round yet: too late all the same.
    await expect(h.type(first, '40')).rejects.toThrow('That round has closed. Your answer was not counted.');
    await closeDueQuizRounds(h);
    await expect(h.type(first, '40', BOB)).rejects.toThrow('That round has closed. Your answer was not counted.');
    expect(await h.store.list<Answer>(keys.answers((await game(h)).id, 0))).toEqual([]);
    expect((await h.click(first)).text).toBe('That round has closed.');
  });

  it('scores no forged choice click on a typed question: it is answered by typing', async () => {
    const h = await harness({ pack });
    const g = await typedGame(h, [figure, place]);
    const forged = quizAnswer.encode({ gameId: g.id, round: 0, option: figure.answer });
    expect((await h.click(forged)).text).toBe('This question is answered by typing: click Answer.');
    expect(await h.store.list<Answer>(keys.answers(g.id, 0))).toEqual([]);
  });

  it('scores a partial answer as a fraction of a right one and breaks the streak', () => {
    const [start, deadline] = [0, 20_000];
    const partial = scoreAnswer(figure, { verdict: { grade: 'partial' }, at: 5_000 }, start, deadline, 2);
    expect(partial).toMatchObject({ credit: 0.5, correct: false, streak: 0, bonus: 0 });
    expect(partial.points).toBe(Math.round(0.5 * pointsFor(true, 5_000, start, deadline)));
    const close = scoreAnswer(figure, { verdict: { grade: 'close' }, at: 5_000 }, start, deadline, 2);
    expect(close).toMatchObject({ credit: 1, correct: true, streak: 3 });
  });

  it('shows an example of the form wanted that never is, or is near, the answer', () => {
    const asked = [1, 2, 3, 4, 5].flatMap((seed) => typedQuestions(pack, { count: 10, seed }).filter(isTyped));
    expect(asked.length).toBeGreaterThan(10);
    for (const q of asked) {
      const answer = q.options[q.answer] as string;
      expect(q.example ?? '').not.toContain(answer);
      if (q.expects.kind === 'date') expect(q.example).not.toContain(q.expects.when.date.slice(0, 4));
    }
  });

  it('spells its action once, short enough for any platform', () => {
    const action = 'quiz:typed:0lx9abcde1234567890ab:12';
    expect(typedAnswer.parse(action)).toEqual({ gameId: '0lx9abcde1234567890ab', round: 12 });
    expect(typedAnswer.parse('quiz:answer:0lx9abcde1234567890ab:1:2')).toBeUndefined();
  });
});

const stores = backends();
afterAll(() => {
  for (const b of stores) b.cleanup();
});

describe.each(stores.map((b) => [b.name, b] as const))('a typed round on two replicas (%s store)', (_name, backend) => {
  it('takes answers on either instance, refuses a second one on the other, and one of them reveals it', async () => {
    const store = await backend.open();
    const clock = new TestClock();
    const poster = new RecordingPoster();
    const a = await harness({ pack, store, clock, poster });
    const b = await harness({ pack, store, clock, poster });
    await typedGame(a, [place]);
    const action = answerAction(a);
    const right = place.options[place.answer] as string;
    await a.type(action, right);
    await expect(b.type(action, 'Northgate')).rejects.toThrow(/already answered/);
    await b.type(action, right, BOB);
    clock.advance(21_000);
    const closed = await Promise.all([closeDueQuizRounds(a), closeDueQuizRounds(b)]);
    expect(closed.reduce((x, y) => x + y)).toBe(1);
    const reveals = poster.posts.filter((p) => p.reply.title?.startsWith('Answer to question 1'));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.reply.body).toContain(`Ani typed “${right}”: right`);
    expect(reveals[0]?.reply.body).toContain(`Babken typed “${right}”: right`);
    expect(poster.posts.at(-1)?.reply.body).toMatch(/Final standings\*\*\n1\. Ani: \d+ points \(1 right\)\n2\. Babken/);
  });
});
