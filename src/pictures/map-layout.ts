import type { GeoPermissibleObjects, GeoProjection } from 'd3-geo';
import { geoMercator } from 'd3-geo';
import type { Place } from '../content/schema.js';
import { type Country, countriesNear } from './atlas.js';
import { type Box, circleBox, grow, horizontalLine, inside, verticalLine } from './geometry.js';
import { type Candidate, Occupancy, placeLabels } from './labels.js';
import { inRing, type Outline, projectOutline, type Ring, ringArea, ringCentroid } from './rings.js';
import { LINE_HEIGHT } from './svg.js';
import { fitText, lineBox, type TextItem } from './text-box.js';
import { textWidth } from './text-metrics.js';

/**
 * Where everything on the map goes: the fitted projection, the countries in
 * view and their names, the event places as points, and their labels placed
 * so none overlaps another label or point.
 */

export interface MapOptions {
  title: string;
  credit?: string;
}

/** One place on the map, and the events that name it. */
export interface MappedPlace {
  place: Place;
  eventIds: string[];
}

export interface MapPoint {
  /** Places drawn at one spot (the pack gives several villages one district centroid); the first names it. */
  places: MappedPlace[];
  /** Distinct events naming any place here. */
  events: number;
  x: number;
  y: number;
  r: number;
  /** Every place here is a region centroid or a rough position: drawn as a dashed ring. */
  approximate: boolean;
}

export interface PointLabel {
  point: MapPoint;
  text: string;
  box: Box;
  /** A line from the point, when the label had to stand off from a crowded spot. */
  leader?: Box;
}

export interface CountryShape {
  country: Country;
  /** Armenia and Azerbaijan: the same neutral tint, slightly stronger than their neighbours. */
  focus: boolean;
  outline: Outline;
  label?: TextItem;
}

export interface MapLayout {
  width: number;
  height: number;
  title: TextItem;
  subtitle: TextItem;
  credit?: TextItem;
  area: Box;
  projection: GeoProjection;
  countries: CountryShape[];
  seas: TextItem[];
  points: MapPoint[];
  labels: PointLabel[];
  unlabelled: MapPoint[];
  /** Places of these events beyond the map's window (Moscow, Brussels). */
  outside: MappedPlace[];
  /** Countries, seas and broad regions the events name, which a point would misrepresent. */
  wide: MappedPlace[];
  legend: { kind: 'site' | 'area' | 'count' | 'more'; text: string; box: Box }[];
}

export const MAP_SIZE = {
  width: 800,
  height: 520,
  margin: 20,
  title: 22,
  subtitle: 14,
  label: 15,
  country: 14,
  sea: 14,
  legend: 13,
  credit: 12,
} as const;

const AREA: Box = { x: 0, y: 68, width: MAP_SIZE.width, height: MAP_SIZE.height - 68 - 40 };
const LEGEND_TOP = MAP_SIZE.height - 31;
export const FOCUS_COUNTRIES = new Set(['Armenia', 'Azerbaijan']);

/** Beyond this window a place is listed as "outside the map" instead of stretching the map to reach it. */
const REGION = { west: 40, south: 37, east: 52, north: 44.5 };
/** Armenia and Azerbaijan: the view when no event place falls in the region. */
const FOCUS = { west: 43.4, south: 38.4, east: 50.6, north: 41.95 };
const MIN_SPAN = { lon: 4, lat: 2.4 };
const PAD = 0.35;

const SEAS = [
  { name: 'Caspian Sea', lon: 50.9, lat: 40.8 },
  { name: 'Black Sea', lon: 40.3, lat: 42.5 },
];

const WIDE_KINDS = new Set<Place['kind']>(['country', 'sea']);

/** A country, a sea or a region known only roughly ("the Caucasus") is not a point on a map. */
export function isWide(place: Place): boolean {
  return WIDE_KINDS.has(place.kind) || (place.kind === 'region' && place.precision === 'approximate');
}

function inRegion(p: Place): boolean {
  return p.lon >= REGION.west && p.lon <= REGION.east && p.lat >= REGION.south && p.lat <= REGION.north;
}

function window(places: readonly Place[]) {
  if (places.length === 0) return FOCUS;
  let west = Math.min(...places.map((p) => p.lon)) - PAD;
  let east = Math.max(...places.map((p) => p.lon)) + PAD;
  let south = Math.min(...places.map((p) => p.lat)) - PAD;
  let north = Math.max(...places.map((p) => p.lat)) + PAD;
  if (east - west < MIN_SPAN.lon) {
    const mid = (east + west) / 2;
    [west, east] = [mid - MIN_SPAN.lon / 2, mid + MIN_SPAN.lon / 2];
  }
  if (north - south < MIN_SPAN.lat) {
    const mid = (north + south) / 2;
    [south, north] = [mid - MIN_SPAN.lat / 2, mid + MIN_SPAN.lat / 2];
  }
  return { west, south, east, north };
}

