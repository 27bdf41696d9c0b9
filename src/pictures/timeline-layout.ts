import { dayNumber, dayRange, isoDay } from '../content/calendar.js';
import { isWindow } from '../content/dates.js';
import type { Episode, Event } from '../content/schema.js';
import { type Category, categoriesIn, categoryOf } from './categories.js';
import { monthShort, shortSpan, shortWhen } from './days.js';
import { type Box, grow, verticalLine } from './geometry.js';
import { type Candidate, Occupancy, type Placed, placeLabels } from './labels.js';
import { EPISODE_TINTS } from './palette.js';
import { LINE_HEIGHT } from './svg.js';
import { fitText, lineBox, type TextItem, wrapText } from './text-box.js';
import { textWidth } from './text-metrics.js';
import {
  countDensity,
  type Density,
  type DensityLane,
  densityLanes,
  type EventDays,
  eventDaysOf,
  isDense,
  thousands,
} from './timeline-density.js';

/**
 * Where everything on the timeline strip goes, computed before any drawing
 * so tests can check it (no label overlaps another, every mark is inside the
 * axis) without reading pixels.
 */

export interface TimelineOptions {
  title: string;
  /** The period asked for. Periods up to two months are drawn whole, so "October" reads as all of October. */
  period?: { from: string; to: string };
  /** Small print at the bottom right, e.g. the pack's title. */
  credit?: string;
}

export interface EpisodeBand {
  episode: Episode;
  x0: number;
  x1: number;
  tint: string;
  label?: TextItem;
}

export interface Mark {
  event: Event;
  category: Category;
  /** Where a leader line meets the mark. */
  x: number;
  /** Pixel extent; equal to x ± radius for a single day. */
  x0: number;
  x1: number;
  y: number;
  /** Spans longer than a day are bars; month- or year-precision dates are drawn as dashed bars. */
  span: boolean;
  uncertain: boolean;
  /** Happened once, some time between its ends: drawn as bounds, not as a bar. */
  window: boolean;
}

export interface EventLabel {
  event: Event;
  date: string;
  /** The title's first line, after the date. */
  title: string;
  /** Where a title needs two lines, the second, drawn under the date. */
  more: string;
  box: Box;
  anchor: 'start' | 'end';
  /** Width of the bold date part, so the title can follow it. */
  dateWidth: number;
  leader: Box;
}

export interface LegendItem {
  category: Category;
  box: Box;
}

export interface TimelineLayout {
  width: number;
  height: number;
  title: TextItem;
  subtitle: TextItem;
  credit?: TextItem;
  axis: { y: number; x0: number; x1: number; fromDay: number; toDay: number };
  ticks: { x: number; label?: TextItem }[];
  episodes: EpisodeBand[];
  /** One per event; none when there are too many to draw one by one, and `density` counts them instead. */
  marks: Mark[];
  density?: { counts: Density; lanes: DensityLane[] };
  labels: EventLabel[];
  /** Events drawn as marks but left without a label for lack of room (none on a counted strip). */
  unlabelled: Event[];
  legend: LegendItem[];
  /** Where windows are drawn, the key to their bracket: "undated within". */
  windowKey?: TextItem;
  /** The region event labels must stay inside. */
  labelFrame: Box;
}

export const SIZE = {
  width: 800,
  height: 460,
  margin: 20,
  title: 22,
  subtitle: 14,
  episode: 13,
  label: 15,
  tick: 13,
  legend: 13,
  credit: 12,
  markRadius: 6,
  /** Vertical step between stacked marks on one day. */
  markStep: 14,
  markLevels: 4,
  labelMaxWidth: 270,
} as const;

/*
 * Top to bottom: title, subtitle, episode names, label lanes above the axis,
 * stacked marks, the axis with its tick labels, label lanes below, legend.
 * Two sets of lanes give two independent "staircases" of labels.
 */
