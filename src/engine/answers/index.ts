import type { Dated } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Figure } from '../../content/schema.js';
import { matchDate } from './match-date.js';
import { matchFigure } from './match-figure.js';
import { matchName } from './match-name.js';
import type { Verdict } from './verdict.js';

/**
 * What a typed question expects: an actor, place or thing of the pack (by
 * id), a date (a pack date, or a span, window or ongoing stretch), or a
 * claim's figure with the tolerance that still earns partial credit.
 */
export type Expected =
  | { kind: 'name'; id: string }
  | { kind: 'date'; when: Dated }
  | { kind: 'figure'; figure: Figure; tolerance?: number };

/**
 * Grades a typed answer. Pure and total: whatever a player types comes back
 * as a verdict (a refusal is a wrong verdict with its reason), never a throw.
 */
export function matchAnswer(pack: Pack, expected: Expected, typed: string): Verdict {
  switch (expected.kind) {
    case 'name':
      return matchName(pack, expected.id, typed);
    case 'date':
      return matchDate(expected.when, typed);
    case 'figure':
      return matchFigure(expected.figure, typed, expected.tolerance);
  }
}

export { DEFAULT_TOLERANCE, formatFigure } from './match-figure.js';
export { MAX_ANSWER_LENGTH } from './refusals.js';
export { credit, type Grade, type Verdict } from './verdict.js';
