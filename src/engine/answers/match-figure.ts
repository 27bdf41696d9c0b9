import type { Figure } from '../../content/schema.js';
import { QUALIFIER } from '../attribution.js';
import { sameValue } from '../questions/numbers.js';
import { type Qualifier, readFigure } from './read-figure.js';
import { refuseUnreadable } from './refusals.js';
import type { Verdict } from './verdict.js';

/** How far off a figure may be and still earn partial credit, unless the question says otherwise. */
export const DEFAULT_TOLERANCE = 0.1;

/** Bounds from below and from above: "over 40,000" and "less than 40,000" say opposite things of the same figure. */
const FROM_BELOW = new Set<Qualifier>(['over', 'at-least']);
const FROM_ABOVE = new Set<Qualifier>(['less-than', 'up-to', 'nearly']);

function opposite(a: Qualifier, b: Qualifier): boolean {
  return (FROM_BELOW.has(a) && FROM_ABOVE.has(b)) || (FROM_ABOVE.has(a) && FROM_BELOW.has(b));
}

function number(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "over 40,000", "900 to 1,300". */
export function formatFigure(figure: { value: number; valueMax?: number; qualifier?: Qualifier }): string {
  const range = figure.valueMax === undefined ? '' : ` to ${number(figure.valueMax)}`;
  return `${QUALIFIER[figure.qualifier ?? 'exact']}${number(figure.value)}${range}`;
}

function percent(tolerance: number): string {
  return `${Math.round(tolerance * 1000) / 10}%`;
}

/**
 * A typed figure against a claim's figure. The stated figure is the answer,
 * whatever its qualifier: "over 40,000" is answered by 40,000, with or
 * without a typed qualifier. A range is answered by itself or either end.
 *
 * - exact: the stated figure (or range, or either end of it);
 * - partial: within `tolerance` of a stated figure, or inside a stated range,
 *   or the right figure bounded the wrong way ("under 40,000" for "over 40,000");
 * - wrong otherwise. The note gives the tolerance whenever it decided.
 */
export function matchFigure(figure: Figure, typed: string, tolerance = DEFAULT_TOLERANCE): Verdict {
  const refused = refuseUnreadable(typed);
  if (refused) return refused;
  const read = readFigure(typed);
  if ('refused' in read) return { grade: 'wrong', note: read.refused };

  const stated = formatFigure(figure);
  const matched = formatFigure(read);
  const withNote = (verdict: Verdict, note?: string): Verdict => {
    const said = [read.note, note].filter((n): n is string => n !== undefined).join('; ');
    return said ? { ...verdict, note: said } : verdict;
  };
  const ends = figure.valueMax === undefined ? [figure.value] : [figure.value, figure.valueMax];

  if (read.valueMax !== undefined) {
    const sameRange =
      figure.valueMax !== undefined && sameValue(read.value, figure.value) && sameValue(read.valueMax, figure.valueMax);
    return sameRange
      ? withNote({ grade: 'exact', matched })
      : withNote({ grade: 'wrong' }, `a range counts only when it is the stated one, ${stated}`);
  }
  const x = read.value;
  if (ends.some((end) => sameValue(x, end))) {
    if (read.qualifier && opposite(read.qualifier, figure.qualifier))
      return withNote({ grade: 'partial', matched }, `partial: the figure is right, but the claim said ${stated}`);
    return withNote({ grade: 'exact', matched });
  }
  if (figure.valueMax !== undefined && x > figure.value && x < figure.valueMax)
    return withNote({ grade: 'partial', matched }, `partial: inside the stated range, ${stated}, but not an end of it`);
  if (ends.some((end) => Math.abs(x - end) <= tolerance * end))
    return withNote({ grade: 'partial', matched }, `partial: within ${percent(tolerance)} of ${stated}`);
  return withNote({ grade: 'wrong' }, `not within ${percent(tolerance)} of ${stated}`);
}
