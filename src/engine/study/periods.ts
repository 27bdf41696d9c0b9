import { addDays, weekdayOf } from '../../content/calendar.js';
import { instantAt, localDateOf } from '../../core/local-time.js';

export type Period = 'week' | 'month' | 'all';
export const PERIODS: readonly Period[] = ['week', 'month', 'all'];

/** YYYY-MM of an instant, in UTC. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The first day of the month after the one `date` (YYYY-MM-DD) is in. */
function nextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The instants a period covers, in `timeZone`'s calendar: this week (from
 * Monday 00:00 there), this calendar month, or everything. A study group in
 * Yerevan sees its week start at its own midnight, not at 04:00 on Monday.
 */
export function periodRange(period: Period, now: number, timeZone = 'UTC'): { from: number; to: number } {
  if (period === 'all') return { from: 0, to: Number.MAX_SAFE_INTEGER };
  const today = localDateOf(now, timeZone);
  const first = period === 'week' ? addDays(today, -((weekdayOf(today) + 6) % 7)) : `${today.slice(0, 7)}-01`;
  const next = period === 'week' ? addDays(first, 7) : nextMonth(first);
  return { from: instantAt(first, 0, 0, timeZone), to: instantAt(next, 0, 0, timeZone) };
}

/** The period before this one (last week, last month); none before "all". */
export function previousRange(period: Period, now: number, timeZone = 'UTC'): { from: number; to: number } | undefined {
  if (period === 'all') return undefined;
  const current = periodRange(period, now, timeZone);
  return periodRange(period, current.from - 1, timeZone);
}

/** Every YYYY-MM from `first` to `last`, inclusive. */
export function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
