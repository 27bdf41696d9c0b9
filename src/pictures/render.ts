import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFiles } from './font.js';
import { compactPng } from './png.js';

/**
 * Pictures are laid out at chat size (about 800 px wide) and rendered at
 * 1.25 times that (1000 px wide): sharp enough when opened, and the PNG
 * encoding, which grows with the pixel count, stays well under the 100 ms budget.
 */
export const ZOOM = 1.25;

/** What every picture is rendered with: the packaged font only, so the PNG is the same on every host. */
export const RENDER_OPTIONS = {
  fitTo: { mode: 'zoom', value: ZOOM },
  font: {
    fontFiles: fontFiles(),
    loadSystemFonts: false,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
  },
  background: '#FFFFFF',
  shapeRendering: 2,
  textRendering: 1,
  logLevel: 'off',
} as const;

export interface Rendered {
  png: Uint8Array;
  width: number;
  height: number;
  /** Raw RGBA, row-major; tests read pixels from it. */
  pixels: Uint8Array;
}

export function renderSvg(svg: string): Rendered {
  const image = new Resvg(svg, RENDER_OPTIONS).render();
  // resvg copies the pixels out on every read of the getter: read them once.
  const pixels = image.pixels;
  return { png: compactPng(image, pixels), width: image.width, height: image.height, pixels };
}

export function svgToPng(svg: string): Uint8Array {
  return renderSvg(svg).png;
}
