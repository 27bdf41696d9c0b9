import { isoDay } from '../content/calendar.js';
import { MAX_CATEGORIES } from '../content/categories.js';
import type { Event } from '../content/schema.js';
import { type Category, categoryOf } from './categories.js';
import { monthShort, shortDate } from './days.js';

/**
 * The timeline strip for many events: instead of one mark per event, one bar
 * per calendar bin (day, week, month, quarter, year) and category, as tall as
 * the number of events in it. Twenty thousand marks cost resvg half a second
 * and read as a smear; a few hundred bars cost a few milliseconds and show
 * where the events are.
 *
 * An event counts in every bin it covers: a war-long span, or a date known
 * only to the month, raises the bars of each bin it runs through, as the
 * one-by-one strip draws it as a bar across all of them. Events of a single
 * day, the common case, count exactly once, so then the bars sum to the
 * number of events.
 */

/**
 * More events than this are counted, not marked. Measured (bench/README.md,
 * Pictures): drawn one by one, 400 events take 84–100 ms (in a month, over
 * 40 years, over a year), at the 100 ms target, and 1,000 take 89–115 ms,
 * while the counted strip takes 56–64 ms for any number. By 400 the marks
 * are a smear anyway: the axis holds about 60 side by side on each of its 4
 * levels.
 */
export const MAX_MARKS = 400;

/** Bars narrower than this (layout px; 1.9 px rendered) blur together, so a longer bin is taken. */
const MIN_BAR_WIDTH = 1.5;

export interface BinUnit {
  /** "one month", "5 years": what one bar spans, for the subtitle. */
  span: string;
  /** Average length in days, for choosing the unit by width. */
  days: number;
  /** Bin edges from a bin starting at or before `fromDay` to one ending at or after `toDay`. */
  edges(fromDay: number, toDay: number): number[];
  /** "Oct 2020", "week of 5 Oct 2020", "2000–2004": the bin starting on `day`. */
  label(day: number): string;
}

export interface DensityBin {
  /** The bin's first day, as its label names it. */
  start: number;
  /** Days [from, to) of the bin, cut to the axis. */
  from: number;
  to: number;
  /** Events per lane, in the order of `Density.categories`. */
  counts: number[];
  total: number;
}

export interface Density {
  unit: BinUnit;
  /** One lane per category present, in legend order. */
  categories: Category[];
  /** Every bin on the axis, empty ones included, left to right. */
  bins: DensityBin[];
  /** Events per category, each counted once. */
  totals: number[];
  /** Events that cover more than one bin, and so count in each. */
  multiBin: number;
  /** The largest count in any one bar. */
  max: number;
}

/** "20,000": written out, since the first toLocaleString call loads ICU data, ~10 ms of a first picture. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function isDense(events: readonly Event[]): boolean {
  return events.length > MAX_MARKS;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a Gregorian date (H. Hinnant's days_from_civil), with no Date object in between. */
function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The number written by two ASCII digits at `at`. */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/** The first day a pack date can mean, as a day number. */
function firstDayOf(date: string): number {
  const year = twoDigits(date, 0) * 100 + twoDigits(date, 2);
  return civilDay(year, date.length >= 7 ? twoDigits(date, 5) : 1, date.length === 10 ? twoDigits(date, 8) : 1);
}

/** The last day a pack date can mean, as a day number. */
function lastDayOf(date: string): number {
  const y = twoDigits(date, 0) * 100 + twoDigits(date, 2);
  const m = date.length >= 7 ? twoDigits(date, 5) : 12;
  const d = date.length === 10 ? twoDigits(date, 8) : m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] as number);
  return civilDay(y, m, d);
}

/** A pack has at most this many categories; a lane is numbered by its category's legend index. */
const LANE_COUNT = MAX_CATEGORIES;

/** Event i covers days [first[i], end[i]) and is counted in lane[i], the lane of `categories[lane[i]]`. */
export interface EventDays {
  first: Int32Array;
  end: Int32Array;
  lane: Uint8Array;
  categories: (Category | undefined)[];
}

/**
 * The days and lane of each event, read in one pass: what `dayRange` in
 * days.ts gives, without its strings and Dates (25–35 ms on 20,000 events, a
 * third of the budget), and with each event object visited once, since on a
 * large pack fetching them from memory costs more than the arithmetic.
 */