function projectionFor(view: { west: number; south: number; east: number; north: number }): GeoProjection {
  const { west, south, east, north } = view;
  const outline: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [(west + east) / 2, north],
      [(west + east) / 2, south],
    ],
  };
  // No adaptive resampling: at this scale Mercator's straight segments are exact enough, and it halves the work.
  return geoMercator()
    .precision(0)
    .fitExtent(
      [
        [AREA.x + 40, AREA.y + 30],
        [AREA.x + AREA.width - 40, AREA.y + AREA.height - 30],
      ],
      outline,
    )
    .clipExtent([
      [AREA.x, AREA.y],
      [AREA.x + AREA.width, AREA.y + AREA.height],
    ]);
}

function radiusFor(events: number): number {
  return Math.min(11, 4 + 2 * Math.sqrt(events));
}

/** Broader places name a spot before the villages in them: "Jabrayil District +5", not "Mehdili +5". */
const BREADTH: Place['kind'][] = [
  'region',
  'province',
  'district',
  'border-area',
  'city',
  'town',
  'landform',
  'military-site',
  'infrastructure',
  'village',
  'country',
  'sea',
];

function byImportance(a: MappedPlace, b: MappedPlace): number {
  return (
    b.eventIds.length - a.eventIds.length ||
    BREADTH.indexOf(a.place.kind) - BREADTH.indexOf(b.place.kind) ||
    a.place.name.localeCompare(b.place.name)
  );
}

/** Groups places that would be drawn on top of each other; busiest first. */
function clusterPoints(mapped: readonly MappedPlace[], projection: GeoProjection): MapPoint[] {
  const groups: { x: number; y: number; places: MappedPlace[] }[] = [];
  for (const item of [...mapped].sort(byImportance)) {
    const [x, y] = projection([item.place.lon, item.place.lat]) as [number, number];
    const near = groups.find((g) => Math.hypot(g.x - x, g.y - y) < 7);
    if (near) near.places.push(item);
    else groups.push({ x, y, places: [item] });
  }
  const points = groups.map(({ x, y, places }) => {
    const ordered = [...places].sort(
      (a, b) => BREADTH.indexOf(a.place.kind) - BREADTH.indexOf(b.place.kind) || byImportance(a, b),
    );
    const events = new Set(places.flatMap((m) => m.eventIds)).size;
    const approximate = places.every((m) => m.place.precision === 'region' || m.place.precision === 'approximate');
    return { places: ordered, events, x, y, r: radiusFor(events), approximate };
  });
  return points.sort((a, b) => b.events - a.events || b.places.length - a.places.length);
}

/** The drawn extent of a point: approximate places get a wider dashed ring. */
export function pointRadius(point: MapPoint): number {
  return point.approximate ? point.r + 5 : point.r;
}

export function pointText(point: MapPoint): string {
  const [first] = point.places;
  const more = point.places.length > 1 ? ` +${point.places.length - 1}` : '';
  const count = point.events > 1 ? ` (${point.events})` : '';
  return `${first?.place.name ?? ''}${more}${count}`;
}

function pointCandidates(point: MapPoint, text: string): Candidate<{ text: string; leader?: Box }>[] {
  const w = textWidth(text, MAP_SIZE.label, 'bold');
  const h = Math.ceil(MAP_SIZE.label * LINE_HEIGHT);
  const d = pointRadius(point) + 3;
  const { x, y } = point;
  const diag = d * 0.75;
  const spots: [number, number][] = [
    [x + d, y - h / 2],
    [x - d - w, y - h / 2],
    [x + diag, y - diag - h],
    [x + diag, y + diag],
    [x - w / 2, y - d - h],
    [x - w / 2, y + d],
    [x - diag - w, y - diag - h],
    [x - diag - w, y + diag],
    // Still next to the point, but nudged along its side when the first ring is taken.
    [x + d, y - h],
    [x + d, y],
    [x - d - w, y - h],
    [x - d - w, y],
    [x - w / 4, y - d - h],
    [x - (3 * w) / 4, y - d - h],
    [x - w / 4, y + d],
    [x - (3 * w) / 4, y + d],
  ];
  const near = spots.map(([bx, by]) => ({ box: { x: bx, y: by, width: w, height: h }, place: { text } }));
  // Last resort in a crowd: stand the label off above or below, tied to its point by a vertical leader.
  const R = pointRadius(point);
  const far: Candidate<{ text: string; leader?: Box }>[] = [];
  for (const gap of [14, 30, 48, 66, 84]) {
    const right = { x: x + R + gap, y: y - h / 2, width: w, height: h };
    const left = { x: x - R - gap - w, y: y - h / 2, width: w, height: h };
    const toRight = horizontalLine(y, x + R + 2, right.x);
    const toLeft = horizontalLine(y, left.x + w, x - R - 2);
    far.push({ box: right, lines: [toRight], place: { text, leader: toRight } });
    far.push({ box: left, lines: [toLeft], place: { text, leader: toLeft } });
    for (const bx of [x - w / 2, x - 10, x - w + 10]) {
      const above = { x: bx, y: y - R - gap - h, width: w, height: h };
      const below = { x: bx, y: y + R + gap, width: w, height: h };
      const up = verticalLine(x, above.y + h, y - R - 2);
      const down = verticalLine(x, y + R + 2, below.y);
      far.push({ box: above, lines: [up], place: { text, leader: up } });
      far.push({ box: below, lines: [down], place: { text, leader: down } });
    }
  }
  return [...near, ...far];
}

