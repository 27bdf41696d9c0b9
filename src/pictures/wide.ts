import { markOf } from '../content/coordinates.js';
import type { Place } from '../content/schema.js';

export { markOf, unmarkedName } from '../content/coordinates.js';

/** Listed in words, not marked as a point: an area, a place on another body, or one the articles do not locate. */
export function isWide(place: Place): boolean {
  return markOf(place) === undefined;
}
