/**
 * Where on Earth a pack happens: the box that holds most of its event places,
 * found from the places themselves so that any pack gets its own map. A few
 * far mentions (a background report from Riga in a pack about the Caucasus)
 * are left out of the box, to be listed in words, rather than stretching the
 * map until the places that matter merge into one dot.
 */

/** Degrees. `east` may exceed 180 when the box crosses the antimeridian (170 to 190 is 170°E to 170°W). */
export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface WeightedPoint {
  lon: number;
  lat: number;
  /** How much the point matters: the number of events that name it. */
  weight: number;
}

export interface Frame {
  /** The places that matter, tightly: what the map shows when a period names none of them. */
  core: GeoBox;
  /** The core with room around it: a place beyond it is listed as outside the map. */
  region: GeoBox;
}

/** At most this share of the events' weight may be left out of the core. */
const LEFT_OUT = 0.15;
/** A far place is left out only when that shrinks the box to at most this share of its area. */
const SHRINK = 0.5;
/** The smallest map, in degrees: a single place is shown with its surroundings. */
export const MIN_SPAN = { lon: 4, lat: 2.4 };

/** The middle of the widest empty arc of longitude: the seam where a map of these points should be cut. */
export function seamOf(lons: readonly number[]): number {
  const sorted = [...lons].sort((a, b) => a - b);
  if (sorted.length === 0) return 180;
  let seam = 180;
  let widest = -1;
  sorted.forEach((lon, i) => {
    const next = i + 1 < sorted.length ? (sorted[i + 1] as number) : (sorted[0] as number) + 360;
    if (next - lon > widest) {
      widest = next - lon;
      seam = lon + widest / 2;
    }
  });
  return seam;
}

/**
 * Longitudes made continuous across the points' seam, so a box around them
 * is simply min to max: 179 and -179 become 179 and 181. Kept in -180..180
 * where the points allow, so most packs see their longitudes unchanged.
 */
export function unwrap(lons: readonly number[]): number[] {
  const seam = ((seamOf(lons) + 540) % 360) - 180;
  const out = lons.map((lon) => (lon > seam ? lon : lon + 360));
  const shift = Math.min(...out) >= 180 ? -360 : 0;
  return out.map((lon) => lon + shift);
}

function boxOf(points: readonly WeightedPoint[]): GeoBox {
  return {
    west: Math.min(...points.map((p) => p.lon)),
    east: Math.max(...points.map((p) => p.lon)),
    south: Math.min(...points.map((p) => p.lat)),
    north: Math.max(...points.map((p) => p.lat)),
  };
}

/** Area in square degrees of longitude at the box's middle latitude, never below the smallest map. */
function areaOf(box: GeoBox): number {
  const cos = Math.cos((((box.north + box.south) / 2) * Math.PI) / 180);
  return Math.max(box.east - box.west, MIN_SPAN.lon) * cos * Math.max(box.north - box.south, MIN_SPAN.lat);
}

const SIDES = [
  (p: WeightedPoint, b: GeoBox) => p.lon === b.west,
  (p: WeightedPoint, b: GeoBox) => p.lon === b.east,
  (p: WeightedPoint, b: GeoBox) => p.lat === b.south,
  (p: WeightedPoint, b: GeoBox) => p.lat === b.north,
];

/**
 * The core: peel off the place on one edge of the box (or the places sharing
 * that edge) whose leaving shrinks the box most, while what is left out
 * stays a small share of the weight and each step at least halves the box.
 * A pack whose places all matter (launch in Florida, splashdown in the
 * Pacific) keeps them all.
 */
function core(points: readonly WeightedPoint[]): WeightedPoint[] {
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  let kept = [...points];
  let leftOut = 0;
  for (;;) {
    const box = boxOf(kept);
    const area = areaOf(box);
    let best: { rest: WeightedPoint[]; weight: number; area: number } | undefined;
    for (const onSide of SIDES) {
      const edge = kept.filter((p) => onSide(p, box));
      const rest = kept.filter((p) => !onSide(p, box));
      const weight = edge.reduce((sum, p) => sum + p.weight, 0);
      if (rest.length === 0 || leftOut + weight > LEFT_OUT * total) continue;
      const smaller = areaOf(boxOf(rest));
      if (smaller > SHRINK * area) continue;
      if (!best || smaller < best.area) best = { rest, weight, area: smaller };
    }
    if (!best) return kept;
    kept = best.rest;
    leftOut += best.weight;
  }
}

/** Room around the core, in degrees: enough for neighbours of the places that matter, never a continent more. */
function margin(span: number): number {
  return Math.max(2, 0.15 * span);
}

export function frameOf(points: readonly WeightedPoint[]): Frame | undefined {
  const weighted = points.filter((p) => p.weight > 0 && Number.isFinite(p.lon) && Number.isFinite(p.lat));
  if (weighted.length === 0) return undefined;
  const lons = unwrap(weighted.map((p) => p.lon));
  const box = boxOf(core(weighted.map((p, i) => ({ ...p, lon: lons[i] as number }))));
  const dLon = margin(box.east - box.west);
  const dLat = margin(box.north - box.south);
  return {
    core: box,
    region: {
      west: box.west - dLon,
      east: box.east + dLon,
      south: Math.max(-85, box.south - dLat),
      north: Math.min(85, box.north + dLat),
    },
  };
}

/** Whether a point falls in a box, whichever way round the globe its longitude is written. */
export function inBox(box: GeoBox, lon: number, lat: number): boolean {
  if (lat < box.south || lat > box.north) return false;
  return [lon - 360, lon, lon + 360].some((l) => l >= box.west && l <= box.east);
}
