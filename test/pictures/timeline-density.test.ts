import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, dayRange } from '../../src/content/calendar.js';
import type { Pack } from '../../src/content/pack.js';
import type { Event } from '../../src/content/schema.js';
import { overlappingPairs, overlaps } from '../../src/pictures/geometry.js';
import { renderSvg, ZOOM } from '../../src/pictures/render.js';
import { timelineAlt, timelineLayoutFor, timelineStrip } from '../../src/pictures/timeline.js';
import {
  binUnitFor,
  countDensity,
  type Density,
  eventDaysOf,
  MAX_MARKS,
  thousands,
} from '../../src/pictures/timeline-density.js';
import type { TimelineLayout } from '../../src/pictures/timeline-layout.js';
import { timelineSvg } from '../../src/pictures/timeline-svg.js';
import { fixturePack } from '../support/fixture-pack.js';
import { event } from './synthetic.js';

let pack: Pack;
beforeAll(async () => {
  pack = await fixturePack();
});

const DAY_MS = 86_400_000;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `count` one-day events spread over `years` from 1988, types cycling through the four categories. */
function manyEvents(count: number, years: number): Event[] {
  const types: Event['type'][] = ['clash', 'ceasefire', 'statement', 'arms-deal'];
  const from = dayNumber('1988-01-01');
  return Array.from({ length: count }, (_, i) =>
    event(i, iso(from + ((i * 7919) % (years * 365))), { type: types[i % types.length] as Event['type'] }),
  );
}

const sumOf = (density: Density) => density.bins.reduce((sum, b) => sum + b.total, 0);
const countOf = (layout: TimelineLayout) =>
  (layout.density?.lanes ?? []).reduce((sum, lane) => sum + lane.bars.reduce((s, b) => s + b.count, 0), 0);

/** Shapes outside the glyph definitions and text runs: what resvg has to fill besides letters. */
function shapes(svg: string): number {
  const body = svg.replace(/<defs>.*?<\/defs>/, '').replace(/<g [^>]*>(<use [^>]*\/>)*<\/g>/g, '');
  return (body.match(/<(path|rect|circle|line)\b/g) ?? []).length;
}

function colourAt(svg: string, x: number, y: number): string {
  const image = renderSvg(svg);
  const i = (Math.round(y * ZOOM) * image.width + Math.round(x * ZOOM)) * 4;
  const hex = [0, 1, 2].map((k) => (image.pixels[i + k] ?? 0).toString(16).padStart(2, '0'));
  return `#${hex.join('')}`.toUpperCase();
}

