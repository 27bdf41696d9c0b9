/**
 * What a typed answer earned, and why, in words the reveal can show. The
 * caller shows notes only after the round, so a note may name the answer.
 */

/**
 * exact: right as written (case, accents, punctuation and a leading article aside).
 * close: accepted with full credit, but not as written: a misspelt name within the allowed
 *   edit distance. Kept apart from exact so a reveal can say what was forgiven and review can
 *   grade it Good, never Easy.
 * partial: half right, as the note says: the right month without the day, a figure within tolerance.
 * wrong: no credit; the note says why when there is more to say than the right answer.
 */
export type Grade = 'exact' | 'close' | 'partial' | 'wrong';

export interface Verdict {
  grade: Grade;
  /** What the answer was credited as, in the pack's words: the canonical name, the date, the figure. Absent when wrong. */
  matched?: string;
  /** One sentence for the reveal: what was forgiven, what was missing, or why nothing was credited. */
  note?: string;
}

const CREDIT: Record<Grade, number> = { exact: 1, close: 1, partial: 0.5, wrong: 0 };

/** The share of a round's points a grade earns: an accepted misspelling counts in full. */
export function credit(grade: Grade): number {
  return CREDIT[grade];
}

export function wrong(note?: string): Verdict {
  return note === undefined ? { grade: 'wrong' } : { grade: 'wrong', note };
}
