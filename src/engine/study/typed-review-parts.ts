import type { Choice } from '../../core/reply.js';
import type { TypedQuestion } from '../questions/typed.js';

/** `review:typed:<session>:<index>`: a typed review question's Answer button and its box. The one place it is spelt. */
export function typedReviewAction(sessionId: string, index: number): string {
  return `review:typed:${sessionId}:${index}`;
}

export function parseTypedReviewAction(action: string): { sessionId: string; index: number } | undefined {
  const m = /^review:typed:([A-Za-z0-9]{1,40}):(\d{1,3})$/.exec(action);
  if (!m) return undefined;
  return { sessionId: m[1] as string, index: Number(m[2]) };
}

/** A typed review question as shown: the prompt and the kind of answer wanted, and one Answer button. */
export function typedReviewParts(
  sessionId: string,
  index: number,
  question: TypedQuestion,
): { body: string; choices: Choice[] } {
  const wanted = `**${question.wants}**${question.example ? `, ${question.example}` : ''}.`;
  return {
    body: `${question.prompt}\n\n${wanted} Click Answer to type it.`,
    choices: [{ action: typedReviewAction(sessionId, index), label: 'Answer', style: 'primary', group: 'answer' }],
  };
}