describe('counting events per bar', () => {
  it('reads each event’s days as dayRange does, for days, months, years and spans', () => {
    const date = fc
      .integer({ min: dayNumber('1900-01-01'), max: dayNumber('2099-12-31') })
      .chain((day) => fc.constantFrom(iso(day), iso(day).slice(0, 7), iso(day).slice(0, 4)));
    fc.assert(
      fc.property(date, fc.option(date, { nil: undefined }), (start, end) => {
        const e = event(1, start, end === undefined || end < start ? {} : { endDate: end });
        const days = eventDaysOf([e]);
        expect([days.first[0], days.end[0]]).toEqual(dayRange(e.date, e.endDate));
      }),
      // February of leap and common years, centuries included, as a whole month and as a span's end.
      {
        numRuns: 500,
        examples: [
          ['2020-02', undefined],
          ['1900-02', undefined],
          ['2000-02', undefined],
          ['2021-02', undefined],
          ['2019-12-31', '2020-02'],
          ['1999', '2000'],
        ],
      },
    );
  });

  it('takes the shortest calendar unit whose bars are at least 1.5 px wide', () => {
    expect(binUnitFor(31, 752).span).toBe('one day');
    expect(binUnitFor(387, 752).span).toBe('one day');
    expect(binUnitFor(4 * 365, 752).span).toBe('one week');
    expect(binUnitFor(20 * 365, 752).span).toBe('one month');
    expect(binUnitFor(44 * 365, 752).span).toBe('one quarter');
    expect(binUnitFor(200 * 365, 752).span).toBe('one year');
    expect(binUnitFor(3000 * 365, 752).span).toBe('10 years');
    expect(binUnitFor(20_000 * 365, 752).span).toBe('40 years');
  });

  it('counts one-day events once each, so the bars add up to the events, lane by lane in legend order', () => {
    const events = manyEvents(5000, 30);
    const days = eventDaysOf(events);
    const axis = { fromDay: dayNumber('1987-06-01'), toDay: dayNumber('2018-06-01'), width: 752 };
    const density = countDensity(days, axis, [axis.fromDay, axis.toDay]);
    expect(density.unit.span).toBe('one month');
    expect(density.categories.map((c) => c.id)).toEqual(['fighting', 'talks', 'politics', 'other']);
    expect(density.totals).toEqual([1250, 1250, 1250, 1250]);
    expect(sumOf(density)).toBe(5000);
    expect(density.multiBin).toBe(0);
    for (const [l] of density.categories.entries())
      expect(density.bins.reduce((sum, b) => sum + (b.counts[l] as number), 0)).toBe(1250);
    expect(density.max).toBe(Math.max(...density.bins.flatMap((b) => b.counts)));
  });

  it('counts a span, or a date known only to its month, in every bar it covers', () => {
    const events = [
      event(1, '2020-10-04'),
      event(2, '2020-09-27', { endDate: '2020-11-10' }),
      event(3, '2020-10'),
      event(4, '2020-10-04', { endDate: '2020-10-06' }),
    ];
    const month = { fromDay: dayNumber('2020-09-01'), toDay: dayNumber('2020-12-01'), width: 10 };
    const byMonth = countDensity(eventDaysOf(events), month, [month.fromDay, month.toDay]);
    expect(byMonth.unit.span).toBe('one month');
    expect(byMonth.bins.map((b) => b.total)).toEqual([1, 4, 1]);
    expect(byMonth.multiBin).toBe(1);

    const days = { fromDay: dayNumber('2020-10-01'), toDay: dayNumber('2020-11-01'), width: 752 };
    const byDay = countDensity(eventDaysOf(events), days, [days.fromDay, days.toDay]);
    expect(byDay.unit.span).toBe('one day');
    const on = (date: string) => byDay.bins.find((b) => b.from === dayNumber(date))?.total;
    // The war and the month-precision date run through every day; 4 October also has two events of its own.
    expect(on('2020-10-01')).toBe(2);
    expect(on('2020-10-04')).toBe(4);
    expect(on('2020-10-06')).toBe(3);
    expect(on('2020-10-31')).toBe(2);
    expect(byDay.multiBin).toBe(3);
  });

  it('cuts events to the period asked for, as the marks are cut', () => {
    const events = [event(1, '2020-09-20'), event(2, '2020-09-27', { endDate: '2020-10-02' }), event(3, '2020-10-05')];
    const axis = { fromDay: dayNumber('2020-09-30'), toDay: dayNumber('2020-11-02'), width: 752 };
    const density = countDensity(eventDaysOf(events), axis, [dayNumber('2020-10-01'), dayNumber('2020-11-01')]);
    expect(sumOf(density)).toBe(3);
    expect(density.totals).toEqual([1, 1]);
  });

  it('writes thousands with commas', () => {
    expect([thousands(7), thousands(1000), thousands(20_000), thousands(1_234_567)]).toEqual([
      '7',
      '1,000',
      '20,000',
      '1,234,567',
    ]);
  });
});

