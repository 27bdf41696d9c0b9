import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { frameOf, inBox, unwrap } from '../../src/pictures/frame.js';
import { mapLayoutFor } from '../../src/pictures/map.js';
import { packHome } from '../../src/pictures/map-home.js';
import { layoutMap, type MappedPlace } from '../../src/pictures/map-layout.js';
import { place } from './synthetic.js';

const at = (lon: number, lat: number, weight = 1) => ({ lon, lat, weight });

describe('a pack’s frame on Earth', () => {
  it('leaves a few far mentions out of the core, to be listed, and keeps the places that matter', () => {
    // The Caucasus pack's shape: many places in the South Caucasus, a report from Riga, one from Idlib.
    const caucasus = Array.from({ length: 40 }, (_, i) => at(44 + (i % 8) * 0.7, 38.5 + Math.floor(i / 8) * 0.5));
    const frame = frameOf([...caucasus, at(24.1, 56.95), at(36.63, 35.93, 2)]);
    expect(frame && inBox(frame.region, 24.1, 56.95)).toBe(false);
    expect(frame && inBox(frame.region, 36.63, 35.93)).toBe(false);
    for (const p of caucasus) expect(frame && inBox(frame.region, p.lon, p.lat)).toBe(true);
  });

  it('keeps every place when each carries weight: a launch in Florida, a splashdown in the Pacific', () => {
    const frame = frameOf([at(-80.6, 28.6, 2), at(-95.1, 29.6), at(-169.15, 13.3, 3), at(-77, 38.9)]);
    expect(frame?.core).toMatchObject({ west: -169.15, east: -77 });
  });

  it('frames places on both sides of the antimeridian as one stretch, not round the world', () => {
    expect(unwrap([179, -179, 178])).toEqual([179, 181, 178]);
    expect(unwrap([45, 46, 50])).toEqual([45, 46, 50]);
    const frame = frameOf([at(178.4, -18.1), at(-178.1, -14.3)]);
    expect((frame?.core.east ?? 0) - (frame?.core.west ?? 0)).toBeCloseTo(3.5, 1);
    expect(frame && inBox(frame.region, -178.1, -14.3)).toBe(true);
  });

  it('has no frame when no place carries an event', () => {
    expect(frameOf([at(10, 10, 0)])).toBeUndefined();
  });
});

describe('the map of a pack anywhere on Earth', () => {
  let apollo: Pack;
  beforeAll(async () => {
    apollo = await loadPack('test/fixtures/apollo');
  });

  it('frames Apollo 11 from the Pacific to Florida and tints and names the country its places are in', () => {
    expect([...(packHome(apollo)?.focus ?? [])]).toEqual(['United States of America']);
    const layout = mapLayoutFor(apollo, [...apollo.chronological], { title: 'Apollo' });
    expect(layout.outside).toEqual([]);
    const marked = layout.points.flatMap((p) => p.places.map((m) => m.place.id));
    expect(marked).toEqual(expect.arrayContaining(['pacific-recovery-area', 'kennedy-space-center', 'white-house']));
    expect(layout.countries.filter((c) => c.focus).map((c) => c.country.name)).toEqual(['United States of America']);
    expect(layout.countries.find((c) => c.country.name === 'United States of America')?.label).toBeDefined();
    expect(layout.seas.map((s) => s.text)).toContain('Pacific Ocean');
  });

  it('lists Tranquility Base in words and never draws it on Earth', () => {
    const layout = mapLayoutFor(apollo, [...apollo.chronological], { title: 'Apollo' });
    expect(layout.wide.map((m) => m.place.name)).toEqual(['Tranquility Base']);
    expect(layout.points.flatMap((p) => p.places.map((m) => m.place.name))).not.toContain('Tranquility Base');
  });

  it('widens a view of open sea until there is land to place it by', () => {
    const splashdown: MappedPlace[] = [{ place: place('p', 'Splashdown', 13.3, -169.15), eventIds: ['e'] }];
    const layout = layoutMap(splashdown, { title: 'sea', home: packHome(apollo) });
    expect(layout.countries.length).toBeGreaterThan(0);
    expect(layout.points).toHaveLength(1);
  });

  it('draws a pack across the antimeridian in one piece', () => {
    const fiji: MappedPlace[] = [
      { place: place('suva', 'Suva', -18.14, 178.44, { kind: 'city' }), eventIds: ['a'] },
      { place: place('taveuni', 'Taveuni', -16.85, -179.95), eventIds: ['b'] },
    ];
    const layout = layoutMap(fiji, { title: 'Fiji' });
    expect(layout.outside).toEqual([]);
    const [a, b] = layout.points;
    expect(Math.abs((a?.x ?? 0) - (b?.x ?? 0))).toBeLessThan(400);
    expect(layout.countries.map((c) => c.country.name)).toContain('Fiji');
  });
});
