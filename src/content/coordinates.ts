import { foldName } from './normalize.js';
import type { Place } from './schema.js';

/** A place's position on Earth's map. */
export interface EarthPoint {
  lat: number;
  lon: number;
  precision: NonNullable<Place['precision']>;
}

/** Is it on Earth? A place names its body only when it is elsewhere. */
function onEarth(place: Pick<Place, 'body'>): boolean {
  return place.body === undefined || foldName(place.body) === 'earth';
}

/**
 * Where a map of Earth can mark it: undefined for a place on another body
 * or one the articles do not locate, which maps list in words instead.
 */
export function earthPoint(place: Place): EarthPoint | undefined {
  if (!onEarth(place) || place.lat === undefined || place.lon === undefined) return undefined;
  return { lat: place.lat, lon: place.lon, precision: place.precision ?? 'approximate' };
}

/** Kinds that are an area, not a point: a map lists them in words. */
const AREA_KINDS: ReadonlySet<Place['kind']> = new Set(['country', 'sea']);

/**
 * Where a map of Earth marks it as a point: not for a country, a sea or a
 * region known only roughly ("the Caucasus"), nor for a place on another
 * body or one the articles do not locate; those are listed in words.
 */
export function markOf(place: Place): EarthPoint | undefined {
  if (AREA_KINDS.has(place.kind) || (place.kind === 'region' && place.precision === 'approximate')) return undefined;
  return earthPoint(place);
}

/** Why a place is listed rather than marked, when its kind does not say: "on the Moon". */
function whyUnmarked(place: Place): string | undefined {
  if (AREA_KINDS.has(place.kind) || onEarth(place)) return undefined;
  return `on the ${place.body}`;
}

/** "Tranquility Base (on the Moon)", or the bare name where its kind says why it is not a point. */
export function unmarkedName(place: Place): string {
  const why = whyUnmarked(place);
  return why ? `${place.name} (${why})` : place.name;
}
