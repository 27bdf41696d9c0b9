import { defineAction, wholeNumber } from '../../core/action.js';
import type { Choice } from '../../core/reply.js';
import { type TypedQuestion, wantedLine } from '../questions/typed.js';

/** `review:typed:<session>:<index>`: a typed review question's Answer button and its box. */
export const typedReview = defineAction<{ sessionId: string; index: number }>({
  name: 'review:typed',
  encode: (a) => [a.sessionId, a.index],
  parse: ([sessionId, index, ...rest]) => {
    const n = wholeNumber(index, 3);
    return rest.length === 0 && sessionId && /^[A-Za-z0-9]{1,40}$/.test(sessionId) && n !== undefined
      ? { sessionId, index: n }
      : undefined;
  },
});

/** A typed review question as shown: the prompt and the kind of answer wanted, and one Answer button. */
export function typedReviewParts(
  sessionId: string,
  index: number,
  question: TypedQuestion,
): { body: string; choices: Choice[] } {
  const wanted = wantedLine(question);
  return {
    body: `${question.prompt}\n\n${wanted} Click Answer to type it.`,
    choices: [{ action: typedReview.encode({ sessionId, index }), label: 'Answer', style: 'primary', group: 'answer' }],
  };
}
