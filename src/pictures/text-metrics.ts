import { fontBytes, type Weight } from './font.js';

/**
 * Advance widths read straight from the TTF (cmap + hmtx), so the label
 * layout knows how wide a label will be when resvg draws it. Kerning is left
 * out; it only ever narrows Noto Sans text, so the estimate errs on the safe side.
 */
interface Metrics {
  unitsPerEm: number;
  glyphOf: Map<number, number>;
  advances: Uint16Array;
}

function tableOffsets(view: DataView): Map<string, number> {
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    tables.set(tag, view.getUint32(at + 8));
  }
  return tables;
}

function required(tables: Map<string, number>, tag: string): number {
  const at = tables.get(tag);
  if (at === undefined) throw new Error(`font has no ${tag} table`);
  return at;
}

/** Reads a format 4 (BMP) or format 12 (full Unicode) cmap subtable into code point → glyph id. */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const count = view.getUint16(cmap + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = sub;
      bestFormat = format;
    }
  }
  if (best < 0) throw new Error('font has no Unicode cmap');
  const map = new Map<number, number>();
  if (bestFormat === 12) {
    const groups = view.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + g * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
    }
    return map;
  }
  const segments = view.getUint16(best + 6) / 2;
  const ends = best + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const range = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeAt + range + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

function readMetrics(bytes: Buffer): Metrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(view);
  const unitsPerEm = view.getUint16(required(tables, 'head') + 18);
  const hMetrics = view.getUint16(required(tables, 'hhea') + 34);
  const glyphs = view.getUint16(required(tables, 'maxp') + 4);
  const hmtx = required(tables, 'hmtx');
  const advances = new Uint16Array(glyphs);
  for (let g = 0; g < glyphs; g++) {
    // Glyphs past numberOfHMetrics share the last advance (monospaced tails).
    advances[g] = view.getUint16(hmtx + Math.min(g, hMetrics - 1) * 4);
  }
  return { unitsPerEm, glyphOf: readCmap(view, required(tables, 'cmap')), advances };
}

const cache = new Map<Weight, Metrics>();

function metrics(weight: Weight): Metrics {
  let m = cache.get(weight);
  if (!m) {
    m = readMetrics(fontBytes(weight));
    cache.set(weight, m);
  }
  return m;
}

/** A character's advance in font units; one the font lacks counts as an em. */
function advanceUnits(m: Metrics, char: string): number {
  const glyph = m.glyphOf.get(char.codePointAt(0) as number);
  return glyph === undefined ? m.unitsPerEm : (m.advances[glyph] ?? m.unitsPerEm);
}

/** Whether the font draws this character itself (no fallback box). */
export function hasGlyph(char: string, weight: Weight = 'regular'): boolean {
  const code = char.codePointAt(0);
  return code !== undefined && metrics(weight).glyphOf.has(code);
}

/** Width in pixels of `text` set at `size` px. Characters the font lacks count as an em. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const m = metrics(weight);
  let units = 0;
  for (const char of text) units += advanceUnits(m, char);
  return (units / m.unitsPerEm) * size;
}

/** Advance of each character, in ems, for placing glyphs one by one. */
export function advances(text: string, weight: Weight = 'regular'): number[] {
  const m = metrics(weight);
  return [...text].map((char) => advanceUnits(m, char) / m.unitsPerEm);
}
