/**
 * Pack dates are strings whose form is their precision: "2020" (year),
 * "2020-10" (month), "2020-10-04" (day). They sort as strings.
 */

import { foldName } from './normalize.js';

export type Precision = 'year' | 'month' | 'day';

export function precisionOf(date: string): Precision {
  if (date.length === 4) return 'year';
  if (date.length === 7) return 'month';
  return 'day';
}

export function isRealDate(date: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  // Every month has 28 days: the calendar is asked only about the rest, as it costs a Date each time.
  return day >= 1 && (day <= 28 || day <= daysInMonth(Number(m[1]), month));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a date can mean: "2020-10" starts on 2020-10-01. */
export function firstDay(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The last day a date can mean: "2020-10" ends on 2020-10-31. */
export function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  }
  return date;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "27 September 2020", "September 2020", "2020". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const month = MONTHS[Number(m) - 1];
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "27–28 September 2020" style span, falling back to "A – B". */
export function formatSpan(start: string, end?: string): string {
  if (!end || end === start) return formatDate(start);
  // An end known only to its month or year, the one the start falls in: "from 27 September 2020 (ended in 2020)".
  if (end.length < start.length && start.startsWith(end))
    return `from ${formatDate(start)} (ended in ${formatDate(end)})`;
  if (start.length === 10 && end.length === 10 && start.slice(0, 7) === end.slice(0, 7)) {
    return `${Number(start.slice(8))}–${formatDate(end)}`;
  }
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** The fields that say when an event happened. */
export interface Dated {
  date: string;
  endDate?: string;
  dateKind?: 'span' | 'window' | 'ongoing';
}

/** Happened once, at a point the articles leave open between date and endDate. */
export function isWindow(event: Dated): boolean {
  return event.dateKind === 'window' && event.endDate !== undefined && event.endDate !== event.date;
}

/** Two bounds a day apart read as a choice of two days (calendar.ts holds the arithmetic, but imports this file). */
const ONE_DAY_MS = 86_400_000;

/**
 * "some time between 27 September and 1 October 2020": bounds, never read
 * as a duration. The year (and month) is said once when both bounds share it.
 */

export function formatWindow(start: string, end: string): string {
  // Bounded below only by the year (or month) it ends in: "some time in 2020, by 4 October".
  if (start.length < end.length && end.startsWith(start))
    return `some time in ${formatDate(start)}, by ${formatDate(end).replace(/ \d{4}$/, '')}`;
  let from = formatDate(start);
  const to = formatDate(end);
  if (start.length === 10 && end.length === 10 && start.slice(0, 4) === end.slice(0, 4)) {
    from = start.slice(0, 7) === end.slice(0, 7) ? String(Number(start.slice(8))) : from.replace(/ \d{4}$/, '');
  }
  // Two days read as a choice, not as a stretch to search: "27 or 28 September 2020".
  if (start.length === 10 && Date.parse(end) - Date.parse(start) === ONE_DAY_MS) return `${from} or ${to}`;
  return `some time between ${from} and ${to}`;
}

/** Began and was still going when last reported: an end nobody has given. */
export function isOngoing(event: Dated): boolean {
  return event.dateKind === 'ongoing' && event.endDate !== undefined && event.endDate !== event.date;
}

/**
 * "from 12 July 2020, last reported 17 July": the last report is not the end. ("Still going on 28
 * September" read oddly of calls for a ceasefire, a review found.)
 */
export function formatOngoing(start: string, lastReported: string): string {
  const sameYear = start.slice(0, 4) === lastReported.slice(0, 4) && lastReported.length === 10;
  return `from ${formatDate(start)}, last reported ${sameYear ? formatDate(lastReported).replace(/ \d{4}$/, '') : formatDate(lastReported)}`;
}

/** When an event happened, as a reader should take it: a span as "A – B", a window as its bounds, an ongoing one as begun. */
export function formatWhen(event: Dated): string {
  if (isWindow(event)) return formatWindow(event.date, event.endDate as string);
  if (isOngoing(event)) return formatOngoing(event.date, event.endDate as string);
  return formatSpan(event.date, event.endDate);
}

export const MONTH_NAMES = MONTHS;

/** Whether a text gives a year or a month away ("in 2018", "a July ceasefire"). */
export function namesDate(text: string): boolean {
  const folded = foldName(text);
  return /\b(19|20)\d\d\b/.test(folded) || MONTHS.some((m) => folded.includes(m.toLowerCase()));
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * Does a curator's note say the article leaves the date open ("undated in
 * the article", "published before 3 October", "not dated further")? Then the
 * date beside it is a bound or a guess, never to be stated as when it happened.
 */
export function noteLeavesDateOpen(note: string | undefined): boolean {
  return /\b(undated|not dated further|does not date it|published (on or )?before|does not give the (exact )?(day|date)|does not say (on )?which day)/i.test(
    note ?? '',
  );
}