describe('the counted timeline strip', () => {
  let events: Event[];
  let layout: TimelineLayout;
  let svg: string;
  beforeAll(() => {
    events = manyEvents(20_000, 40);
    layout = timelineLayoutFor(pack, events, {
      title: 'Timeline: 1988 – 2030',
      period: { from: '1988', to: '2030' },
    });
    svg = timelineSvg(layout);
  });

  it('draws 20,000 events as a bounded number of shapes, bars counting every one of them', () => {
    expect(layout.marks).toEqual([]);
    expect(layout.density?.counts.unit.span).toBe('one quarter');
    expect(countOf(layout)).toBe(20_000);
    // Background, episode band, axis, ticks, leaders, one path and symbol per lane, legend: not one per event.
    expect(shapes(svg)).toBeLessThan(150);
    expect(svg.length).toBeLessThan(150_000);
  });

  it('keeps a lane per category in legend order, each in its Okabe–Ito colour', () => {
    const lanes = layout.density?.lanes ?? [];
    expect(lanes.map((l) => l.category.id)).toEqual(['fighting', 'talks', 'politics', 'other']);
    expect(layout.legend.map((l) => l.category.id)).toEqual(['fighting', 'talks', 'politics', 'other']);
    for (const lane of lanes) {
      const tallest = lane.bars.reduce((a, b) => (b.height > a.height ? b : a));
      expect(tallest.height).toBeGreaterThan(4);
      expect(colourAt(svg, (tallest.x0 + tallest.x1) / 2, lane.baseline - 2)).toBe(lane.category.colour);
    }
    for (const [upper, lower] of lanes.slice(1).map((l, i) => [lanes[i], l] as const))
      expect(upper?.baseline).toBeLessThan(lower.top);
  });

  it('says in the subtitle and the alt text that the strip counts, and what one bar holds', () => {
    const tallest = Math.max(...(layout.density?.lanes ?? []).flatMap((l) => l.bars.map((b) => b.count)));
    expect(layout.subtitle.text).toBe(
      `20,000 events; each bar counts the events of one quarter (tallest bar: ${tallest})`,
    );
    const alt = timelineAlt(layout, events);
    expect(alt).toMatch(/^Timeline chart "Timeline: 1988 – 2030": 20,000 events on a date axis/);
    expect(alt).toContain('Too many to draw one by one, so bars count the events of one quarter');
    expect(alt).toContain('fighting 5,000, ceasefires & talks 5,000, politics & statements 5,000, arms & other 5,000');
    expect(alt).toMatch(/Busiest: \w{3}–\w{3} \d{4} \(\d+ events\)/);
    expect(alt.length).toBeLessThanOrEqual(1000);
  });

  it('says so when longer events count in several bars', () => {
    const spans = [...manyEvents(500, 2), event(9999, '1988-02-01', { endDate: '1989-06-30' })];
    const counted = timelineLayoutFor(pack, spans, { title: 't' });
    expect(counted.subtitle.text).toContain('longer ones in every bar they cover');
    expect(timelineAlt(counted, spans)).toContain('events longer than a bar count in every bar they cover');
  });

  it('still labels a spread of events, clear of each other and of the tick labels, leaders ending at the bars', () => {
    expect(layout.labels.length).toBeGreaterThanOrEqual(8);
    expect(layout.unlabelled).toEqual([]);
    const ticks = layout.ticks.flatMap((t) => (t.label ? [t.label.box] : []));
    expect(overlappingPairs(layout.labels.map((l) => l.box))).toEqual([]);
    const top = layout.density?.lanes[0]?.top ?? 0;
    for (const label of layout.labels) {
      for (const tick of ticks) expect(overlaps(label.leader, tick)).toBe(false);
      if (label.box.y < layout.axis.y) expect(label.leader.y + label.leader.height).toBeCloseTo(top);
    }
    const firstDays = layout.labels.map((l) => dayNumber(l.event.date));
    expect(Math.max(...firstDays) - Math.min(...firstDays)).toBeGreaterThan(30 * 365);
  });

  it('gives the same bars and labels for the same events in any order', () => {
    const shuffled = manyEvents(2000, 10).reverse();
    const sorted = [...shuffled].sort((a, b) => a.date.localeCompare(b.date));
    const a = timelineLayoutFor(pack, shuffled, { title: 't' });
    const b = timelineLayoutFor(pack, sorted, { title: 't' });
    expect(a.density?.lanes).toEqual(b.density?.lanes);
    expect(a.labels.map((l) => l.event.id).sort()).toEqual(b.labels.map((l) => l.event.id).sort());
  });

  it('renders a PNG', () => {
    const image = timelineStrip(pack, manyEvents(2000, 1), { title: 'Timeline' });
    expect(
      Buffer.from(image?.png ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(image?.alt).toContain('bars count the events of one day');
  });
});

describe('strips of up to MAX_MARKS events', () => {
  it('are drawn one mark per event, with the subtitle and alt text they always had', () => {
    const events = manyEvents(MAX_MARKS, 1);
    const layout = timelineLayoutFor(pack, events, { title: 't' });
    expect(layout.density).toBeUndefined();
    expect(layout.marks).toHaveLength(MAX_MARKS);
    expect(layout.subtitle.text).toBe(`${MAX_MARKS} events · ${layout.unlabelled.length} unlabelled for lack of room`);
    expect(timelineAlt(layout, events)).toMatch(/^Timeline chart "t": 400 events on a date axis .* Events: /);
    // A shape per distinct mark, where the counted strip has one per lane.
    expect(shapes(timelineSvg(layout))).toBeGreaterThan(MAX_MARKS / 2);
    expect(timelineLayoutFor(pack, manyEvents(MAX_MARKS + 1, 1), { title: 't' }).density).toBeDefined();
  });
});
