import { foldName } from '../../content/normalize.js';
import { type Verdict, wrong } from './verdict.js';

/** Longer than any name, date or figure: the cap keeps a pasted essay from costing a distance against every name. */
export const MAX_ANSWER_LENGTH = 200;

/**
 * The refusals every kind of answer shares: nothing typed, nothing but
 * punctuation, or far too much. A refusal is a wrong verdict with its reason,
 * never a throw, because it comes from a player, not from a bug.
 */
export function refuseUnreadable(typed: string): Verdict | undefined {
  const text = typed.trim();
  if (text === '') return wrong('no answer was given');
  if (text.length > MAX_ANSWER_LENGTH) return wrong(`the answer is longer than ${MAX_ANSWER_LENGTH} characters`);
  if (foldName(text) === '') return wrong('the answer has no letters or digits');
  return undefined;
}
