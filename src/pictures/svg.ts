import type { Weight } from './font.js';
import { ensureGlyphs, GLYPH_SIZE, glyphKey, glyphOutline } from './glyphs.js';
import { advances } from './text-metrics.js';

/** Tiny SVG writer: strings in, escaped markup out. Numbers are rounded so output is stable. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

type AttrValue = string | number | undefined;

function attrs(a: Record<string, AttrValue>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v as string)}"`)
    .join('');
}

export function el(name: string, a: Record<string, AttrValue>, children?: string): string {
  return children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
}

export interface TextStyle {
  size: number;
  weight?: Weight;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  /** A halo in this colour keeps text readable over lines and shading. */
  halo?: string;
  italic?: boolean;
  letterSpacing?: number;
}

/**
 * Text whose `top` is the top of the line box, matching the layout's boxes.
 * Drawn as references to cached glyph outlines (see glyphs.ts), one group per
 * run, so resvg does not outline the same letters again on every picture.
 */
export function text(x: number, top: number, content: string, style: TextStyle): string {
  return glyphRun(x, top + style.size * BASELINE, content, style);
}

/** Glyphs of `content` with the baseline at y; anchors and letter spacing work as in SVG. */
export function glyphRun(x: number, baseline: number, content: string, style: TextStyle): string {
  const weight = style.weight ?? 'regular';
  ensureGlyphs(content, weight);
  const scale = style.size / GLYPH_SIZE;
  const spacing = (style.letterSpacing ?? 0) / scale;
  const steps = advances(content, weight).map((a) => a * GLYPH_SIZE + spacing);
  const width = steps.reduce((sum, a) => sum + a, 0) - spacing;
  const start = style.anchor === 'middle' ? -width / 2 : style.anchor === 'end' ? -width : 0;
  const uses: string[] = [];
  let at = start;
  [...content].forEach((char, i) => {
    const key = glyphKey(char, weight);
    if (glyphOutline(key)) uses.push(`<use href="#${key}" x="${Math.round(at)}"/>`);
    at += steps[i] ?? 0;
  });
  const skew = style.italic ? ' skewX(-12)' : '';
  return el(
    'g',
    {
      transform: `translate(${num(x)} ${num(baseline)})${skew} scale(${scale.toFixed(5)})`,
      fill: style.fill,
      stroke: style.halo,
      'stroke-width': style.halo ? Math.max(2, style.size / 6) / scale : undefined,
      'stroke-linejoin': style.halo ? 'round' : undefined,
      'paint-order': style.halo ? 'stroke' : undefined,
    },
    uses.join(''),
  );
}

/** Fraction of the font size from the top of a label box down to its baseline. */
export const BASELINE = 0.95;
/** Height of a one-line label box as a fraction of the font size. */
export const LINE_HEIGHT = 1.2;

export function svgDocument(width: number, height: number, body: string[], title: string): string {
  const content = body.join('');
  const used = new Set(Array.from(content.matchAll(/href="#(g\d+-[0-9a-f]+)"/g), (m) => m[1] as string));
  const defs = [...used]
    .sort()
    .map((key) => `<path id="${key}" d="${glyphOutline(key)}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${escapeXml(title)}</title><defs>${defs}</defs>${content}</svg>`;
}