const EPISODE_ROW = 70;
const LANES_TOP = 94;
const LANE = Math.ceil(SIZE.label * LINE_HEIGHT) + 4;
const UPPER_LANES = 5;
/** Clear space between two labels in one lane. */
const LABEL_GAP = 14;
const MARKS_TOP = LANES_TOP + UPPER_LANES * LANE;
const AXIS_Y = MARKS_TOP + 6 + SIZE.markRadius + (SIZE.markLevels - 1) * SIZE.markStep;
const TICKS_TOP = AXIS_Y + 9;
const LOWER_TOP = TICKS_TOP + Math.ceil(SIZE.tick * LINE_HEIGHT) + 6;
const LEGEND_TOP = SIZE.height - 36;
const LOWER_LANES = Math.floor((LEGEND_TOP - 8 - LOWER_TOP) / LANE);
/** Room before the window key's text for its bracket. */
export const WINDOW_KEY_GLYPH = 26;
/** Where episode shading starts and ends. */
export const BAND = { top: EPISODE_ROW - 4, bottom: LEGEND_TOP - 8 } as const;

/** The days from the first event's start to the last one's end, as [first, last + 1). */
function extentOf(events: readonly Event[], days: EventDays | undefined): [number, number] {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  if (days)
    for (let i = 0; i < events.length; i++) {
      from = Math.min(from, days.first[i] as number);
      to = Math.max(to, days.end[i] as number);
    }
  else
    for (const e of events) {
      const [a, b] = dayRange(e.date, e.endDate);
      from = Math.min(from, a);
      to = Math.max(to, b);
    }
  return [from, to];
}

/**
 * Where a period's events actually fall: the starts and ends inside it. A
 * war begun the month before, or a window closing years later, touches the
 * period without saying where in it to look; nor does an end known only to
 * its year ("ended in 2020") after a start known to the day.
 */
function focusOf(events: readonly Event[], [a, b]: [number, number]): [number, number] | undefined {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const take = (day: number) => {
    from = Math.min(from, day);
    to = Math.max(to, day);
  };
  for (const e of events) {
    const [start, end] = dayRange(e.date, e.endDate);
    if (start >= a && start < b) take(start);
    const endDate = e.endDate ?? e.date;
    if (endDate.length >= e.date.length && end > a && end <= b) take(end - 1);
  }
  return from <= to ? [from, to + 1] : undefined;
}

function domainOf([from, to]: [number, number], period: [number, number] | undefined): [number, number] {
  if (period) [from, to] = [Math.max(from, period[0]), Math.min(to, period[1])];
  const pad = Math.max(1, Math.round((to - from) * 0.03));
  from -= pad;
  to += pad;
  if (to - from < 5) {
    const grow = 5 - (to - from);
    from -= Math.floor(grow / 2);
    to += Math.ceil(grow / 2);
  }
  // A short period's days are wide enough for a mark on its first day: "30 Sep" on an October strip would mislead.
  if (period && period[1] - period[0] <= 62) [from, to] = [Math.max(from, period[0]), Math.min(to, period[1])];
  return [from, to];
}

interface TickSpec {
  day: number;
  text: string;
}