/** Offsets around a spot, nearest first: where a country name tries to go when its centre is taken. */
function spiral(step: number, rings: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = -rings; i <= rings; i++) for (let j = -rings; j <= rings; j++) out.push([i * step * 1.6, j * step]);
  return out.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
}

const SPIRAL = spiral(24, 10);

/** The ring of largest area (the first of equals) and that area: each ring's area is worked out once. */
function largestRing(rings: readonly Ring[]): { ring: Ring; area: number } | undefined {
  let best: { ring: Ring; area: number } | undefined;
  for (const ring of rings) {
    const area = Math.abs(ringArea(ring));
    if (!best || area > best.area) best = { ring, area };
  }
  return best;
}

function countryLabel(shape: CountryShape, frame: Box, taken: Occupancy): TextItem | undefined {
  const largest = largestRing(shape.outline.rings);
  if (!largest || largest.area < 2500) return undefined;
  const [cx, cy] = ringCentroid(largest.ring);
  const text = shape.country.name.toUpperCase();
  const spacing = 1.5;
  const w = textWidth(text, MAP_SIZE.country, 'bold') + spacing * (text.length - 1);
  const h = Math.ceil(MAP_SIZE.country * LINE_HEIGHT);
  for (const [dx, dy] of SPIRAL) {
    const box = { x: cx + dx - w / 2, y: cy + dy - h / 2, width: w, height: h };
    if (!inside(box, frame) || !taken.fits(box)) continue;
    const corners: [number, number][] = [
      [box.x, box.y],
      [box.x + w, box.y],
      [box.x, box.y + h],
      [box.x + w, box.y + h],
      [box.x + w / 2, box.y + h / 2],
    ];
    if (!corners.every(([x, y]) => inRing(largest.ring, x, y))) continue;
    taken.take(box);
    return { text, box };
  }
  return undefined;
}

function seaLabels(projection: GeoProjection, countries: readonly CountryShape[], frame: Box, taken: Occupancy) {
  const out: TextItem[] = [];
  for (const sea of SEAS) {
    const at = projection([sea.lon, sea.lat]);
    if (!at) continue;
    const w = textWidth(sea.name, MAP_SIZE.sea) * 1.05;
    const h = Math.ceil(MAP_SIZE.sea * LINE_HEIGHT);
    for (const [dx, dy] of [
      [0, 0],
      [0, -30],
      [0, 30],
      [-40, 0],
      [40, 0],
    ] as const) {
      const box = { x: at[0] + dx - w / 2, y: at[1] + dy - h / 2, width: w, height: h };
      const onLand = countries.some((c) => c.outline.rings.some((r) => inRing(r, box.x + w / 2, box.y + h / 2)));
      if (onLand || !inside(box, frame) || !taken.fits(box)) continue;
      taken.take(box);
      out.push({ text: sea.name, box });
      break;
    }
  }
  return out;
}

