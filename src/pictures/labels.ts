import { type Box, inside, overlaps } from './geometry.js';

/**
 * Greedy label placement: each label, in priority order, takes the first of
 * its candidate positions that stays inside the frame and touches nothing
 * already placed. A label with no free position is left out rather than
 * drawn on top of another; callers count what was left out and say so in the
 * picture and its alt text.
 *
 * Two kinds of space: solid (text, marks) and lines (leader lines). Solid
 * may touch neither; lines may run alongside other lines (two events on one
 * day share a leader) but never through text.
 */
export interface Candidate<P> {
  /** Where the text would go. */
  box: Box;
  /** Leader lines that come with this choice. */
  lines?: Box[];
  /** Whatever the caller needs to draw this choice (anchor, alignment, lane). */
  place: P;
}

export interface Placed<P> {
  index: number;
  box: Box;
  lines: Box[];
  place: P;
}

export class Occupancy {
  private readonly solids: Box[] = [];
  private readonly lines: Box[] = [];

  /** `gap` keeps this much clear space left and right of every solid box, so words never touch. */
  constructor(
    solids: readonly Box[] = [],
    private readonly gap = 0,
  ) {
    this.solids.push(...solids);
  }

  fits(box: Box, lines: readonly Box[] = []): boolean {
    const padded = { ...box, x: box.x - this.gap, width: box.width + 2 * this.gap };
    for (const taken of this.solids) {
      if (overlaps(padded, taken)) return false;
      for (const line of lines) if (overlaps(line, taken)) return false;
    }
    for (const line of this.lines) if (overlaps(box, line)) return false;
    return true;
  }

  take(box: Box, lines: readonly Box[] = []): void {
    this.solids.push(box);
    this.lines.push(...lines);
  }
}

/**
 * Places labels given as lists of candidates (best first). `order` is the
 * priority: indexes into `labels`, most important first. Returns the placed
 * ones by their original index; the rest got no room.
 */
export function placeLabels<P>(
  labels: readonly (readonly Candidate<P>[])[],
  frame: Box,
  occupied: Occupancy,
  order: readonly number[] = labels.map((_, i) => i),
): Map<number, Placed<P>> {
  const placed = new Map<number, Placed<P>>();
  for (const index of order) {
    for (const candidate of labels[index] ?? []) {
      const lines = candidate.lines ?? [];
      if (!inside(candidate.box, frame) || !occupied.fits(candidate.box, lines)) continue;
      occupied.take(candidate.box, lines);
      placed.set(index, { index, box: candidate.box, lines, place: candidate.place });
      break;
    }
  }
  return placed;
}
