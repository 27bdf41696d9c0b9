import type { Pack } from '../../content/pack.js';
import { questionById } from '../questions/generate.js';
import type { Question } from '../questions/types.js';
import { chronologyById } from './chronology.js';

/** Any question a quiz can ask, rebuilt from its id with a fresh draw of distractors and order. */
export function rebuildQuestion(pack: Pack, id: string, seed: number): Question | undefined {
  return id.startsWith('chronology:') ? chronologyById(pack, id, seed) : questionById(pack, id, seed);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The question as it should come back in a review: other distractors where
 * the kind has others to offer, and never the same options in the same
 * order as the last time this user saw it.
 */
export function freshVariant(
  pack: Pack,
  id: string,
  seed: number,
  lastShown: readonly string[] | undefined,
): Question | undefined {
  let fallback: Question | undefined;
  for (let attempt = 0; attempt < 12; attempt++) {
    const question = rebuildQuestion(pack, id, seed + attempt * 104_729);
    if (!question) return fallback;
    if (!lastShown) return question;
    if (!sameSet(question.options, lastShown)) return question;
    const sameOrder = question.options.every((o, i) => o === lastShown[i]);
    if (!sameOrder) fallback ??= question;
  }
  return fallback ?? rebuildQuestion(pack, id, seed);
}
