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
 * never mid-word; "" if not even its first word fits, or if fewer than
 * `minWords` would be left ("Between…" names nothing).
 */
export function fitText(
  text: string,
  maxWidth: number,
  size: number,
  weight: Weight = 'regular',
  minWords = 1,
): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const words = text.split(/\s+/).filter(Boolean);
  for (let n = words.length - 1; n >= minWords; n--) {
    const head = words.slice(0, n);
    while (head.length > 1 && WEAK_END.test(head.at(-1) as string)) head.pop();
    if (head.length < minWords) continue;
    const cut = `${head.join(' ').replace(/[\s,;:–—-]+$/, '')}…`;
    if (textWidth(cut, size, weight) <= maxWidth) return cut;
  }
  return '';
}

/**
 * Wraps text at spaces into one line per width given, the last shortened at
 * a word with "…" when the text runs on; [] when a line cannot take even its
 * first word.
 */
export function wrapText(text: string, widths: readonly number[], size: number, weight: Weight = 'regular'): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let i = 0;
  for (const [n, width] of widths.entries()) {
    if (i >= words.length) break;
    if (n === widths.length - 1) {
      const last = fitText(words.slice(i).join(' '), width, size, weight);
      if (!last) return [];
      out.push(last);
      break;
    }
    let line = '';
    while (i < words.length && textWidth(`${line} ${words[i]}`.trim(), size, weight) <= width)
      line = `${line} ${words[i++]}`.trim();
    if (!line) return [];
    out.push(line);
  }
  return out;
}
