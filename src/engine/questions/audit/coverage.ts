import type { Pack } from '../../../content/pack.js';
import type { Question } from '../types.js';

export interface Coverage {
  type: 'events' | 'claims' | 'quotes' | 'facts' | 'places';
  total: number;
  asked: number;
  /** Items no question is about, with why. */
  missing: { id: string; reason: string }[];
}

/**
 * Which pack items are the subject of at least one question. An item that
 * is not gets the reason its builders gave for declining it.
 */
export function coverage(pack: Pack, questions: readonly Question[], why: (id: string) => string): Coverage[] {
  const asked = new Set(questions.flatMap((q) => q.subjects ?? []));
  const types: [Coverage['type'], string[]][] = [
    ['events', pack.chronological.map((e) => e.id)],
    ['claims', pack.data.claims.map((c) => c.id)],
    ['quotes', pack.data.quotes.map((q) => q.id)],
    ['facts', pack.data.facts.map((f) => f.id)],
    // Countries are the options, not subjects.
    ['places', pack.data.places.filter((p) => p.kind !== 'country').map((p) => p.id)],
  ];
  return types.map(([type, ids]) => ({
    type,
    total: ids.length,
    asked: ids.filter((id) => asked.has(id)).length,
    missing: ids.filter((id) => !asked.has(id)).map((id) => ({ id, reason: why(id) })),
  }));
}