export function eventDaysOf(events: readonly Event[]): EventDays {
  const first = new Int32Array(events.length);
  const end = new Int32Array(events.length);
  const lane = new Uint8Array(events.length);
  const laneOfType = new Map<string, number>();
  const categories: (Category | undefined)[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const start = firstDayOf(event.date);
    first[i] = start;
    // Most events are one day: their end needs no second reading.
    end[i] =
      event.endDate === undefined && event.date.length === 10 ? start + 1 : lastDayOf(event.endDate ?? event.date) + 1;
    let l = laneOfType.get(event.type);
    if (l === undefined) {
      const category = categoryOf(event);
      l = category.index;
      categories[l] = category;
      laneOfType.set(event.type, l);
    }
    lane[i] = l;
  }
  return { first, end, lane, categories };
}

function yearMonth(day: number): [number, number] {
  const [y, m] = isoDay(day).split('-').map(Number) as [number, number];
  return [y, m];
}

function monthStart(year: number, month: number): number {
  return civilDay(year + Math.floor((month - 1) / 12), ((((month - 1) % 12) + 12) % 12) + 1, 1);
}

const DAY: BinUnit = {
  span: 'one day',
  days: 1,
  edges: (fromDay, toDay) => Array.from({ length: toDay - fromDay + 1 }, (_, i) => fromDay + i),
  label: (day) => shortDate(isoDay(day), true),
};

/** Weeks run Monday to Sunday; day 4 since 1970 was a Monday. */
const WEEK: BinUnit = {
  span: 'one week',
  days: 7,
  edges: (fromDay, toDay) => {
    const edges = [fromDay - ((((fromDay - 4) % 7) + 7) % 7)];
    while ((edges.at(-1) as number) < toDay) edges.push((edges.at(-1) as number) + 7);
    return edges;
  },
  label: (day) => `week of ${shortDate(isoDay(day), true)}`,
};

function months(step: 1 | 3, span: string): BinUnit {
  return {
    span,
    days: (365.2425 / 12) * step,
    edges: (fromDay, toDay) => {
      const [y, m] = yearMonth(fromDay);
      let month = m - ((m - 1) % step);
      const edges = [monthStart(y, month)];
      while ((edges.at(-1) as number) < toDay) {
        month += step;
        edges.push(monthStart(y, month));
      }
      return edges;
    },
    label: (day) => {
      const [y, m] = yearMonth(day);
      return step === 1 ? `${monthShort(m)} ${y}` : `${monthShort(m)}–${monthShort(m + 2)} ${y}`;
    },
  };
}

function years(step: number): BinUnit {
  return {
    span: step === 1 ? 'one year' : `${step} years`,
    days: 365.2425 * step,
    edges: (fromDay, toDay) => {
      let year = yearMonth(fromDay)[0];
      year -= ((year % step) + step) % step;
      const edges = [civilDay(year, 1, 1)];
      while ((edges.at(-1) as number) < toDay) {
        year += step;
        edges.push(civilDay(year, 1, 1));
      }
      return edges;
    },
    label: (day) => {
      const y = yearMonth(day)[0];
      return step === 1 ? String(y) : `${y}–${y + step - 1}`;
    },
  };
}

const UNITS: BinUnit[] = [DAY, WEEK, months(1, 'one month'), months(3, 'one quarter'), years(1), years(5), years(10)];

/** The shortest unit whose bars are at least MIN_BAR_WIDTH wide on this axis. */
export function binUnitFor(days: number, axisWidth: number): BinUnit {
  for (const unit of UNITS) if ((unit.days * axisWidth) / days >= MIN_BAR_WIDTH) return unit;
  // Past ten years a bar, a pack would span millennia; keep widening by tens.
  return years(10 * Math.ceil((MIN_BAR_WIDTH * days) / axisWidth / 3652.425));
}

/** The index of the bin holding `day`: the last edge at or before it. */
function binOf(edges: readonly number[], day: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] as number) <= day) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts events per bin and category on an axis of days [fromDay, toDay)
 * drawn `axisWidth` px wide; each event is cut to [clipFrom, clipTo) first,
 * as the one-by-one strip cuts its marks.
 */