/** Tick days and their labels, at a step that suits the span: days, month days, months or years. */
function tickSpecs(fromDay: number, toDay: number): TickSpec[] {
  const span = toDay - fromDay;
  const ticks: TickSpec[] = [];
  const [fromYear, fromMonth] = isoDay(fromDay).split('-').map(Number) as [number, number];
  const multiYear = fromYear !== Number(isoDay(toDay - 1).slice(0, 4));
  if (span <= 100) {
    for (let day = fromDay; day < toDay; day++) {
      const [y, m, d] = isoDay(day).split('-').map(Number) as [number, number, number];
      const first = ticks.length === 0;
      let text: string | undefined;
      if (span <= 20) text = first || d === 1 ? `${d} ${monthShort(m)}` : String(d);
      else if ([1, 5, 10, 15, 20, 25].includes(d)) text = `${d} ${monthShort(m)}`;
      if (text && multiYear && d === 1 && m === 1) text = `1 Jan ${y}`;
      if (text) ticks.push({ day, text });
    }
    return ticks;
  }
  // Longer spans step by month or year, never by day: a decade is 3,650 days.
  const byYear = span > 800;
  for (let y = fromYear, m = byYear ? 1 : fromMonth; ; ) {
    const day = dayNumber(`${y}-${String(m).padStart(2, '0')}-01`);
    if (day >= toDay) break;
    if (day >= fromDay) {
      const first = ticks.length === 0;
      ticks.push({ day, text: byYear ? String(y) : m === 1 || first ? `${monthShort(m)} ${y}` : monthShort(m) });
    }
    if (byYear) y++;
    else if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return ticks;
}

function episodeBands(episodes: readonly Episode[], x: (day: number) => number, fromDay: number, toDay: number) {
  const bands: EpisodeBand[] = [];
  const taken = new Occupancy();
  episodes.forEach((episode, index) => {
    const [start, end] = dayRange(episode.start, episode.end ?? isoDay(toDay - 1));
    if (end <= fromDay || start >= toDay) return;
    const x0 = x(Math.max(start, fromDay));
    const x1 = x(Math.min(end, toDay));
    const band: EpisodeBand = { episode, x0, x1, tint: EPISODE_TINTS[index % EPISODE_TINTS.length] as string };
    const room = Math.max(x1 - x0 - 12, 0);
    for (const maxWidth of [room, SIZE.labelMaxWidth]) {
      // "Between…" names nothing: a shortened name keeps at least two words, or the band goes unnamed.
      const text = fitText(episode.name, maxWidth, SIZE.episode, 'bold', 2);
      if (!text) continue;
      const box = lineBox(x0 + 6, EPISODE_ROW, textWidth(text, SIZE.episode, 'bold'), SIZE.episode);
      if (box.x + box.width > SIZE.width - SIZE.margin || !taken.fits(box)) continue;
      taken.take(box);
      band.label = { text, box };
      break;
    }
    bands.push(band);
  });
  return bands;
}

function stackMarks(events: readonly Event[], x: (day: number) => number, fromDay: number, toDay: number): Mark[] {
  const r = SIZE.markRadius;
  const levelEnds: number[] = Array(SIZE.markLevels).fill(Number.NEGATIVE_INFINITY);
  const marks: Mark[] = [];
  const sorted = [...events].sort((a, b) => dayRange(a.date)[0] - dayRange(b.date)[0]);
  for (const event of sorted) {
    const [start, end] = dayRange(event.date, event.endDate);
    const [a, b] = [Math.max(start, fromDay), Math.min(end, toDay)];
    const uncertain = event.date.length < 10 || (event.endDate !== undefined && event.endDate.length < 10);
    // A window stays bounds even where the axis cuts it to a day: a dot would date it.
    const window = isWindow(event);
    const span = b - a > 1 || window;
    const x0 = span ? x(a) : x(a + 0.5) - r;
    const x1 = span ? Math.max(x(b), x0 + 2 * r) : x(a + 0.5) + r;
    let level = levelEnds.findIndex((end) => end + 2 <= x0);
    if (level < 0) level = SIZE.markLevels - 1;
    levelEnds[level] = Math.max(levelEnds[level] as number, x1);
    marks.push({
      event,
      category: categoryOf(event),
      x: (x0 + x1) / 2,
      x0,
      x1,
      y: AXIS_Y - level * SIZE.markStep,
      span,
      uncertain,
      window,
    });
  }
  return marks;
}

type LabelPlace = Omit<EventLabel, 'box' | 'leader'>;

/** What a label points at: a mark, or on the counted strip an event's place on the axis. */
interface LabelAnchor {
  event: Event;
  x: number;
  /** Where a leader from a label above comes down to. */
  top: number;
}

interface LabelText {
  date: string;
  title: string;
  more: string;
  dateWidth: number;
  width: number;
}

/**
 * Label texts in order of preference: the whole title on one line, then on
 * two, then shortened at a word, then the date alone where nothing else fits.
 */
function labelTexts(mark: LabelAnchor, withYear: boolean, axisYear: string): LabelText[] {
  // A date in another year than the axis shows (a window closing in 2022 on an October 2020 strip) says its year.
  const elsewhere = [mark.event.date, mark.event.endDate ?? mark.event.date].some((d) => d.slice(0, 4) !== axisYear);
  const date = shortWhen(mark.event, withYear || elsewhere);
  const dateWidth = textWidth(date, SIZE.label, 'bold');
  const room = SIZE.labelMaxWidth - dateWidth - 6;
  const whole = mark.event.title;
  const make = (title: string, more: string): LabelText => ({
    date,
    title,
    more,
    dateWidth,
    width: Math.max(dateWidth + (title ? 6 + textWidth(title, SIZE.label) : 0), more ? textWidth(more, SIZE.label) : 0),
  });
  const texts: LabelText[] = [];
  if (textWidth(whole, SIZE.label) <= room) texts.push(make(whole, ''));
  else {
    const [first, more] = wrapText(whole, [room, SIZE.labelMaxWidth], SIZE.label);
    if (first && more) texts.push(make(first, more));
    const cut = fitText(whole, room, SIZE.label);
    if (cut) texts.push(make(cut, ''));
  }
  texts.push(make('', ''));
  return texts;
}

/**
 * One way of trying positions: which lanes first (nearest the axis, or
 * highest first so labels step down like stairs and later leader lines pass
 * beneath them), and whether the right half hangs its labels leftwards.
 */
interface Strategy {
  lanes: 'low-first' | 'high-first';
  mirrored: boolean;
  /** Two-line titles take two lanes: whole titles on a sparse strip, fewer labels on a crowded one. */
  wrap: boolean;
}

const STRATEGIES: Strategy[] = [true, false].flatMap((wrap) => [
  { lanes: 'low-first' as const, mirrored: false, wrap },
  { lanes: 'high-first' as const, mirrored: false, wrap },
  { lanes: 'low-first' as const, mirrored: true, wrap },
  { lanes: 'high-first' as const, mirrored: true, wrap },
]);

interface Lane {
  side: 'upper' | 'lower';
  /** 0 is nearest the axis. */
  index: number;
}

/** Lanes alternate above and below the axis, nearest first or farthest first. */
function laneOrder(order: Strategy['lanes']): Lane[] {
  const lanes: Lane[] = [];
  for (let i = 0; i < Math.max(UPPER_LANES, LOWER_LANES); i++) {
    if (i < UPPER_LANES) lanes.push({ side: 'upper', index: i });
    if (i < LOWER_LANES) lanes.push({ side: 'lower', index: i });
  }
  if (order === 'high-first') {
    const far = (l: Lane) => (l.side === 'upper' ? UPPER_LANES : LOWER_LANES) - l.index;
    lanes.sort((a, b) => far(a) - far(b) || (a.side === 'upper' ? -1 : 1));
  }
  return lanes;
}

/** Each lane order, worked out once rather than for every mark under every strategy. */
const LANE_ORDER: Record<Strategy['lanes'], Lane[]> = {
  'low-first': laneOrder('low-first'),
  'high-first': laneOrder('high-first'),
};

function candidatesFor(mark: LabelAnchor, texts: LabelText[], frame: Box, strategy: Strategy): Candidate<LabelPlace>[] {
  const out: Candidate<LabelPlace>[] = [];
  const lanes = LANE_ORDER[strategy.lanes];
  for (const text of texts) {
    const hangLeft = strategy.mirrored
      ? mark.x > frame.x + frame.width / 2
      : mark.x + 4 + text.width > frame.x + frame.width;
    const anchors: ('start' | 'end')[] = hangLeft ? ['end', 'start'] : ['start', 'end'];
    const rows = text.more ? 2 : 1;
    for (const lane of lanes) {
      const upper = lane.side === 'upper';
      if (lane.index + rows > (upper ? UPPER_LANES : LOWER_LANES)) continue;
      const top = upper ? MARKS_TOP - (lane.index + rows) * LANE : LOWER_TOP + lane.index * LANE;
      const bottom = top + (rows - 1) * LANE + Math.ceil(SIZE.label * LINE_HEIGHT);
      const box = lineBox(anchor0(mark, text, 'start'), top, text.width, SIZE.label);
      box.height = bottom - top;
      for (const anchor of anchors) {
        out.push({
          box: { ...box, x: anchor0(mark, text, anchor) },
          // Checked only outside the marks strip; inside it the leader meets its own mark.
          lines: [
            upper ? verticalLine(mark.x, top, MARKS_TOP) : verticalLine(mark.x, AXIS_Y + SIZE.markRadius + 1, bottom),
          ],
          place: {
            event: mark.event,
            date: text.date,
            title: text.title,
            more: text.more,
            anchor,
            dateWidth: text.dateWidth,
          },
        });
      }
    }
  }
  return out;
}

/** A label's left edge: just right of its leader, or ending just left of it. */
function anchor0(mark: LabelAnchor, text: LabelText, anchor: 'start' | 'end'): number {
  return anchor === 'start' ? mark.x + 4 : mark.x - 4 - text.width;
}

/** Left to right; when mirrored, the right half is taken from the right edge inwards. */
function orderFor(marks: readonly LabelAnchor[], frame: Box, strategy: Strategy): number[] {
  const byX = marks.map((m, i) => ({ i, x: m.x })).sort((a, b) => a.x - b.x || a.i - b.i);
  if (!strategy.mirrored) return byX.map((m) => m.i);
  const middle = frame.x + frame.width / 2;
  const left = byX.filter((m) => m.x <= middle);
  const right = byX.filter((m) => m.x > middle).reverse();
  const order: number[] = [];
  for (let k = 0; k < Math.max(left.length, right.length); k++) {
    const l = left[k];
    const r = right[k];
    if (l) order.push(l.i);
    if (r) order.push(r.i);
  }
  return order;
}

/** The chart holds a few dozen labels at most; trying thousands would only cost time. */
const MAX_LABEL_TRIES = 80;

/** Up to `limit` mark indexes spread evenly from left to right. */
function spreadPick(marks: readonly LabelAnchor[], limit: number): Set<number> {
  const byX = marks.map((m, i) => ({ i, x: m.x })).sort((a, b) => a.x - b.x || a.i - b.i);
  if (byX.length <= limit) return new Set(byX.map((m) => m.i));
  const step = byX.length / limit;
  return new Set(Array.from({ length: limit }, (_, k) => (byX[Math.floor(k * step)] as { i: number }).i));
}

/** Tries every strategy and keeps the one that labels most events, then the one with the shortest leaders. */
function placeEventLabels(
  marks: readonly LabelAnchor[],
  withYear: boolean,
  axisYear: string,
  frame: Box,
  obstacles: readonly Box[],
) {
  const tried = spreadPick(marks, MAX_LABEL_TRIES);
  const texts = marks.map((m, i) => (tried.has(i) ? labelTexts(m, withYear, axisYear) : []));
  let best: Map<number, Placed<LabelPlace>> | undefined;
  let bestLeader = Number.POSITIVE_INFINITY;
  let bestScore = 0;
  for (const strategy of STRATEGIES) {
    const candidates = marks.map((m, i) =>
      candidatesFor(
        m,
        (texts[i] as LabelText[]).filter((t) => strategy.wrap || !t.more),
        frame,
        strategy,
      ),
    );
    const placed = placeLabels(
      candidates,
      frame,
      new Occupancy(obstacles, LABEL_GAP),
      orderFor(marks, frame, strategy),
    );
    const leader = [...placed.values()].reduce((sum, p) => sum + (p.lines[0]?.height ?? 0), 0);
    const titled = [...placed.values()].filter((p) => p.place.title).length;
    // Whole titles, not shortened ones.
    const complete = [...placed.values()].filter(
      (p) => `${p.place.title} ${p.place.more}`.trim() === p.place.event.title,
    ).length;
    // A title tells a reader something; a bare date ("3 Oct" four times) hardly does.
    const score = titled * 1000 + placed.size * 10 + complete;
    if (!best || score > bestScore || (score === bestScore && leader < bestLeader)) {
      bestScore = score;
      best = placed;
      bestLeader = leader;
    }
  }
  return best as Map<number, Placed<LabelPlace>>;
}

/**
 * On a counted strip fewer events are offered a label than on the one-by-one
 * strip: the labels there are only a sample, and each costs resvg about
 * 1.5 ms (glyphs and halo). Over 40 years of 20,000 events, 16 tries place
 * 12 labels against 23 from 80, and take about 16 ms off a picture whose
 * budget is 100 ms; the tick labels get more room too.
 */
const COUNTED_LABEL_TRIES = 16;

/**
 * Events spread evenly in time, by rank of first day, that may get a label on
 * a counted strip; their leaders stop at the top of the bars.
 */
function countedAnchors(
  events: readonly Event[],
  days: EventDays,
  x: (day: number) => number,
  clipFrom: number,
  clipTo: number,
): LabelAnchor[] {
  const shown: number[] = [];
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const start = days.first[i] as number;
    if (Math.min(days.end[i] as number, clipTo) <= Math.max(start, clipFrom)) continue;
    if (sorted && shown.length > 0 && start < (days.first[shown[shown.length - 1] as number] as number)) sorted = false;
    shown.push(i);
  }
  // The pack hands events over oldest first; other callers may not.
  if (!sorted) shown.sort((i, j) => (days.first[i] as number) - (days.first[j] as number));
  const step = Math.max(1, shown.length / COUNTED_LABEL_TRIES);
  const anchors: LabelAnchor[] = [];
  for (let k = 0; k * step < shown.length; k++) {
    const i = shown[Math.floor(k * step)] as number;
    const a = Math.max(days.first[i] as number, clipFrom);
    const b = Math.min(days.end[i] as number, clipTo);
    anchors.push({ event: events[i] as Event, x: b - a > 1 ? (x(a) + x(b)) / 2 : x(a + 0.5), top: MARKS_TOP });
  }
  return anchors;
}

