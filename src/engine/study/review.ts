import { randomUUID } from 'node:crypto';
import type { Grade } from 'ts-fsrs';
import { defineAction, wholeNumber } from '../../core/action.js';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { hashString } from '../../core/parse/seed.js';
import type { Choice, Reply } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { asTyped, isTyped, TYPE_IT } from '../questions/typed.js';
import type { Question } from '../questions/types.js';
import { letter } from '../quiz/messages.js';
import { evidenceLine, makeReply, plural } from '../text.js';
import { dueQuestions, loadCard, nextDue, reviewCard } from './cards.js';
import { recordAnswer } from './history.js';
import { foldPicks, orderCredit, swappedPairs } from './kendall.js';
import { studyKeys } from './keys.js';
import { deletePicks, expirePicksLater } from './pick-expiry.js';
import { orderChoices, orderInstructions } from './quiz-messages.js';
import { freshVariant } from './regenerate.js';
import { episodeOf } from './topics.js';
import { typedReviewParts } from './typed-review-parts.js';

export const DEFAULT_REVIEW_COUNT = 5;
/** A review session left open lapses after a day. */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export interface ReviewSession {
  id: string;
  questions: Question[];
  index: number;
  right: number;
  /** When the current question was shown. */
  shownAt: number;
  /** `typed`: every answer is typed (src/engine/study/typed-review.ts). */
  mode?: 'typed';
}

/** A click in a review session: `review:<answer|pick>:<session>:<index>:<option or item>`. */
export interface ReviewClick {
  sessionId: string;
  index: number;
  value: number;
}

function reviewAction(what: 'answer' | 'pick') {
  return defineAction<ReviewClick>({
    name: `review:${what}`,
    encode: (a) => [a.sessionId, a.index, a.value],
    parse: (parts) => {
      const [sessionId, index, value] = [parts[0], wholeNumber(parts[1], 3), wholeNumber(parts[2], 1)];
      if (parts.length !== 3 || !sessionId || !/^[A-Za-z0-9]{1,40}$/.test(sessionId)) return undefined;
      return index === undefined || value === undefined ? undefined : { sessionId, index, value };
    },
  });
}

export const reviewAnswer = reviewAction('answer');
export const reviewPick = reviewAction('pick');

function questionParts(session: ReviewSession): { title: string; body: string; choices: Choice[] } {
  const question = session.questions[session.index] as Question;
  const title = `Review ${session.index + 1} of ${session.questions.length}`;
  if (isTyped(question)) return { title, ...typedReviewParts(session.id, session.index, question) };
  if (question.order) {
    const choices = orderChoices(question, (value) =>
      reviewPick.encode({ sessionId: session.id, index: session.index, value }),
    );
    return { title, body: orderInstructions(question), choices };
  }
  return {
    title,
    body: `${question.prompt}\n\n${question.options.map((o, i) => `${letter(i)}. ${o}`).join('\n')}`,
    choices: question.options.map((o, i) => ({
      action: reviewAnswer.encode({ sessionId: session.id, index: session.index, value: i }),
      label: clip(`${letter(i)}. ${o}`, 80),
      style: 'primary',
      group: 'answer',
    })),
  };
}

function whenLabel(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
}

/**
 * `/review`: a private session over the caller's due cards, most overdue
 * first. Each comes back with a fresh draw of distractors and a new order.
 */
export async function startReview(ctx: CommandContext, count: number, mode?: 'typed'): Promise<Reply> {
  const { platform, userId } = ctx.caller;
  const now = ctx.now().getTime();
  // A typed review passes over what cannot be typed (orders, True/False), which stays due for a plain one.
  const due = await dueQuestions(ctx, platform, userId, now, count * (mode === 'typed' ? 10 : 2));
  const questions: Question[] = [];
  for (const id of due) {
    if (questions.length >= count) break;
    const card = await loadCard(ctx, platform, userId, id);
    const question = freshVariant(ctx.pack, id, hashString(`${userId}|${id}|${now}`), card?.shown);
    // The pack no longer makes this question: nothing to review, so it leaves the queue.
    if (!question) await ctx.store.unschedule(studyKeys.dueQueue(platform, userId), id);
    else if (mode !== 'typed') questions.push(question);
    else {
      const typed = asTyped(ctx.pack, question);
      if (typed) questions.push(typed);
    }
  }
  if (questions.length === 0) {
    const next = await nextDue(ctx, platform, userId);
    const body =
      mode === 'typed' && next !== undefined && next <= now
        ? 'None of the questions due can be answered by typing (orders and True/False cannot): /review takes them.'
        : next
          ? `Nothing is due for review. Your next question comes due ${whenLabel(next)} (UTC).`
          : 'Nothing to review yet: play a /quiz, and the questions you miss come back here.';
    return makeReply({ title: 'Review', body, visibility: 'private' });
  }
  const session: ReviewSession = {
    id: randomUUID().replace(/-/g, '').slice(0, 12),
    questions,
    index: 0,
    right: 0,
    shownAt: now,
    ...(mode ? { mode } : {}),
  };
  await ctx.store.set(studyKeys.reviewSession(platform, userId), session, SESSION_TTL_MS);
  return makeReply({
    ...questionParts(session),
    footer: `${plural(questions.length, 'question')} due · only you see this`,
    visibility: 'private',
  });
}

