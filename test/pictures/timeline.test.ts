import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../src/content/pack.js';
import { inside, overlappingPairs, overlaps } from '../../src/pictures/geometry.js';
import { timelineLayoutFor, timelineStrip } from '../../src/pictures/timeline.js';
import type { TimelineLayout } from '../../src/pictures/timeline-layout.js';
import { fixturePack } from '../support/fixture-pack.js';
import { crowdedMonth, event, sameDay } from './synthetic.js';

let pack: Pack;
beforeAll(async () => {
  pack = await fixturePack();
});

const october = { from: '2020-10', to: '2020-10' };

/** Every rule the picture promises: labels clear of each other, of tick labels and of other labels' leaders. */
function expectClean(layout: TimelineLayout): void {
  const labels = layout.labels.map((l) => l.box);
  const ticks = layout.ticks.flatMap((t) => (t.label ? [t.label.box] : []));
  expect(overlappingPairs(labels)).toEqual([]);
  expect(overlappingPairs(ticks)).toEqual([]);
  for (const label of layout.labels) {
    expect(inside(label.box, layout.labelFrame)).toBe(true);
    for (const tick of ticks) {
      expect(overlaps(label.box, tick)).toBe(false);
      expect(overlaps(label.leader, tick), `${label.event.id} leader crosses a tick label`).toBe(false);
    }
    for (const other of layout.labels) {
      if (other !== label)
        expect(overlaps(label.leader, other.box), `${label.event.id} leader crosses ${other.event.id}`).toBe(false);
    }
  }
  const episodeLabels = layout.episodes.flatMap((e) => (e.label ? [e.label.box] : []));
  expect(overlappingPairs(episodeLabels)).toEqual([]);
  expect(layout.labels.length + layout.unlabelled.length).toBe(layout.marks.length);
  for (const mark of layout.marks) {
    expect(mark.x0).toBeGreaterThanOrEqual(layout.axis.x0);
    expect(mark.x1).toBeLessThanOrEqual(layout.axis.x1);
  }
}

