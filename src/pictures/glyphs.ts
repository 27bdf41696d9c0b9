import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFiles, WEIGHT_VALUE, type Weight } from './font.js';

/**
 * Glyph outlines, made once per character and kept. resvg outlines every
 * glyph of every <text> anew on each render (about 40 µs a glyph, most of a
 * chart's render time), so pictures draw text as <use> references to these
 * outlines instead. The outlines come from resvg itself, from the same
 * packaged font, so letters look exactly as resvg would draw them.
 *
 * Outlines are at font size 1000 with the baseline at y = 0.
 */
export const GLYPH_SIZE = 1000;

const outlines = new Map<string, string | null>();

export function glyphKey(char: string, weight: Weight): string {
  return `g${WEIGHT_VALUE[weight]}-${(char.codePointAt(0) ?? 0).toString(16)}`;
}

/** Outlines every character not yet known, in one resvg pass: each gets a unique fill colour to find it by. */
export function ensureGlyphs(text: string, weight: Weight): void {
  const missing = [...new Set(text)].filter((c) => !outlines.has(glyphKey(c, weight)));
  if (missing.length === 0) return;
  const body = missing
    .map((char, i) => {
      const colour = `#${(i + 1).toString(16).padStart(6, '0')}`;
      return `<text x="0" y="0" font-family="${FONT_FAMILY}" font-weight="${WEIGHT_VALUE[weight]}" font-size="${GLYPH_SIZE}" fill="${colour}">&#${char.codePointAt(0)};</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${body}</svg>`;
  const tree = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  }).toString();
  const found = new Map<number, string>();
  for (const m of tree.matchAll(/<path fill="#([0-9a-fA-F]{6})"[^>]*? d="([^"]*)"/g)) {
    found.set(Number.parseInt(m[1] as string, 16) - 1, compact(m[2] as string));
  }
  missing.forEach((char, i) => {
    outlines.set(glyphKey(char, weight), found.get(i) ?? null);
  });
}

/** Path data for a glyph, or null for blanks such as the space. */
export function glyphOutline(key: string): string | null | undefined {
  return outlines.get(key);
}

/** resvg writes long decimals; one decimal at size 1000 is a hundredth of a pixel at chat sizes. */
function compact(d: string): string {
  return d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}
