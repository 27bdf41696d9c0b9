import type { Pack } from '../../../content/pack.js';
import { finalize } from '../finalize.js';
import { candidatesOf } from '../generate.js';
import { seededRandom, seedOf } from '../random.js';
import { isDeclined, QUESTION_KINDS, type Question, type QuestionKind } from '../types.js';

/** Every question the pack can make, each drawn under several seeds so distractors and order vary. */
export interface Pool {
  /** Every variant built, in kind order. */
  variants: Question[];
  /** Variants grouped by id. */
  byId: Map<string, Question[]>;
  /** Candidates each kind declined under every seed: `kind:key`. */
  declined: string[];
  /** Per pack item, why each kind that tried it declined: "which-first: its title gives its date away". */
  reasons: Map<string, string[]>;
}

export const AUDIT_SEEDS = 36;

export function buildPool(pack: Pack, seeds = AUDIT_SEEDS, kinds: readonly QuestionKind[] = QUESTION_KINDS): Pool {
  const variants: Question[] = [];
  const byId = new Map<string, Question[]>();
  const declined: string[] = [];
  const reasons = new Map<string, string[]>();
  for (const kind of kinds) {
    for (const candidate of candidatesOf(pack, kind, {})) {
      let built = 0;
      let why = '';
      for (let seed = 1; seed <= seeds; seed++) {
        // Seeded by the key itself: candidates must not share one stream of shuffles.
        const random = seededRandom(seedOf(`${seed}:${candidate.key}`));
        const draft = candidate.build(random);
        if (isDeclined(draft)) {
          why ||= draft.declined;
          continue;
        }
        const question = finalize(pack, draft, random);
        if (!question) {
          why ||= 'two options could be read as the same thing';
          continue;
        }
        built++;
        variants.push(question);
        const list = byId.get(question.id) ?? [];
        list.push(question);
        byId.set(question.id, list);
      }
      if (built > 0) continue;
      declined.push(`${kind}:${candidate.key}`);
      const list = reasons.get(candidate.about) ?? [];
      const line = `${kind}: ${why}`;
      if (!list.includes(line)) list.push(line);
      reasons.set(candidate.about, list);
    }
  }
  return { variants, byId, declined, reasons };
}
