import { daysInMonth, firstDay, formatDate, formatSpan, lastDay, MONTH_NAMES } from '../../content/dates.js';
import { UserError } from '../errors.js';

/** A stretch of time the user asked about, as pack dates (any precision) plus a label for replies. */
export interface Period {
  /** Pack date where the period starts: "2020", "2020-10" or "2020-10-04". */
  from: string;
  /** Pack date where it ends (same forms). */
  to: string;
  /** "October 2020", "27 September – 4 October 2020". */
  label: string;
  /** The canonical typed form, e.g. "2020-09-27..2020-10-04", for pagination actions. */
  text: string;
}

const EXAMPLE = 'use YYYY, YYYY-MM, YYYY-MM-DD or a range like 2020-09-27..2020-10-04';

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** One date in any precision, checked against the calendar with a suggestion when it is off. */
export function parseDate(raw: string): string {
  const text = raw.trim();
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text);
  if (!m) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new UserError(`"${shown}" is not a date; ${EXAMPLE}.`);
  }
  const year = m[1] as string;
  if (m[2] === undefined) return year;
  const month = Number(m[2]);
  if (month < 1 || month > 12) {
    const near = `${year}-${String(clamp(month, 1, 12)).padStart(2, '0')}`;
    throw new UserError(`${text} is not a month; try ${near}.`);
  }
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return `${year}-${mm}`;
  const day = Number(m[3]);
  const last = daysInMonth(Number(year), month);
  if (day < 1 || day > last) {
    const near = `${year}-${mm}-${String(clamp(day, 1, last)).padStart(2, '0')}`;
    throw new UserError(`${text} is not a day: ${MONTH_NAMES[month - 1]} ${year} has ${last} days; try ${near}.`);
  }
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** `2020`, `2020-10`, `2020-10-04`, or a range `A..B` (either end may have any precision). */
export function parsePeriod(raw: string): Period {
  const text = raw.trim();
  if (text === '') throw new UserError(`A period is needed; ${EXAMPLE}.`);
  const parts = text.split(/\s*\.\.\s*|\s+to\s+/);
  if (parts.length > 2) throw new UserError(`"${text.slice(0, 40)}" has more than one "..": ${EXAMPLE}.`);
  if (parts.length === 1) {
    const date = parseDate(text);
    return { from: date, to: date, label: formatDate(date), text: date };
  }
  const [a = '', b = ''] = parts;
  if (a === '' || b === '') throw new UserError(`A range needs both ends, like 2020-09-27..2020-10-04.`);
  const from = parseDate(a);
  const to = parseDate(b);
  if (firstDay(from) > lastDay(to)) {
    throw new UserError(`The range ${from}..${to} ends before it starts; try ${to}..${from}.`);
  }
  const label =
    from.length === 10 && to.length === 10 ? formatSpan(from, to) : `${formatDate(from)} – ${formatDate(to)}`;
  return { from, to, label, text: `${from}..${to}` };
}
