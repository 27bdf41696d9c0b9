import type { Figure } from '../../content/schema.js';
import { numbersIn } from '../questions/numbers.js';

export type Qualifier = Figure['qualifier'];

/** A typed figure: one number, or a range, with the qualifier the player put before it. */
export type ReadFigure =
  | { value: number; valueMax?: number; qualifier?: Qualifier; note?: string }
  | { refused: string };

/** Longest first, so "less than" is not read as "less". */
const QUALIFIERS: [string, Qualifier][] = (
  [
    ['no fewer than', 'at-least'],
    ['no less than', 'at-least'],
    ['no more than', 'up-to'],
    ['greater than', 'over'],
    ['more than', 'over'],
    ['fewer than', 'less-than'],
    ['less than', 'less-than'],
    ['at least', 'at-least'],
    ['at most', 'up-to'],
    ['approximately', 'about'],
    ['close to', 'nearly'],
    ['roughly', 'about'],
    ['around', 'about'],
    ['exactly', 'exact'],
    ['nearly', 'nearly'],
    ['almost', 'nearly'],
    ['approx', 'about'],
    ['about', 'about'],
    ['above', 'over'],
    ['below', 'less-than'],
    ['under', 'less-than'],
    ['up to', 'up-to'],
    ['circa', 'about'],
    ['some', 'about'],
    ['over', 'over'],
    ['>=', 'at-least'],
    ['≥', 'at-least'],
    ['<=', 'up-to'],
    ['≤', 'up-to'],
    ['>', 'over'],
    ['<', 'less-than'],
    ['~', 'about'],
    ['c.', 'about'],
  ] as [string, Qualifier][]
).sort((a, b) => b[0].length - a[0].length);

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

// Groups of three after a comma or a space (plain, no-break or thin): "40,000", "40 000".
const NUMBER = String.raw`(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|thousand|mn|mln|million|m|bn|billion|b)\b)?`;
const FIGURE = new RegExp(`^${NUMBER}(?:\\s*(?:-|–|to)\\s*${NUMBER})?(?:\\s+[\\p{L}\\s]*)?$`, 'u');

function qualifierOf(text: string): [Qualifier | undefined, string] {
  for (const [words, qualifier] of QUALIFIERS) {
    if (!text.startsWith(words)) continue;
    const rest = text.slice(words.length);
    // A word qualifier ends at a word boundary ("some" is not "something"); a sign may touch the number.
    if (/^[a-z]/.test(words) && /^[a-z]/.test(rest)) continue;
    return [qualifier, rest.trim()];
  }
  return [undefined, text];
}

function numberFrom(digits: string, fraction: string | undefined, scale: string | undefined): number {
  const value = Number(`${digits.replace(/[^\d]/g, '')}${fraction ? `.${fraction}` : ''}`);
  return Math.round(value * (scale ? (SCALES[scale] ?? 1) : 1) * 1e6) / 1e6;
}

/**
 * A figure as people type it: "40000", "40,000", "40 000", "40k", "40
 * thousand", "1.8 billion", "1.8bn", "forty thousand", optionally after a
 * qualifier ("over 40,000") and before a unit ("40,000 soldiers"). A dot is
 * a decimal point: "40.000" is forty, and the note says so.
 */
export function readFigure(typed: string): ReadFigure {
  const lower = typed
    .trim()
    .toLowerCase()
    .replace(/[$€£%]|\bus\$|\busd\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const [qualifier, text] = qualifierOf(lower);
  const withQualifier = <T extends object>(read: T) => (qualifier ? { ...read, qualifier } : read);
  if (/^-\s*\d/.test(text)) return { refused: 'a count is never below zero' };
  const m = FIGURE.exec(text);
  if (m) {
    const [, digits, fraction, scale, maxDigits, maxFraction, maxScale] = m;
    // "1 to 2 million": a scale written once, after the range, is both ends'.
    const value = numberFrom(digits as string, fraction, scale ?? maxScale);
    const read: { value: number; valueMax?: number; note?: string } = { value };
    if (maxDigits !== undefined) read.valueMax = numberFrom(maxDigits, maxFraction, maxScale ?? scale);
    if (/^\d{1,3}\.\d{3}$/.test(`${digits}.${fraction ?? ''}`) && !scale && maxDigits === undefined)
      read.note = `read "${typed.trim()}" as ${value}: a dot marks decimals, so write ${Number(`${digits}${fraction}`).toLocaleString('en-US')} with a comma or a space`;
    return withQualifier(read);
  }
  // Numbers in words, as articles write them: "forty thousand", "seven", "a million".
  const words = numbersIn(text);
  if (words.length === 1 && words[0]?.start === 0 && /^[\p{L}\s]*$/u.test(text.slice(words[0].end)))
    return withQualifier({ value: words[0].value });
  return { refused: 'not a number; try 40,000 or 40k' };
}
