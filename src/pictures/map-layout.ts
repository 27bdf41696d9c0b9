import type { GeoPermissibleObjects, GeoProjection } from 'd3-geo';
import { geoMercator } from 'd3-geo';
import type { Place } from '../content/schema.js';
import { type Country, countriesNear } from './atlas.js';
import { type GeoBox, inBox, MIN_SPAN } from './frame.js';
import { type Box, circleBox, grow, horizontalLine, inside, verticalLine } from './geometry.js';
import { type Candidate, Occupancy, placeLabels } from './labels.js';
import { homeOf, type MapHome } from './map-home.js';
import type { MappedPlace } from './map-places.js';
import { inRing, type Outline, projectOutline, type Ring, ringArea, ringCentroid } from './rings.js';
import { SEAS } from './seas.js';
import { LINE_HEIGHT } from './svg.js';
import { fitText, lineBox, type TextItem } from './text-box.js';
import { textWidth } from './text-metrics.js';
import { isWide, markOf } from './wide.js';

/**
 * Where everything on the map goes: the fitted projection, the countries in
 * view and their names, the event places as points, and their labels placed
 * so none overlaps another label or point.
 */

export interface MapOptions {
  title: string;
  credit?: string;
  /** Where the pack's places are (packHome); without it, the frame of the places given. */
  home?: MapHome;
}

/** One place on the map, and the events that name it. */
export type { MappedPlace } from './map-places.js';

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
  /** The countries the pack's places lie in (Armenia and Azerbaijan): one neutral tint, slightly stronger than their neighbours. */
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
  /** Places of these events beyond the pack's region (Moscow, Brussels). */
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
const PAD = 0.35;
/** Mercator runs to infinity at the poles: a view stops short of them. */
const MAX_LAT = 82;

/** The view around these places, or around the pack's core when none is given. */
type LonLat = { lon: number; lat: number };

function window(places: readonly LonLat[], home: MapHome | undefined): GeoBox {
  if (places.length === 0) {
    const core = home?.core ?? { west: -10, south: -10, east: 10, north: 10 };
    const corners = [
      { lon: core.west, lat: core.south },
      { lon: core.east, lat: core.north },
    ];
    return window(corners, undefined);
  }
  // Longitudes as the home writes them, so a view across the antimeridian stays one piece.
  const lons = places.map((p) => (home ? unwrapInto(home.region, p.lon) : p.lon));
  let west = Math.min(...lons) - PAD;
  let east = Math.max(...lons) + PAD;
  let south = Math.max(-MAX_LAT, Math.min(...places.map((p) => p.lat)) - PAD);
  let north = Math.min(MAX_LAT, Math.max(...places.map((p) => p.lat)) + PAD);
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

/** A longitude written the way a box writes it: 190, not -170, in a box from 170 to 200. */
function unwrapInto(box: GeoBox, lon: number): number {
  return [lon, lon - 360, lon + 360].find((l) => l >= box.west && l <= box.east) ?? lon;
}

function projectionFor(view: GeoBox): GeoProjection {
  const { west, south, east, north } = view;
  // Turned to the view's middle, so a view across the antimeridian is not cut in two.
  const middle = (west + east) / 2;
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
    .rotate([-middle, 0])
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
    const mark = markOf(item.place);
    if (!mark) continue;
    const [x, y] = projection([mark.lon, mark.lat]) as [number, number];
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
    const w = textWidth(sea.name, MAP_SIZE.sea) * 1.05;
    const h = Math.ceil(MAP_SIZE.sea * LINE_HEIGHT);
    const box = sea.spots.map((spot) => seaBox(projection, spot, w, h, countries, frame, taken)).find(Boolean);
    if (!box) continue;
    taken.take(box);
    out.push({ text: sea.name, box });
  }
  return out;
}

