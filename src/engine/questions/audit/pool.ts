import type { Pack } from '../../../content/pack.js';
import { finalize } from '../finalize.js';
import { KINDS } from '../generate.js';
import { seededRandom, seedOf } from '../random.js';
import { QUESTION_KINDS, type Question, type QuestionKind } from '../types.js';

/** Every question the pack can make, each drawn under several seeds so distractors and order vary. */
export interface Pool {
  /** Every variant built, in kind order. */
  variants: Question[];
  /** Variants grouped by id. */
  byId: Map<string, Question[]>;
  /** Candidates each kind declined under every seed: `kind:key`. */
  declined: string[];
}

export const AUDIT_SEEDS = 12;

export function buildPool(pack: Pack, seeds = AUDIT_SEEDS, kinds: readonly QuestionKind[] = QUESTION_KINDS): Pool {
  const variants: Question[] = [];
  const byId = new Map<string, Question[]>();
  const declined: string[] = [];
  for (const kind of kinds) {
    for (const candidate of KINDS[kind](pack, {})) {
      let built = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        // Seeded by the key itself: candidates must not share one stream of shuffles.
        const random = seededRandom(seedOf(`${seed}:${candidate.key}`));
        const draft = candidate.build(random);
        const question = draft && finalize(pack, draft, random);
        if (!question) continue;
        built++;
        variants.push(question);
        const list = byId.get(question.id) ?? [];
        list.push(question);
        byId.set(question.id, list);
      }
      if (built === 0) declined.push(`${kind}:${candidate.key}`);
    }
  }
  return { variants, byId, declined };
}
