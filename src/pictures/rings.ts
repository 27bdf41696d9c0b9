import { type GeoContext, type GeoProjection, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { num } from './svg.js';

/**
 * A country's outline projected and clipped once, as plain pixel rings. The
 * layout then works in the plane (area, centroid, point-in-ring), which is
 * far cheaper than asking d3 spherical questions over and over.
 */
export type Ring = [number, number][];

export interface Outline {
  rings: Ring[];
  /** Sum of the rings' areas in px²; 0 when nothing is in view. */
  area: number;
  /** SVG path data. */
  d: string;
}

class RingRecorder {
  rings: Ring[] = [];
  private current: Ring | undefined;
  moveTo(x: number, y: number): void {
    this.current = [[x, y]];
    this.rings.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current?.push([x, y]);
  }
  closePath(): void {
    this.current = undefined;
  }
  arc(): void {}
  beginPath(): void {}
}

export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    sum += xj * yi - xi * yj;
  }
  return sum / 2;
}

export function ringCentroid(ring: Ring): [number, number] {
  let cx = 0;
  let cy = 0;
  const a = ringArea(ring);
  if (a === 0) return ring[0] ?? [0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const f = xj * yi - xi * yj;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/** Even-odd rule. */
export function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function projectOutline(feature: Feature<Polygon | MultiPolygon>, projection: GeoProjection): Outline {
  const recorder = new RingRecorder();
  geoPath(projection, recorder as unknown as GeoContext)(feature);
  const rings = recorder.rings.filter((r) => r.length > 2);
  const area = rings.reduce((sum, r) => sum + Math.abs(ringArea(r)), 0);
  // One decimal in path data: invisible at this size, and it keeps the SVG small and stable.
  const d = rings
    .map((r) => `M${r.map(([x, y]) => `${num(Math.round(x * 10) / 10)} ${num(Math.round(y * 10) / 10)}`).join('L')}Z`)
    .join('');
  return { rings, area, d };
}
