import { FONT_FAMILY, WEIGHT_VALUE, type Weight } from './font.js';

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

/** Text whose `y` is the top of the line box, matching the layout's boxes (see lineBox). */
export function text(x: number, top: number, content: string, style: TextStyle): string {
  return el(
    'text',
    {
      x,
      // Noto Sans ascender is about 1.07 em; baseline sits that far below the box top.
      y: top + style.size * BASELINE,
      'font-family': FONT_FAMILY,
      'font-size': style.size,
      'font-weight': style.weight ? WEIGHT_VALUE[style.weight] : undefined,
      'font-style': style.italic ? 'italic' : undefined,
      'letter-spacing': style.letterSpacing,
      'text-anchor': style.anchor && style.anchor !== 'start' ? style.anchor : undefined,
      fill: style.fill,
      stroke: style.halo,
      'stroke-width': style.halo ? Math.max(2, style.size / 6) : undefined,
      'stroke-linejoin': style.halo ? 'round' : undefined,
      'paint-order': style.halo ? 'stroke' : undefined,
    },
    escapeXml(content),
  );
}

/** Fraction of the font size from the top of a label box down to its baseline. */
export const BASELINE = 0.95;
/** Height of a one-line label box as a fraction of the font size. */
export const LINE_HEIGHT = 1.2;

export function svgDocument(width: number, height: number, body: string[], title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${escapeXml(title)}</title>${body.join('')}</svg>`;
}