export function layoutMap(mapped: readonly MappedPlace[], options: MapOptions): MapLayout {
  const { width, height, margin } = MAP_SIZE;
  const wide = mapped.filter((m) => isWide(m.place));
  const pointable = mapped.filter((m) => !isWide(m.place));
  const outside = pointable.filter((m) => !inRegion(m.place));
  const inside = pointable.filter((m) => inRegion(m.place));
  const projection = projectionFor(window(inside.map((m) => m.place)));

  const [west, north] = projection.invert?.([AREA.x, AREA.y]) ?? [REGION.west, REGION.north];
  const [east, south] = projection.invert?.([AREA.x + AREA.width, AREA.y + AREA.height]) ?? [REGION.east, REGION.south];
  const countries: CountryShape[] = countriesNear(west, south, east, north)
    .map((country) => ({
      country,
      focus: FOCUS_COUNTRIES.has(country.name),
      outline: projectOutline(country.feature, projection),
    }))
    .filter((c) => c.outline.area > 0);

  const points = clusterPoints(inside, projection);
  const frame = grow(AREA, -4);
  const texts = points.map(pointText);
  const candidates = points.map((p, i) => pointCandidates(p, texts[i] as string));
  const byArea = [...countries].sort((a, b) => b.outline.area - a.outline.area);

  /**
   * Places first, then country names, then seas. If that leaves Armenia or
   * Azerbaijan unnamed, their names go first instead: a map of this
   * conflict must name both.
   */
  const attempt = (focusFirst: boolean) => {
    const occupied = new Occupancy(
      points.map((p) => grow(circleBox(p.x, p.y, pointRadius(p)), 1)),
      2,
    );
    const names = new Map<CountryShape, TextItem | undefined>();
    if (focusFirst)
      for (const shape of byArea.filter((c) => c.focus)) names.set(shape, countryLabel(shape, frame, occupied));
    const placed = placeLabels(candidates, frame, occupied);
    for (const shape of byArea) if (!names.has(shape)) names.set(shape, countryLabel(shape, frame, occupied));
    const seas = seaLabels(projection, countries, frame, occupied);
    const focusNamed = byArea.filter((c) => c.focus).every((c) => names.get(c));
    return { placed, names, seas, focusNamed };
  };
  let result = attempt(false);
  if (!result.focusNamed) {
    const second = attempt(true);
    if (second.focusNamed) result = second;
  }
  const { placed, names, seas } = result;
  for (const shape of countries) shape.label = names.get(shape);
  const labels: PointLabel[] = [];
  const unlabelled: MapPoint[] = [];
  points.forEach((point, i) => {
    const p = placed.get(i);
    if (p) labels.push({ point, text: p.place.text, box: p.box, leader: p.place.leader });
    else unlabelled.push(point);
  });

  const legend: MapLayout['legend'] = [];
  let lx = margin;
  const addLegend = (kind: MapLayout['legend'][number]['kind'], text: string, indent: number) => {
    const w = indent + textWidth(text, MAP_SIZE.legend);
    legend.push({ kind, text, box: lineBox(lx, LEGEND_TOP, w, MAP_SIZE.legend) });
    lx += w + 18;
  };
  if (points.some((p) => !p.approximate)) addLegend('site', 'Town or site', 18);
  if (points.some((p) => p.approximate)) addLegend('area', 'Area, position approximate', 22);
  if (points.some((p) => p.events > 1)) addLegend('count', '(n) events', 0);
  if (points.some((p) => p.places.length > 1)) addLegend('more', '+n more places at one spot', 0);
  const room = width - margin - lx;
  const full = `Borders: Natural Earth${options.credit ? ` · ${options.credit}` : ''}`;
  const creditText = [full, 'Borders: Natural Earth'].find((t) => textWidth(t, MAP_SIZE.credit) <= room);
  const credit = creditText
    ? {
        text: creditText,
        box: lineBox(
          width - margin - textWidth(creditText, MAP_SIZE.credit),
          LEGEND_TOP + 1,
          textWidth(creditText, MAP_SIZE.credit),
          MAP_SIZE.credit,
        ),
      }
    : undefined;

  const placeCount = inside.length;
  const parts = [`${placeCount} place${placeCount === 1 ? '' : 's'}`];
  if (unlabelled.length) parts.push(`${unlabelled.length} unlabelled for lack of room`);
  if (outside.length) parts.push(`outside the map: ${outside.map((m) => m.place.name).join(', ')}`);
  const subtitleText = fitText(parts.join(' · '), width - 2 * margin, MAP_SIZE.subtitle);
  const titleText = fitText(options.title, width - 2 * margin, MAP_SIZE.title, 'bold');
  return {
    width,
    height,
    title: { text: titleText, box: lineBox(margin, 14, textWidth(titleText, MAP_SIZE.title, 'bold'), MAP_SIZE.title) },
    subtitle: {
      text: subtitleText,
      box: lineBox(margin, 44, textWidth(subtitleText, MAP_SIZE.subtitle), MAP_SIZE.subtitle),
    },
    credit,
    area: AREA,
    projection,
    countries,
    seas,
    points,
    labels,
    unlabelled,
    outside,
    wide,
    legend,
  };
}
