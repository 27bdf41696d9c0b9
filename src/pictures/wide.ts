import type { Place } from '../content/schema.js';

const WIDE_KINDS = new Set<Place['kind']>(['country', 'sea']);

/**
 * A country, a sea or a region known only roughly ("the Caucasus") is not a
 * point on a map: it is listed in words. So is a place whose coordinates are
 * no position on Earth, which a curator can only mark this way until the
 * schema can say where a place is (Tranquility Base is on the Moon).
 */
export function isWide(place: Place): boolean {
  return WIDE_KINDS.has(place.kind) || (place.kind === 'region' && place.precision === 'approximate');
}
