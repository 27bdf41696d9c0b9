import { UserError } from '../../core/errors.js';

export type Period = 'week' | 'month' | 'all';
export const PERIODS: readonly Period[] = ['week', 'month', 'all'];

const DAY = 86_400_000;

/** YYYY-MM of an instant, in UTC. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Monday 00:00 UTC of the week holding `ms`. */
export function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The instants a period covers: this week (from Monday, UTC), this calendar month, or everything. */
export function periodRange(period: Period, now: number): { from: number; to: number } {
  if (period === 'week') return { from: weekStart(now), to: weekStart(now) + 7 * DAY };
  if (period === 'month') {
    const from = monthStart(now);
    const d = new Date(from);
    return { from, to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
  }
  return { from: 0, to: Number.MAX_SAFE_INTEGER };
}

/** The period before this one (last week, last month); none before "all". */
export function previousRange(period: Period, now: number): { from: number; to: number } | undefined {
  if (period === 'all') return undefined;
  const current = periodRange(period, now);
  return periodRange(period, current.from - 1);
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

export function parseLeaderboardPeriod(raw: string | undefined): Period {
  const value = (raw ?? 'week').trim().toLowerCase();
  if ((PERIODS as readonly string[]).includes(value)) return value as Period;
  throw new UserError(`"${raw}" is not a period; use week, month or all (for example: /leaderboard month).`);
}
