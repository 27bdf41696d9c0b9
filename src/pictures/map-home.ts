import type { Pack } from '../content/pack.js';
import { countryAt } from './atlas.js';
import { type Frame, frameOf, inBox } from './frame.js';
import type { MappedPlace } from './map-places.js';
import { placesOf } from './map-places.js';
import { markOf } from './wide.js';

/**
 * Where a pack's map looks: the frame around the places its events name, and
 * the countries those places lie in, which share one neutral tint and are
 * named first (a map of Armenia and Azerbaijan must name both; a map of a
 * Moon mission, the United States).
 */
export interface MapHome extends Frame {
  focus: ReadonlySet<string>;
}

/** A country holding at least this share of the core's events is one the map is about. */
const FOCUS_SHARE = 0.1;

export function homeOf(mapped: readonly MappedPlace[]): MapHome | undefined {
  const points = mapped.flatMap((m) => {
    const mark = markOf(m.place);
    return mark ? [{ lon: mark.lon, lat: mark.lat, weight: m.eventIds.length }] : [];
  });
  const frame = frameOf(points);
  if (!frame) return undefined;
  const inCore = points.filter((p) => inBox(frame.core, p.lon, p.lat));
  const total = inCore.reduce((sum, p) => sum + p.weight, 0);
  const byCountry = new Map<string, number>();
  for (const p of inCore) {
    const country = countryAt(p.lon, p.lat)?.name;
    if (country) byCountry.set(country, (byCountry.get(country) ?? 0) + p.weight);
  }
  const focus = new Set([...byCountry].filter(([, weight]) => weight >= FOCUS_SHARE * total).map(([name]) => name));
  return { ...frame, focus };
}

const homes = new WeakMap<Pack, MapHome | undefined>();

/** The pack's home, from all its events: the same frame for every period, so maps of one pack compare. */
export function packHome(pack: Pack): MapHome | undefined {
  if (!homes.has(pack)) homes.set(pack, homeOf(placesOf(pack, pack.chronological)));
  return homes.get(pack);
}
