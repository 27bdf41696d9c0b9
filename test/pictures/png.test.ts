import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { mapLayoutFor } from '../../src/pictures/map.js';
import { mapSvg } from '../../src/pictures/map-svg.js';
import { compactPng, opaqueRgb } from '../../src/pictures/png.js';
import { RENDER_OPTIONS, renderSvg } from '../../src/pictures/render.js';
import { timelineLayoutFor } from '../../src/pictures/timeline.js';
import { timelineSvg } from '../../src/pictures/timeline-svg.js';

const REAL_PACK = path.resolve(import.meta.dirname, '../../content/caucasus');

let real: Pack;
beforeAll(async () => {
  real = await loadPack(REAL_PACK);
});

/** The SVGs of the pictures /timeline 2020-10 and /map send for the real pack. */
function realPictures(): Record<string, string> {
  const october = real.eventsBetween('2020-10', '2020-10');
  return {
    'timeline 2020-10': timelineSvg(
      timelineLayoutFor(real, october, { title: 'Timeline: October 2020', period: { from: '2020-10', to: '2020-10' } }),
    ),
    map: mapSvg(mapLayoutFor(real, [...real.chronological], { title: 'Map' })),
  };
}

/** Byte 25 of a PNG is the IHDR colour type: 2 is RGB, 6 is RGBA. */
const colourType = (png: Uint8Array) => png[25];

describe('picture PNGs', () => {
  it('hold exactly resvg’s pixels, as RGB, for the real timeline and map', () => {
    for (const [name, svg] of Object.entries(realPictures())) {
      const image = renderSvg(svg);
      expect(colourType(image.png), name).toBe(2);
      const decoded = PNG.sync.read(Buffer.from(image.png));
      expect([decoded.width, decoded.height], name).toEqual([image.width, image.height]);
      // The decoder fills alpha with 255, so equal RGBA also proves resvg drew every pixel opaque.
      expect(decoded.data.equals(Buffer.from(image.pixels)), `${name} pixels differ from resvg's`).toBe(true);
    }
  });

  it('are at most three quarters the size of resvg’s own PNG of the same picture', () => {
    for (const [name, svg] of Object.entries(realPictures())) {
      const ours = renderSvg(svg).png.length;
      const resvgs = new Resvg(svg, RENDER_OPTIONS).render().asPng().length;
      expect(ours, `${name}: ${ours} bytes against resvg's ${resvgs}`).toBeLessThan(0.75 * resvgs);
    }
  });

  it('keep resvg’s own RGBA PNG for a picture with see-through pixels, so its alpha survives', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="10" height="10" fill="#D55E00" fill-opacity="0.5"/><rect x="10" width="10" height="10" fill="#0072B2"/></svg>';
    const image = new Resvg(svg).render();
    const png = compactPng(image, image.pixels);
    expect(Buffer.from(png).equals(image.asPng())).toBe(true);
    expect(colourType(png)).toBe(6);
    const decoded = PNG.sync.read(Buffer.from(png));
    expect([decoded.data[3], decoded.data[decoded.data.length - 1]]).toEqual([128, 255]);
  });
});

describe('opaqueRgb', () => {
  it('drops the alpha byte of each opaque pixel and keeps the colours in order', () => {
    const rgba = new Uint8Array([1, 2, 3, 255, 4, 5, 6, 255]);
    expect([...(opaqueRgb(rgba) ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses pixels when even the last one is not fully opaque', () => {
    expect(opaqueRgb(new Uint8Array([1, 2, 3, 255, 4, 5, 6, 254]))).toBeUndefined();
  });
});