describe('timeline strip layout', () => {
  it('labels every event of a quiet month, each next to its own mark', () => {
    const events = [event(1, '2020-10-02'), event(2, '2020-10-10'), event(3, '2020-10-27')];
    const layout = timelineLayoutFor(pack, events, { title: 'Timeline: October 2020', period: october });
    expectClean(layout);
    expect(layout.unlabelled).toEqual([]);
    for (const label of layout.labels) {
      const mark = layout.marks.find((m) => m.event === label.event) as (typeof layout.marks)[number];
      const leaderX = label.leader.x + label.leader.width / 2;
      expect(leaderX).toBeCloseTo(mark.x);
    }
  });

  it('keeps labels apart when twenty events share one day', () => {
    const layout = timelineLayoutFor(pack, sameDay(20), { title: 'crowded', period: october });
    expectClean(layout);
    expect(layout.labels.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps labels apart in a month with sixty events, and says how many went unlabelled', () => {
    const layout = timelineLayoutFor(pack, crowdedMonth(60), { title: 'crowded', period: october });
    expectClean(layout);
    expect(layout.unlabelled.length).toBeGreaterThan(0);
    expect(layout.subtitle.text).toContain(`${layout.unlabelled.length} unlabelled`);
  });

  it('draws the stretch of an asked-for month where its events are, never past the month, and says where the month runs', () => {
    const events = [event(1, '2020-10-02'), event(2, '2020-10-04'), event(3, '2020-10-09')];
    const layout = timelineLayoutFor(pack, events, { title: 't', period: october });
    const oct = (d: number) => Date.UTC(2020, 9, d) / 86_400_000;
    expect(layout.axis.fromDay).toBeGreaterThanOrEqual(oct(1) - 1);
    expect(layout.axis.fromDay).toBeLessThanOrEqual(oct(2));
    expect(layout.axis.toDay).toBeGreaterThanOrEqual(oct(10));
    expect(layout.axis.toDay).toBeLessThan(oct(20));
    expect(layout.subtitle.text).toMatch(/ · axis \d+–\d+ Oct \(the period runs 1–31 Oct\)$/);
  });

  it('shades the episodes an asked-for month meets', () => {
    const layout = timelineLayoutFor(pack, crowdedMonth(5), { title: 't', period: october });
    expect(layout.episodes.map((b) => b.episode.id)).toEqual(['war-2020']);
    expect(layout.episodes[0]?.label?.text).toBe('2020 Nagorno-Karabakh war');
  });

  it('cuts spans that run past the drawn stretch at the axis ends', () => {
    const events = [event(1, '2020-09-27', { endDate: '2020-11-10' }), event(2, '2020-10-04'), event(3, '2020-10-20')];
    const layout = timelineLayoutFor(pack, events, { title: 't', period: october });
    const { fromDay, toDay, x0, x1 } = layout.axis;
    expect(fromDay).toBeGreaterThanOrEqual(Date.UTC(2020, 9, 1) / 86_400_000 - 1);
    expect(toDay).toBeLessThanOrEqual(Date.UTC(2020, 10, 1) / 86_400_000 + 1);
    const war = layout.marks.find((m) => m.event.id === 'e-1');
    expect(war?.x0).toBeCloseTo(x0);
    expect(war?.x1).toBeCloseTo(x1);
  });

  it('draws month-precision dates and spans as bars, single days as symbols', () => {
    const events = [event(1, '2020-07'), event(2, '2020-10-04', { endDate: '2020-10-07' }), event(3, '2020-10-20')];
    const layout = timelineLayoutFor(pack, events, { title: 't' });
    const byId = new Map(layout.marks.map((m) => [m.event.id, m]));
    expect(byId.get('e-1')).toMatchObject({ span: true, uncertain: true });
    expect(byId.get('e-2')).toMatchObject({ span: true, uncertain: false });
    expect(byId.get('e-3')).toMatchObject({ span: false });
  });

  it('never overlaps labels for any mix of dates and spans', () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const spec = fc.record({ date: day, span: fc.integer({ min: 0, max: 20 }), month: fc.boolean() });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 45 }), (specs) => {
        const events = specs.map((s, i) => {
          if (s.month) return event(i, s.date.slice(0, 7));
          const end = new Date(Date.parse(s.date) + s.span * 86_400_000).toISOString().slice(0, 10);
          return event(i, s.date, s.span ? { endDate: end } : {});
        });
        expectClean(timelineLayoutFor(pack, events, { title: 'random' }));
      }),
      { numRuns: 60 },
    );
  });
});