export function countDensity(
  days: EventDays,
  axis: { fromDay: number; toDay: number; width: number },
  [clipFrom, clipTo]: readonly [number, number],
): Density {
  const { fromDay, toDay } = axis;
  const unit = binUnitFor(toDay - fromDay, axis.width);
  const edges = unit.edges(fromDay, toDay);
  const row = edges.length;
  // Every category gets a row of a difference array (+1 at an event's first bin, -1 past its last), summed
  // below; rows left empty are dropped, so lanes are the categories present, in legend order, in one pass.
  const steps = new Int32Array(row * LANE_COUNT);
  const totals = new Array<number>(LANE_COUNT).fill(0);
  let multiBin = 0;
  for (let i = 0; i < days.first.length; i++) {
    const a = Math.max(days.first[i] as number, clipFrom, fromDay);
    const b = Math.min(days.end[i] as number, clipTo, toDay);
    if (b <= a) continue;
    const l = days.lane[i] as number;
    const first = l * row + binOf(edges, a);
    const last = l * row + binOf(edges, b - 1);
    steps[first] = (steps[first] as number) + 1;
    steps[last + 1] = (steps[last + 1] as number) - 1;
    totals[l] = (totals[l] as number) + 1;
    if (last > first) multiBin++;
  }
  const present = totals.flatMap((_, l) => ((totals[l] as number) > 0 ? [l] : []));
  const running = present.map(() => 0);
  const bins: DensityBin[] = [];
  let max = 0;
  for (let k = 0; k < row - 1; k++) {
    const counts = present.map((l, p) => {
      running[p] = (running[p] as number) + (steps[l * row + k] as number);
      return running[p] as number;
    });
    const total = counts.reduce((sum, c) => sum + c, 0);
    max = Math.max(max, ...counts);
    bins.push({
      start: edges[k] as number,
      from: Math.max(edges[k] as number, fromDay),
      to: Math.min(edges[k + 1] as number, toDay),
      counts,
      total,
    });
  }
  return {
    unit,
    categories: present.map((l) => days.categories[l] as Category),
    bins,
    totals: present.map((l) => totals[l] as number),
    multiBin,
    max,
  };
}

/** Where the bars go: one lane per category, stacked top to bottom in legend order. */
export interface DensityLane {
  category: Category;
  top: number;
  /** Bars stand on this line and grow up to `top`. */
  baseline: number;
  bars: { x0: number; x1: number; count: number; height: number }[];
}

const LANE_GAP = 3;
/** A bar of one event still shows, however tall the tallest. */
const MIN_BAR_HEIGHT = 1.5;

/** Lays out the bars in a strip from `top` to `bottom`; `x` maps a day to the axis. */
export function densityLanes(density: Density, x: (day: number) => number, top: number, bottom: number): DensityLane[] {
  const n = density.categories.length;
  const height = (bottom - top - LANE_GAP * (n - 1)) / n;
  return density.categories.map((category, l) => {
    const laneTop = top + l * (height + LANE_GAP);
    const bars: DensityLane['bars'] = [];
    for (const bin of density.bins) {
      const count = bin.counts[l] as number;
      if (count > 0)
        bars.push({
          x0: x(bin.from),
          x1: x(bin.to),
          count,
          height: Math.max(MIN_BAR_HEIGHT, (count / density.max) * height),
        });
    }
    return { category, top: laneTop, baseline: laneTop + height, bars };
  });
}

/** The densest bins, busiest first, for the alt text. */
function busiestBins(density: Density, limit: number): DensityBin[] {
  return density.bins
    .filter((b) => b.total > 0)
    .sort((a, b) => b.total - a.total || a.from - b.from)
    .slice(0, limit);
}

/** The alt text's account of a counted strip: what a bar holds, events per category, the busiest bars. */
export function densityAlt(density: Density): { head: string; items: string[] } {
  const { unit, categories, totals } = density;
  const longer = density.multiBin ? '; events longer than a bar count in every bar they cover' : '';
  const per = categories.map((c, l) => `${c.label.toLowerCase()} ${thousands(totals[l] as number)}`);
  return {
    head: `Too many to draw one by one, so bars count the events of ${unit.span}, one row per category${longer}. Events per category: ${per.join(', ')}. Busiest:`,
    items: busiestBins(density, 5).map((b) => `${unit.label(b.start)} (${b.total} event${b.total === 1 ? '' : 's'})`),
  };
}
