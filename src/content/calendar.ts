import { firstDay, lastDay } from './dates.js';
import { textCache } from './text-cache.js';

/**
 * Calendar arithmetic on ISO days ("2020-10-04"), the one place it is done:
 * questions measure gaps with it, the chart's axis counts whole days, the
 * briefings step from one local date to the next. Time zones are
 * core/local-time.ts's; what a pack date means is dates.ts's.
 */

const DAY_MS = 86_400_000;

/**
 * Question planning weighs the gap between the same few thousand days
 * millions of times on a large pack: each day is parsed once. Kept to a
 * pack's worth of days, not grown without end by typed answers.
 */
const dayNumbers = textCache(100_000, (isoDay) => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
});

/** An ISO day as whole days since 1970, so a date axis is plain arithmetic. */
export function dayNumber(isoDay: string): number {
  return dayNumbers(isoDay);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus `days`. */
export function addDays(date: string, days: number): string {
  return isoDay(dayNumber(date) + days);
}

export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date (no time zone involved). */
export function weekdayOf(date: string): number {
  // 1 January 1970 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** The days a pack date (and optional end) can cover, as [first, last] ISO days. */
export function span(date: string, endDate?: string): [string, string] {
  return [firstDay(date), lastDay(endDate ?? date)];
}

export function overlaps(a: [string, string], b: [string, string]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The days a pack date of any precision covers, as day numbers [first, last + 1). */
export function dayRange(date: string, endDate?: string): [number, number] {
  return [dayNumber(firstDay(date)), dayNumber(lastDay(endDate ?? date)) + 1];
}