describe('timelineStrip', () => {
  it('gives no picture below three events', () => {
    expect(timelineStrip(pack, [event(1, '2020-10-01'), event(2, '2020-10-02')], { title: 't' })).toBeUndefined();
  });

  it('gives a PNG with alt text naming the chart, its period, episodes and every event', () => {
    const events = [event(1, '2020-10-02'), event(2, '2020-10-10', { type: 'ceasefire' }), event(3, '2020-10-27')];
    const image = timelineStrip(pack, events, { title: 'Timeline: October 2020', period: october });
    expect(image?.filename).toBe('timeline.png');
    expect(
      Buffer.from(image?.png ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const alt = image?.alt ?? '';
    expect(alt).toContain('Timeline chart "Timeline: October 2020": 3 events');
    expect(alt).toContain('2020 Nagorno-Karabakh war');
    expect(alt).toContain('2 Oct 2020: Event number 1');
    expect(alt).toContain(
      '10 Oct 2020: Event number 2 with a title long enough to crowd the chart (ceasefires & talks)',
    );
    expect(alt).toContain('27 Oct 2020: Event number 3');
  });

  it('keeps alt text under Discord’s limit and says how many events it left out', () => {
    const image = timelineStrip(pack, crowdedMonth(60), { title: 't', period: october });
    expect(image?.alt.length).toBeLessThanOrEqual(1000);
    expect(image?.alt).toMatch(/and \d+ more\.$/);
  });
});

/** A shortened text is the start of its original, cut where a word ends, and marked "…". */
function expectCutAtWord(drawn: string, original: string, what: string): void {
  if (drawn === original) return;
  expect(drawn.endsWith('…'), `${what}: "${drawn}" is shortened without "…"`).toBe(true);
  const kept = drawn.slice(0, -1);
  expect(original.startsWith(kept), `${what}: "${drawn}" is not the start of "${original}"`).toBe(true);
  expect(original.charAt(kept.length), `${what}: "${drawn}" ends mid-word in "${original}"`).toMatch(/[\s,;:–—-]/);
}

describe('the pack’s own timelines, as a reader sees them', () => {
  let caucasus: Pack;
  beforeAll(async () => {
    const { loadPack } = await import('../../src/content/load.js');
    caucasus = await loadPack('content/caucasus');
  });

  const periods = [
    { from: '2020-10', to: '2020-10' },
    { from: '2022-09', to: '2022-09' },
    { from: '2020', to: '2020' },
    { from: '1988', to: '2022' },
  ];

  it('never ends a drawn label, episode name or credit mid-word', () => {
    for (const period of periods) {
      const events = caucasus.eventsBetween(period.from, period.to);
      const layout = timelineLayoutFor(caucasus, events, { title: 'Timeline', period });
      for (const label of layout.labels) {
        const drawn = [label.title, label.more].filter(Boolean).join(' ');
        if (drawn) expectCutAtWord(drawn, label.event.title, label.event.id);
      }
      for (const band of layout.episodes)
        if (band.label) expectCutAtWord(band.label.text, band.episode.name, band.episode.id);
      if (layout.credit) expectCutAtWord(layout.credit.text, caucasus.meta.title, 'credit');
      expectClean(layout);
    }
  });

  it('draws a window as its bounds and labels it "by" its last day, never as a duration', () => {
    const events = caucasus.eventsBetween('2020-10', '2020-10');
    const layout = timelineLayoutFor(caucasus, events, { title: 'Timeline', period: periods[0] });
    const windows = layout.marks.filter((m) => m.event.dateKind === 'window');
    expect(windows.length).toBeGreaterThan(0);
    for (const mark of windows) expect(mark.window).toBe(true);
    for (const mark of layout.marks.filter((m) => m.event.dateKind === 'span')) expect(mark.window).toBe(false);
    for (const label of layout.labels.filter((l) => l.event.dateKind === 'window'))
      expect(label.date).toMatch(/^by \d{1,2} [A-Z][a-z]{2}( \d{4})?$/);
    // A window closing in 2022 on an October 2020 strip says its year.
    const far = event(9, '2020-09-27', { endDate: '2022-09-13', dateKind: 'window', title: 'Short' });
    const strip = timelineLayoutFor(pack, [far, event(1, '2020-10-02'), event(2, '2020-10-04')], {
      title: 't',
      period: october,
    });
    expect(strip.labels.find((l) => l.event.id === 'e-9')?.date).toBe('by 13 Sep 2022');
    expect(strip.labels.find((l) => l.event.id === 'e-1')?.date).toBe('2 Oct');
  });
});

describe('shortening text to fit', () => {
  it('cuts at a whole word, drops a dangling "the" or "of", and marks the cut', async () => {
    const { fitText, wrapText } = await import('../../src/pictures/text-box.js');
    const title = 'Between the 2020 war and the 2022 border fighting';
    const cut = fitText(title, 150, 13, 'bold');
    expectCutAtWord(cut, title, 'episode');
    expect(cut).not.toMatch(/\b(the|of|and)…$/);
    expect(fitText('Unbreakablewordthatistoolong', 40, 13)).toBe('');
    const lines = wrapText('Turkey declares full support for Azerbaijan in the Tovuz clashes', [200, 200], 15);
    expect(lines).toHaveLength(2);
    expectCutAtWord(lines.join(' '), 'Turkey declares full support for Azerbaijan in the Tovuz clashes', 'wrapped');
  });
});
