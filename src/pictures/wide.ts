import { type EarthPoint, earthPoint } from '../content/coordinates.js';
import type { Place } from '../content/schema.js';

const WIDE_KINDS = new Set<Place['kind']>(['country', 'sea']);

/**
 * A country, a sea or a region known only roughly ("the Caucasus") is not a
 * point on a map: it is listed in words. So is a place on another body
 * (Tranquility Base is on the Moon) or one the articles do not locate.
 */
export function isWide(place: Place): boolean {
  return (
    WIDE_KINDS.has(place.kind) ||
    (place.kind === 'region' && place.precision === 'approximate') ||
    earthPoint(place) === undefined
  );
}

/** Where a map of Earth marks it, or undefined when it is listed in words instead. */
export function markOf(place: Place): EarthPoint | undefined {
  return isWide(place) ? undefined : earthPoint(place);
}

/** Why a place is listed rather than marked, when that is not plain from its kind: "on the Moon". */
function whyUnmarked(place: Place): string | undefined {
  if (place.body !== undefined && earthPoint(place) === undefined && !WIDE_KINDS.has(place.kind))
    return place.body.toLowerCase() === 'earth' ? undefined : `on the ${place.body}`;
  return undefined;
}

/** "Tranquility Base (on the Moon)", or the bare name where its kind says why. */
export function unmarkedName(place: Place): string {
  const why = whyUnmarked(place);
  return why ? `${place.name} (${why})` : place.name;
}
