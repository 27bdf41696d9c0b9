import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
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

/** Countries whose bounding box meets a lon/lat window (antimeridian-crossing boxes are kept too). */
export function countriesNear(west: number, south: number, east: number, north: number): Country[] {
  return loadCountries().filter(({ bounds: [[w, s], [e, n]] }) => {
    const lonOverlap = w > e || (w <= east && e >= west);
    return lonOverlap && s <= north && n >= south;
  });
}