/** Where a sea's name fits at one of its spots: in the frame, on open water, clear of everything placed. */
function seaBox(
  projection: GeoProjection,
  spot: [number, number],
  w: number,
  h: number,
  countries: readonly CountryShape[],
  frame: Box,
  taken: Occupancy,
): Box | undefined {
  const at = projection(spot);
  if (!at) return undefined;
  for (const [dx, dy] of [
    [0, 0],
    [0, -30],
    [0, 30],
    [-40, 0],
    [40, 0],
  ] as const) {
    const box = { x: at[0] + dx - w / 2, y: at[1] + dy - h / 2, width: w, height: h };
    const onLand = countries.some((c) => c.outline.rings.some((r) => inRing(r, box.x + w / 2, box.y + h / 2)));
    if (!onLand && inside(box, frame) && taken.fits(box)) return box;
  }
  return undefined;
}

/** Below this share of the map on land, a view is open sea: it says nothing of where its point is. */
const LAND_SHARE = 0.005;

function shapesIn(view: GeoBox, home: MapHome | undefined) {
  const projection = projectionFor(view);
  const [west, north] = projection.invert?.([AREA.x, AREA.y]) ?? [view.west, view.north];
  const [east, south] = projection.invert?.([AREA.x + AREA.width, AREA.y + AREA.height]) ?? [view.east, view.south];
  const focus = home?.focus ?? new Set<string>();
  const countries: CountryShape[] = countriesNear(west, south, east, north)
    .map((country) => ({
      country,
      focus: focus.has(country.name),
      outline: projectOutline(country.feature, projection),
    }))
    .filter((c) => c.outline.area > 0);
  return { projection, countries };
}

/**
 * The view, widened around its middle until some land is in it: a splashdown
 * in mid-Pacific drawn on blank blue tells nothing, with Hawaii in the
 * corner it does. A view with land in it (every Caucasus map) is kept as it is.
 */
function landInView(view: GeoBox, home: MapHome | undefined) {
  let shapes = shapesIn(view, home);
  for (let widen = 2; widen <= 16; widen *= 2) {
    const land = shapes.countries.reduce((sum, c) => sum + c.outline.area, 0);
    if (land >= LAND_SHARE * AREA.width * AREA.height) break;
    const lon = (view.west + view.east) / 2;
    const lat = (view.south + view.north) / 2;
    const halfLon = Math.min(180, ((view.east - view.west) * widen) / 2);
    const halfLat = ((view.north - view.south) * widen) / 2;
    const wider = {
      west: lon - halfLon,
      east: lon + halfLon,
      south: Math.max(-MAX_LAT, lat - halfLat),
      north: Math.min(MAX_LAT, lat + halfLat),
    };
    shapes = shapesIn(wider, home);
  }
  return shapes;
}

export function layoutMap(mapped: readonly MappedPlace[], options: MapOptions): MapLayout {
  const { width, height, margin } = MAP_SIZE;
  const wide = mapped.filter((m) => isWide(m.place));
  const pointable = mapped.filter((m) => !isWide(m.place));
  const home = options.home ?? homeOf(pointable);
  const inRegion = (p: Place) => {
    const mark = markOf(p);
    return !home || (mark !== undefined && inBox(home.region, mark.lon, mark.lat));
  };
  const outside = pointable.filter((m) => !inRegion(m.place));
  const inside = pointable.filter((m) => inRegion(m.place));
  const { projection, countries } = landInView(
    window(
      inside.flatMap((m) => markOf(m.place) ?? []),
      home,
    ),
    home,
  );

  const points = clusterPoints(inside, projection);
  const frame = grow(AREA, -4);
  const texts = points.map(pointText);
  const candidates = points.map((p, i) => pointCandidates(p, texts[i] as string));
  const byArea = [...countries].sort((a, b) => b.outline.area - a.outline.area);

  /**
   * Places first, then country names, then seas. If that leaves a country
   * the pack is about unnamed, those names go first instead: a map of the
   * Armenia–Azerbaijan conflict must name both.
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
