import { foldName } from './normalize.js';
import type { Place } from './schema.js';

/** A place's position on Earth's map. */
export interface EarthPoint {
  lat: number;
  lon: number;
  precision: NonNullable<Place['precision']>;
}

/** Is it on Earth? A place names its body only when it is elsewhere. */
export function onEarth(place: Pick<Place, 'body'>): boolean {
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
