import type { Weight } from './font.js';
import type { Box } from './geometry.js';
import { LINE_HEIGHT } from './svg.js';
import { textWidth } from './text-metrics.js';

/** A line of text and the box it will occupy when drawn. */
export interface TextItem {
  text: string;
  box: Box;
}

/** The box of one line of text whose top is `top`. */
export function lineBox(x: number, top: number, width: number, size: number): Box {
  return { x, y: top, width, height: Math.ceil(size * LINE_HEIGHT) };
}

/** Cuts text to fit a width, ending in an ellipsis; returns "" if not even a few letters fit. */
export function fitText(text: string, maxWidth: number, size: number, weight: Weight = 'regular'): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= 4; n--) {
    const cut = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (textWidth(cut, size, weight) <= maxWidth) return cut;
  }
  return '';
}
