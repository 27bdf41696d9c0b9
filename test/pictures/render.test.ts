import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../src/content/pack.js';
import { type Box, inside, overlaps } from '../../src/pictures/geometry.js';
import { placesMap } from '../../src/pictures/map.js';
import { layoutMap, pointRadius } from '../../src/pictures/map-layout.js';
import { mapSvg } from '../../src/pictures/map-svg.js';
import { MAP, OKABE_ITO } from '../../src/pictures/palette.js';
import { type Rendered, renderSvg, ZOOM } from '../../src/pictures/render.js';
import { timelineLayoutFor, timelineStrip } from '../../src/pictures/timeline.js';
import { timelineSvg } from '../../src/pictures/timeline-svg.js';
import { fixturePack } from '../support/fixture-pack.js';
import { event, place } from './synthetic.js';

let pack: Pack;
beforeAll(async () => {
  pack = await fixturePack();
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function colourAt(image: Rendered, x: number, y: number): string {
  const px = Math.round(x * ZOOM);
  const py = Math.round(y * ZOOM);
  const i = (py * image.width + px) * 4;
  const hex = [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]].map((v) =>
    (v ?? 0).toString(16).padStart(2, '0'),
  );
  return `#${hex.join('')}`.toUpperCase();
}

const events = () => [
  event(1, '2020-10-02'),
  event(2, '2020-10-10', { type: 'ceasefire' }),
  event(3, '2020-10-27', { type: 'statement' }),
];
const october = { from: '2020-10', to: '2020-10' };

describe('rendering', () => {
  it('is byte-identical run after run, and in a fresh process', () => {
    const first = timelineStrip(pack, events(), { title: 'Timeline: October 2020', period: october });
    const second = timelineStrip(pack, events(), { title: 'Timeline: October 2020', period: october });
    expect(sha(first?.png ?? new Uint8Array())).toBe(sha(second?.png ?? new Uint8Array()));
    const map = placesMap(pack, [...pack.chronological], { title: 'Map: 2020' });
    expect(sha(map?.png ?? new Uint8Array())).toBe(
      sha(placesMap(pack, [...pack.chronological], { title: 'Map: 2020' })?.png ?? new Uint8Array()),
    );

    const script = path.resolve(import.meta.dirname, 'render-hash.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }).trim().split('\n');
    expect(out).toEqual([sha(first?.png ?? new Uint8Array()), sha(map?.png ?? new Uint8Array())]);
  });

  it('renders at 1.25× the layout size', () => {
    const image = renderSvg(timelineSvg(timelineLayoutFor(pack, events(), { title: 't', period: october })));
    expect([image.width, image.height]).toEqual([1000, 575]);
  });

  it('draws timeline marks in their category colour over the episode shading', () => {
    const layout = timelineLayoutFor(pack, events(), { title: 't', period: october });
    const image = renderSvg(timelineSvg(layout));
    for (const mark of layout.marks) expect(colourAt(image, mark.x, mark.y)).toBe(mark.category.colour.toUpperCase());
    const band = layout.episodes[0];
    if (!band) throw new Error('no episode band');
    expect(colourAt(image, band.x0 + 2, layout.axis.y - 60)).toBe(band.tint.toUpperCase());
  });

  it('draws places in Okabe–Ito blue, water in water colour and both countries in one neutral tint', () => {
    const layout = layoutMap(
      [
        { place: place('ganja', 'Ganja', 40.68, 46.36), eventIds: ['a'] },
        { place: place('baku', 'Baku', 40.41, 49.87, { kind: 'city' }), eventIds: ['b'] },
        { place: place('tavush', 'Tavush', 40.88, 45.15, { precision: 'region' }), eventIds: ['c'] },
      ],
      { title: 'Map' },
    );
    const image = renderSvg(mapSvg(layout));
    for (const point of layout.points) expect(colourAt(image, point.x, point.y)).toBe(OKABE_ITO.blue);
    const taken: Box[] = [
      ...layout.labels.map((l) => l.box),
      ...layout.countries.flatMap((c) => (c.label ? [c.label.box] : [])),
      ...layout.points.map((p) => ({
        x: p.x - pointRadius(p),
        y: p.y - pointRadius(p),
        width: 2 * pointRadius(p),
        height: 2 * pointRadius(p),
      })),
    ];
    const clear = (lon: number, lat: number) => {
      const [x, y] = layout.projection([lon, lat]) as [number, number];
      const spot = { x: x - 3, y: y - 3, width: 6, height: 6 };
      return !inside(spot, layout.area) || taken.some((b) => overlaps(b, spot)) ? undefined : ([x, y] as const);
    };
    const samples = {
      water: [50.6, 39.8],
      armenia: [44.2, 40.7],
      azerbaijan: [48.6, 40.9],
    } as const;
    const at = Object.fromEntries(Object.entries(samples).map(([k, [lon, lat]]) => [k, clear(lon, lat)]));
    if (!at.water || !at.armenia || !at.azerbaijan) throw new Error('sample spots are covered; pick others');
    expect(colourAt(image, at.water[0], at.water[1])).toBe(MAP.water);
    expect(colourAt(image, at.armenia[0], at.armenia[1])).toBe(MAP.focusLand);
    expect(colourAt(image, at.azerbaijan[0], at.azerbaijan[1])).toBe(MAP.focusLand);
  });
});
