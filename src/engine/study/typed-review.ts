import { type Grade, Rating } from 'ts-fsrs';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { credit, type Grade as MatchGrade, matchAnswer, type Verdict } from '../answers/index.js';
import { answerBox, isTyped, type TypedQuestion, typedText } from '../questions/typed.js';
import { shownAnswer } from '../quiz/typed-messages.js';
import { studyKeys } from './keys.js';
import { gradeAndGoOn, loadSession } from './review.js';
import { typedReview } from './typed-review-parts.js';

/**
 * An exact answer sent within this long of the question being shown is
 * Easy: time to read the prompt, click Answer and type a name or a date
 * without having to think. Slower, or a forgiven misspelling, is Good.
 */
export const EASY_WITHIN_MS = 20_000;

/** As long as a review session lasts. */
const ANSWERED_KEEP_MS = 24 * 60 * 60 * 1000;

export const TYPED_REVIEW_RULE = `Typed review (mode:typed): a wrong answer is graded Again, a partial one Hard, a right one Good, and a right one typed exactly within ${EASY_WITHIN_MS / 1000} s of the question appearing Easy (a forgiven misspelling is Good at best).`;

/** The FSRS grade a typed answer earns: the match, and for an exact one how fast it came. */
export function typedReviewGrade(grade: MatchGrade, ms: number): Grade {
  if (grade === 'wrong') return Rating.Again;
  if (grade === 'partial') return Rating.Hard;
  return grade === 'exact' && ms <= EASY_WITHIN_MS ? Rating.Easy : Rating.Good;
}

const RATING_WORD: Partial<Record<Grade, string>> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

function said(question: TypedQuestion, typed: string, verdict: Verdict, grade: Grade): string {
  const right = question.options[question.answer];
  const note = verdict.note ? ` (${verdict.note.replace(/^partial: /, '')})` : '';
  const head =
    verdict.grade === 'wrong'
      ? `**Wrong:** you typed “${shownAnswer(typed)}”${note}; the answer is ${right}.`
      : verdict.grade === 'partial'
        ? `**Partly right:** you typed “${shownAnswer(typed)}”${note}; the answer is ${right}.`
        : `**Right:** ${right}${note}.`;
  return `${head} Graded ${RATING_WORD[grade]}.`;
}

async function typedQuestionOf(ctx: CommandContext, sessionId: string, index: number) {
  const session = await loadSession(ctx, sessionId, index);
  const question = session.questions[index];
  if (!question || !isTyped(question)) throw new UserError('That is not a typed question.');
  return { session, question };
}

/** A click on Answer in a typed review: the answer box. */
export async function askTypedReview(ctx: CommandContext, sessionId: string, index: number): Promise<Reply> {
  const { session, question } = await typedQuestionOf(ctx, sessionId, index);
  return answerBox(
    `Review ${index + 1} of ${session.questions.length}`,
    question,
    typedReview.encode({ sessionId, index }),
  );
}

/** A typed review answer: matched, its card graded by the match and the time taken, then the next question. */
export async function answerTypedReview(
  ctx: CommandContext,
  sessionId: string,
  index: number,
  text: string,
): Promise<Reply> {
  const typed = typedText(text);
  const { session, question } = await typedQuestionOf(ctx, sessionId, index);
  // Two boxes sent at once for one question would grade the card twice.
  const key = studyKeys.reviewAnswered(ctx.caller.platform, sessionId, index);
  if (!(await ctx.store.claim(key, ANSWERED_KEEP_MS)))
    throw new UserError('You already answered that one; carry on with the current question.');
  const verdict = matchAnswer(ctx.pack, question.expects, typed);
  const grade = typedReviewGrade(verdict.grade, ctx.now().getTime() - session.shownAt);
  return gradeAndGoOn(ctx, session, credit(verdict.grade), said(question, typed, verdict, grade), grade);
}
