/** Axis-aligned boxes in picture pixels: what the label layout reasons about. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share any area; touching edges do not count. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** A box around a circle, for treating marks as obstacles. */
export function circleBox(cx: number, cy: number, r: number): Box {
  return { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r };
}

/** A vertical segment as a zero-width box; overlaps() then catches any label it would cross. */
export function verticalLine(x: number, y1: number, y2: number): Box {
  return { x: x - 0.5, y: Math.min(y1, y2), width: 1, height: Math.abs(y2 - y1) };
}

export function horizontalLine(y: number, x1: number, x2: number): Box {
  return { x: Math.min(x1, x2), y: y - 0.5, width: Math.abs(x2 - x1), height: 1 };
}

/** Every pair of boxes in the list that overlap, for tests and assertions. */
export function overlappingPairs(boxes: readonly Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i] as Box, boxes[j] as Box)) pairs.push([i, j]);
    }
  }
  return pairs;
}
