import type { Pack } from '../../../content/pack.js';
import { QUESTION_KINDS, type Question, type QuestionKind } from '../types.js';
import { type Coverage, coverage } from './coverage.js';
import { type GuesserScore, scoreGuessers } from './guessers.js';
import { buildPool } from './pool.js';
import { POOL_RULES, QUESTION_RULES } from './rules.js';

/** The most a blind guesser may do, as a multiple of chance. */
export const GUESS_LIMIT = 1.3;
/** The share of each type of pack item that questions must be about. */
export const COVERAGE_TARGET = 0.9;

export interface Violation {
  rule: string;
  id: string;
  detail: string;
}

export interface KindReport {
  kind: QuestionKind;
  questions: number;
  variants: number;
  violations: Record<string, number>;
  guessers: GuesserScore[];
}

export interface AuditReport {
  kinds: KindReport[];
  violations: Violation[];
  coverage: Coverage[];
  heaviest: Pick<Question, 'id' | 'weight' | 'prompt'>[];
  lightest: Pick<Question, 'id' | 'weight' | 'prompt'>[];
  passed: boolean;
}

/** Every question the pack can make, judged by every rule and guesser. */
export function auditQuestions(pack: Pack, seeds?: number): AuditReport {
  const pool = buildPool(pack, seeds);
  const violations: Violation[] = [];
  const kinds: KindReport[] = [];
  for (const kind of QUESTION_KINDS) {
    const variants = pool.variants.filter((q) => q.kind === kind);
    const counts: Record<string, number> = {};
    const seen = new Set<string>();
    const add = (rule: string, id: string, detail: string) => {
      const key = `${rule}|${id}|${detail}`;
      if (seen.has(key)) return;
      seen.add(key);
      counts[rule] = (counts[rule] ?? 0) + 1;
      violations.push({ rule, id, detail });
    };
    for (const q of variants)
      for (const rule of QUESTION_RULES) {
        const detail = rule.check(q, pack);
        if (detail) add(rule.name, q.id, detail);
      }
    if (variants.length > 0)
      for (const rule of POOL_RULES) for (const detail of rule.check(variants, pack)) add(rule.name, kind, detail);
    const guessers = scoreGuessers(variants);
    for (const g of guessers)
      if (g.total >= 20 && g.ratio > GUESS_LIMIT)
        add('guess/blind', kind, `“${g.name}” gets ${g.right} of ${g.total} (${g.ratio.toFixed(2)}× chance)`);
    kinds.push({
      kind,
      questions: new Set(variants.map((q) => q.id)).size,
      variants: variants.length,
      violations: counts,
      guessers,
    });
  }
  const unique = [...pool.byId.values()].map((list) => list[0] as Question);
  const covered = coverage(pack, unique, (id) => pool.reasons.get(id)?.join('; ') ?? '');
  // Under the target, every item not asked must carry the reason each kind gave for declining it.
  for (const c of covered)
    if (c.total > 0 && c.asked / c.total < COVERAGE_TARGET)
      for (const m of c.missing.filter((m) => m.reason === ''))
        violations.push({
          rule: 'coverage/reasoned',
          id: m.id,
          detail: `${c.type} at ${c.asked} of ${c.total}, under ${COVERAGE_TARGET * 100}%, and no kind says why ${m.id} is not asked`,
        });
  const byWeight = [...unique].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1) || a.id.localeCompare(b.id));
  const brief = (q: Question) => ({ id: q.id, weight: q.weight, prompt: q.prompt });
  return {
    kinds,
    violations,
    coverage: covered,
    heaviest: byWeight.slice(0, 20).map(brief),
    lightest: byWeight.slice(-20).reverse().map(brief),
    passed: violations.length === 0,
  };
}