/** Says the strip counts rather than marks, and what one bar holds. */
function countedSubtitle(events: number, density: Density): string {
  const longer = density.multiBin ? ', longer ones in every bar they cover' : '';
  return `${thousands(events)} events; each bar counts the events of ${density.unit.span}${longer} (tallest bar: ${thousands(density.max)})`;
}

export function layoutTimeline(
  events: readonly Event[],
  episodes: readonly Episode[],
  options: TimelineOptions,
): TimelineLayout {
  const { width, height, margin } = SIZE;
  const dense = isDense(events);
  // Only the counted strip needs every event's days as numbers; the marks find theirs as they go.
  const days = dense ? eventDaysOf(events) : undefined;
  const asked = options.period ? dayRange(options.period.from, options.period.to) : undefined;
  const focus = asked && !dense ? focusOf(events, asked) : undefined;
  const [fromDay, toDay] = domainOf(focus ?? extentOf(events, days), asked);
  const x0 = margin + 4;
  const x1 = width - margin - 4;
  const x = (day: number) => x0 + ((day - fromDay) / (toDay - fromDay)) * (x1 - x0);
  const withYear = isoDay(fromDay).slice(0, 4) !== isoDay(toDay - 1).slice(0, 4);

  const [clipFrom, clipTo] = [fromDay, toDay];
  const marks = dense ? [] : stackMarks(events, x, clipFrom, clipTo);
  const density = days && countDensity(days, { fromDay, toDay, width: x1 - x0 }, [clipFrom, clipTo]);
  const anchors = days
    ? countedAnchors(events, days, x, clipFrom, clipTo)
    : marks.map((m) => ({ event: m.event, x: m.x, top: m.y - SIZE.markRadius }));
  const labelFrame: Box = { x: margin, y: LANES_TOP, width: width - 2 * margin, height: LEGEND_TOP - 8 - LANES_TOP };
  // Lanes keep labels off the marks. Tick labels come after, and give way to leader lines.
  const placed = placeEventLabels(anchors, withYear, isoDay(fromDay).slice(0, 4), labelFrame, []);
  const labels: EventLabel[] = [];
  const unlabelled: Event[] = [];
  anchors.forEach((anchor, i) => {
    const p = placed.get(i);
    if (!p) {
      if (!dense) unlabelled.push(anchor.event);
      return;
    }
    const below = p.box.y > AXIS_Y;
    const leader = below
      ? verticalLine(anchor.x, AXIS_Y + SIZE.markRadius, p.box.y + p.box.height)
      : verticalLine(anchor.x, p.box.y, anchor.top);
    labels.push({ ...p.place, box: p.box, leader });
  });

  const ticks: TimelineLayout['ticks'] = [];
  const tickRoom = new Occupancy(labels.map((l) => grow(l.leader, 2)));
  for (const spec of tickSpecs(fromDay, toDay)) {
    const tx = x(spec.day + (toDay - fromDay <= 20 ? 0.5 : 0));
    const w = textWidth(spec.text, SIZE.tick);
    const box = lineBox(tx - w / 2, TICKS_TOP, w, SIZE.tick);
    const fits =
      box.x >= margin &&
      box.x + box.width <= width - margin &&
      tickRoom.fits({ ...box, x: box.x - 6, width: box.width + 12 });
    if (fits) tickRoom.take(box);
    ticks.push({ x: tx, label: fits ? { text: spec.text, box } : undefined });
  }

  const legend: LegendItem[] = [];
  let lx = margin;
  // A counted strip's lanes are the categories it counted: the same set, found in the same pass.
  for (const category of density?.categories ?? categoriesIn(events)) {
    const w = 18 + textWidth(category.label, SIZE.legend);
    legend.push({ category, box: lineBox(lx, LEGEND_TOP, w, SIZE.legend) });
    lx += w + 18;
  }
  // The bracket is new to a reader: where a window is drawn, the legend says what it means.
  let windowKey: TextItem | undefined;
  if (marks.some((m) => m.window)) {
    const text = 'undated within';
    const w = WINDOW_KEY_GLYPH + textWidth(text, SIZE.legend);
    if (lx + w <= width - margin) {
      windowKey = { text, box: lineBox(lx + WINDOW_KEY_GLYPH, LEGEND_TOP, w - WINDOW_KEY_GLYPH, SIZE.legend) };
      lx += w + 18;
    }
  }
  let credit: TextItem | undefined;
  if (options.credit) {
    // "Armenia…" names nothing: a shortened credit keeps two words or is left out.
    const text = fitText(options.credit, width - margin - lx - 12, SIZE.credit, 'regular', 2);
    const w = textWidth(text, SIZE.credit);
    if (text) credit = { text, box: lineBox(width - margin - w, LEGEND_TOP + 1, w, SIZE.credit) };
  }

  const count = `${events.length} event${events.length === 1 ? '' : 's'}`;
  const shown = unlabelled.length ? ` · ${unlabelled.length} unlabelled for lack of room` : '';
  // The axis keeps to where the events are; the period's own bounds are said where they differ.
  const range = (a: number, b: number) => shortSpan(isoDay(a), isoDay(b - 1), withYear);
  const bounds =
    asked && (fromDay > asked[0] || toDay < asked[1])
      ? ` · axis ${range(fromDay, toDay)} (the period runs ${range(asked[0], asked[1])})`
      : '';
  const titleText = fitText(options.title, width - 2 * margin, SIZE.title, 'bold');
  const subtitleText = density
    ? fitText(countedSubtitle(events.length, density), width - 2 * margin, SIZE.subtitle)
    : fitText(`${count}${shown}${bounds}`, width - 2 * margin, SIZE.subtitle);
  return {
    width,
    height,
    title: { text: titleText, box: lineBox(margin, 14, textWidth(titleText, SIZE.title, 'bold'), SIZE.title) },
    subtitle: { text: subtitleText, box: lineBox(margin, 44, textWidth(subtitleText, SIZE.subtitle), SIZE.subtitle) },
    credit,
    axis: { y: AXIS_Y, x0, x1, fromDay, toDay },
    ticks,
    episodes: episodeBands(episodes, x, fromDay, toDay),
    marks,
    density: density && { counts: density, lanes: densityLanes(density, x, MARKS_TOP, AXIS_Y - 0.75) },
    labels,
    unlabelled,
    legend,
    windowKey,
    labelFrame,
  };
}
