import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../src/content/pack.js';
import { circleBox, inside, overlappingPairs, overlaps } from '../../src/pictures/geometry.js';
import { mapAlt, mapLayoutFor, placesMap } from '../../src/pictures/map.js';
import { packHome } from '../../src/pictures/map-home.js';
import { layoutMap, type MapLayout, type MappedPlace, pointRadius } from '../../src/pictures/map-layout.js';
import { fixturePack } from '../support/fixture-pack.js';
import { place } from './synthetic.js';

let pack: Pack;
beforeAll(async () => {
  pack = await fixturePack();
});

function mapped(...places: ReturnType<typeof place>[]): MappedPlace[] {
  return places.map((p, i) => ({ place: p, eventIds: [`e${i}`] }));
}

/** Labels clear of each other, of every point and of the country and sea names. */
function expectClean(layout: MapLayout): void {
  const labels = layout.labels.map((l) => l.box);
  const names = [...layout.countries.flatMap((c) => (c.label ? [c.label.box] : [])), ...layout.seas.map((s) => s.box)];
  expect(overlappingPairs([...labels, ...names])).toEqual([]);
  for (const label of layout.labels) {
    expect(inside(label.box, layout.area)).toBe(true);
    for (const point of layout.points) {
      expect(overlaps(label.box, circleBox(point.x, point.y, pointRadius(point))), `${label.text} on a point`).toBe(
        false,
      );
    }
  }
  expect(layout.labels.length + layout.unlabelled.length).toBe(layout.points.length);
}

describe('map layout', () => {
  it('fits the places of the fixture pack, names Armenia and Azerbaijan and the neighbours in view', () => {
    const layout = mapLayoutFor(pack, [...pack.chronological], { title: 'Map' });
    expectClean(layout);
    const named = layout.countries.filter((c) => c.label).map((c) => c.country.name);
    expect(named).toEqual(expect.arrayContaining(['Armenia', 'Azerbaijan', 'Georgia']));
    for (const point of layout.points) expect(inside(circleBox(point.x, point.y, 1), layout.area)).toBe(true);
    expect(layout.labels.map((l) => l.text).sort()).toEqual(['Nagorno-Karabakh', 'Tavush', 'Tovuz']);
  });

  it('gives both countries the same neutral fill: neither side is coloured as the enemy', () => {
    const layout = mapLayoutFor(pack, [...pack.chronological], { title: 'Map' });
    const focus = layout.countries
      .filter((c) => c.focus)
      .map((c) => c.country.name)
      .sort();
    expect(focus).toEqual(['Armenia', 'Azerbaijan']);
  });

  it('keeps labels apart when thirty places crowd one district', () => {
    const crowd = Array.from({ length: 30 }, (_, i) =>
      place(`p${i}`, `Village ${i} ${'ə'.repeat(i % 3)}`, 39.6 + (i % 6) * 0.05, 46.6 + Math.floor(i / 6) * 0.06),
    );
    const layout = layoutMap(mapped(...crowd), { title: 'crowded' });
    expectClean(layout);
    expect(layout.labels.length).toBeGreaterThan(5);
    expect(layout.subtitle.text).toContain(`${layout.unlabelled.length} unlabelled`);
  });

  it('draws places that share coordinates as one point, named by the broadest', () => {
    const layout = layoutMap(
      mapped(
        place('v1', 'Mehdili', 39.4, 47.03, { kind: 'village', precision: 'approximate' }),
        place('v2', 'Chakhirli', 39.4, 47.03, { kind: 'village', precision: 'approximate' }),
        place('d', 'Jabrayil District', 39.4, 47.03, { kind: 'district', precision: 'region' }),
      ),
      { title: 'one spot' },
    );
    expect(layout.points).toHaveLength(1);
    expect(layout.points[0]).toMatchObject({ approximate: true, events: 3 });
    expect(layout.labels[0]?.text).toBe('Jabrayil District +2 (3)');
  });

  it('lists places far from the pack’s own under the title instead of stretching the map, and leaves countries and seas unpointed', () => {
    const layout = layoutMap(
      mapped(
        place('ganja', 'Ganja', 40.68, 46.36),
        place('riga', 'Riga', 56.95, 24.1, { kind: 'city' }),
        place('arm', 'Armenia', 40.07, 45.04, { kind: 'country', precision: 'region' }),
        place('sea', 'Caspian Sea', 41.7, 50.6, { kind: 'sea', precision: 'region' }),
      ),
      { title: 'far', home: packHome(pack) },
    );
    expect(layout.points.map((p) => p.places[0]?.place.name)).toEqual(['Ganja']);
    expect(layout.outside.map((m) => m.place.name)).toEqual(['Riga']);
    expect(layout.wide.map((m) => m.place.name)).toEqual(['Armenia', 'Caspian Sea']);
    expect(layout.subtitle.text).toContain('outside the map: Riga');
    const [west] = layout.projection.invert?.([layout.area.x, layout.area.y]) ?? [0];
    expect(west).toBeGreaterThan(40);
  });

  it('shows where the pack’s places are (the South Caucasus) when no event place of the period is near them', () => {
    const layout = layoutMap(mapped(place('riga', 'Riga', 56.95, 24.1)), { title: 'none near', home: packHome(pack) });
    const named = layout.countries.filter((c) => c.label).map((c) => c.country.name);
    expect(named).toEqual(expect.arrayContaining(['Armenia', 'Azerbaijan']));
  });
});

describe('placesMap', () => {
  it('gives a PNG whose alt text lists the countries and every place with its event count', () => {
    const image = placesMap(pack, [...pack.chronological], { title: 'Map: 2020' });
    expect(image?.filename).toBe('map.png');
    const alt = image?.alt ?? '';
    expect(alt).toMatch(/^Map "Map: 2020", naming /);
    expect(alt).toContain('Armenia');
    expect(alt).toContain('Azerbaijan');
    expect(alt).toContain('Tavush (Armenia, approximate position), 1 event');
    expect(alt).toContain('Tovuz (Azerbaijan, approximate position), 1 event');
    expect(alt).toContain('Nagorno-Karabakh (approximate position), 1 event');
  });

  it('gives no picture when the events name no place', () => {
    const event = { ...(pack.chronological[0] as (typeof pack.chronological)[number]), places: [] };
    expect(placesMap(pack, [event])).toBeUndefined();
  });

  it('keeps alt text under Discord’s limit on a crowded map', () => {
    const crowd = Array.from({ length: 80 }, (_, i) =>
      place(`p${i}`, `Place with a long name ${i}`, 39 + (i % 9) * 0.3, 44 + Math.floor(i / 9) * 0.6),
    );
    const alt = mapAlt(pack, layoutMap(mapped(...crowd), { title: 'crowded' }));
    expect(alt.length).toBeLessThanOrEqual(1000);
    expect(alt).toMatch(/and \d+ more\./);
  });
});
