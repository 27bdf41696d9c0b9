import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Natural Earth admin-0 country outlines (1:50m) from the world-atlas
 * package, read once from disk: nothing is fetched at run time.
 */
export interface Country {
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
  /** [[west, south], [east, north]] in degrees. */
  bounds: [[number, number], [number, number]];
}

const require = createRequire(import.meta.url);
let countries: Country[] | undefined;

export function loadCountries(): Country[] {
  if (countries) return countries;
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  countries = collection.features
    .filter((f): f is Feature<Polygon | MultiPolygon, { name: string }> => f.geometry !== null)
    .map((f) => ({ name: f.properties.name, feature: f, bounds: geoBounds(f) }));
  return countries;
}

/**
 * Countries whose bounding box meets a lon/lat window. A window crossing the
 * antimeridian has west > east (170 to -170); antimeridian-crossing countries
 * (Russia, Fiji) are always kept.
 */
export function countriesNear(west: number, south: number, east: number, north: number): Country[] {
  const meets = (w: number, e: number) => w <= east && e >= west;
  const crossing = west > east;
  return loadCountries().filter(({ bounds: [[w, s], [e, n]] }) => {
    const lonOverlap = w > e || (crossing ? w <= east || e >= west : meets(w, e));
    return lonOverlap && s <= north && n >= south;
  });
}

/** The country a point is in, by Natural Earth's outlines; undefined at sea. */
export function countryAt(lon: number, lat: number): Country | undefined {
  return countriesNear(lon, lat, lon, lat).find((c) => geoContains(c.feature, [lon, lat]));
}
