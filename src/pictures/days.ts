import { type Dated, isOngoing, isWindow } from '../content/dates.js';

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Sep", "Sep 2020", "2020"; the year is added to days when asked. */
export function shortDate(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y as string;
  const month = MONTHS_SHORT[Number(m) - 1];
  if (d === undefined) return `${month} ${y}`;
  return withYear ? `${Number(d)} ${month} ${y}` : `${Number(d)} ${month}`;
}

export function shortSpan(date: string, endDate: string | undefined, withYear: boolean): string {
  if (!endDate || endDate === date) return shortDate(date, withYear);
  // An end known only to the year (or month) the start falls in: "from 27 Sep", not "27 Sep – 2020".
  if (endDate.length < date.length && date.startsWith(endDate)) return `from ${shortDate(date, withYear)}`;
  if (date.length === 10 && endDate.length === 10 && date.slice(0, 7) === endDate.slice(0, 7)) {
    return `${Number(date.slice(8))}–${shortDate(endDate, withYear)}`;
  }
  return `${shortDate(date, withYear)} – ${shortDate(endDate, withYear)}`;
}

/** An event's date in short: "3 Oct", "12–17 Jul"; a window by its last possible day, "by 1 Oct", never as a duration; an ongoing one "from 12 Jul". */
export function shortWhen(event: Dated, withYear: boolean): string {
  if (isWindow(event)) return `by ${shortDate(event.endDate as string, withYear)}`;
  // Its end is unknown: the last report is not when it stopped.
  if (isOngoing(event)) return `from ${shortDate(event.date, withYear)}`;
  return shortSpan(event.date, event.endDate, withYear);
}

export function monthShort(month: number): string {
  return MONTHS_SHORT[month - 1] as string;
}
