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

/** Words a shortened line should not end on: "the…" says less than the word before it. */
const WEAK_END = /^(a|an|the|of|and|or|in|on|at|to|for|by|with|from|its|their|his|her)$/i;

/**
 * Shortens text to fit a width, ending at a whole word with an ellipsis,
 * never mid-word; "" if not even its first word fits.
 */
export function fitText(text: string, maxWidth: number, size: number, weight: Weight = 'regular'): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const words = text.split(/\s+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words.slice(0, n);
    while (head.length > 1 && WEAK_END.test(head.at(-1) as string)) head.pop();
    const cut = `${head.join(' ').replace(/[\s,;:–—-]+$/, '')}…`;
    if (textWidth(cut, size, weight) <= maxWidth) return cut;
  }
  return '';
}

/**
 * Wraps text into at most `lines` lines of a width, at spaces; the last
 * line is shortened at a word with "…" when the text runs on.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  lines: number,
  weight: Weight = 'regular',
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let i = 0;
  while (i < words.length && out.length < lines - 1) {
    let line = words[i] as string;
    if (textWidth(line, size, weight) > maxWidth) break;
    i++;
    while (i < words.length && textWidth(`${line} ${words[i]}`, size, weight) <= maxWidth) line += ` ${words[i++]}`;
    out.push(line);
  }
  if (i < words.length) {
    const last = fitText(words.slice(i).join(' '), maxWidth, size, weight);
    if (last) out.push(last);
  }
  return out;
}