function feedback(question: Question, credit: number, given: number | number[]): string {
  if (question.order) {
    const swapped = swappedPairs(given as number[], question.order);
    return swapped === 0 ? '**Right:** perfect order.' : `**Not quite:** ${plural(swapped, 'pair')} swapped.`;
  }
  const right = `${letter(question.answer)}. ${question.options[question.answer]}`;
  return credit === 1 ? `**Right:** ${right}.` : `**Wrong:** the answer is ${right}.`;
}

export async function loadSession(ctx: CommandContext, sessionId: string, index: number): Promise<ReviewSession> {
  const session = await ctx.store.get<ReviewSession>(studyKeys.reviewSession(ctx.caller.platform, ctx.caller.userId));
  if (!session || session.id !== sessionId) throw new UserError('That review is over. /review starts a new one.');
  if (session.index !== index)
    throw new UserError('You already answered that one; carry on with the current question.');
  return session;
}

/** A click in a review: a picked option, or the next event of an order. Grades the card once the answer is whole. */
export async function answerReview(
  ctx: CommandContext,
  what: 'answer' | 'pick',
  sessionId: string,
  index: number,
  value: number,
): Promise<Reply> {
  const session = await loadSession(ctx, sessionId, index);
  const question = session.questions[index] as Question;
  if (isTyped(question)) throw new UserError(TYPE_IT);
  if (value < 0 || value >= question.options.length) throw new UserError('That is not one of the options.');
  let given: number | number[] = value;
  let credit: number;
  if (question.order) {
    if (what !== 'pick') throw new UserError('Put the events in order with the buttons.');
    const key = studyKeys.picks(`review:${sessionId}:${index}`, ctx.caller.userId);
    if ((await ctx.store.append(key, value)) === 1) {
      await expirePicksLater(ctx.store, key, ctx.now().getTime() + SESSION_TTL_MS);
    }
    const order = foldPicks(await ctx.store.list<number>(key), question.options.length);
    if (order.length < question.options.length) {
      const placed = order.map((item, i) => `${i + 1}. ${question.options[item]}`).join('\n');
      return {
        ...makeReply({ ...questionParts(session), footer: `So far:\n${placed}`, visibility: 'private' }),
        replaceOriginal: true,
      };
    }
    given = order;
    credit = orderCredit(order, question.order);
    await deletePicks(ctx.store, key);
  } else {
    credit = value === question.answer ? 1 : 0;
  }
  const reply = await gradeAndGoOn(ctx, session, credit, feedback(question, credit, given));
  return { ...reply, replaceOriginal: true };
}

/**
 * The end of every review answer: the card graded (by `grade` where the
 * credit alone does not say it), the answer put in the history, and the
 * result shown above the next question, or the session's end.
 */
export async function gradeAndGoOn(
  ctx: CommandContext,
  session: ReviewSession,
  credit: number,
  said: string,
  grade?: Grade,
): Promise<Reply> {
  const index = session.index;
  const question = session.questions[index] as Question;
  const now = ctx.now().getTime();
  const { platform, userId, userName, serverId, channelId } = ctx.caller;
  await reviewCard(ctx, { platform, userId }, question.id, credit, now, question.options, grade);
  const episode = episodeOf(ctx.pack, question);
  await recordAnswer(ctx, {
    questionId: question.id,
    kind: question.kind,
    ...(episode ? { episode } : {}),
    correct: credit === 1,
    credit,
    ms: Math.max(0, now - session.shownAt),
    at: now,
    platform,
    userId,
    userName,
    serverId,
    channelId,
    points: 0,
    via: 'review',
  });
  session.index++;
  session.right += credit === 1 ? 1 : 0;
  session.shownAt = now;
  const done = session.index >= session.questions.length;
  if (done) await ctx.store.delete(studyKeys.reviewSession(platform, userId));
  else await ctx.store.set(studyKeys.reviewSession(platform, userId), session, SESSION_TTL_MS);
  // Inline, so the quote sits with its answer and not under the next question.
  const quoted = (question.evidence ?? []).map(evidenceLine);
  const result = [said, question.explanation, ...quoted].join('\n');
  if (done) {
    return makeReply({
      title: 'Review done',
      body: `${result}\n\n**${session.right} of ${session.questions.length} right.** Missed questions come back soon; the ones you got right, later each time.`,
      sources: question.sources,
      visibility: 'private',
    });
  }
  const next = questionParts(session);
  return makeReply({
    title: next.title,
    body: `${result}\n\n———\n\n${next.body}`,
    choices: next.choices,
    sources: question.sources,
    visibility: 'private',
  });
}
