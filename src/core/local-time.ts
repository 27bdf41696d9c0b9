/**
 * Wall-clock arithmetic in IANA timezones, with Intl only: what local date an
 * instant falls on, and which instant a local "date + HH:MM" means, DST
 * included.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday as string),
  };
}

export function localDateOf(instant: number, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

/** The local wall clock read as if it were UTC, to compare local times as numbers. */
function wallClock(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, p.hour, p.minute);
}

/**
 * The instant at which `date` reaches `hour:minute` in `timeZone`: the first
 * instant whose local wall clock reads that time or later on that date.
 * Inside a spring-forward gap (02:30 that never happens) that is the first
 * valid minute after the gap; in the repeated fall-back hour it is the first
 * of the two.
 */
export function instantAt(date: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  // The offsets in force around that day: at most two (before and after a transition).
  const offsets = new Set<number>();
  for (const probe of [wanted - DAY, wanted, wanted + DAY]) offsets.add(wallClock(probe, timeZone) - probe);
  const exact = [...offsets]
    .map((offset) => wanted - offset)
    .filter((instant) => wallClock(instant, timeZone) === wanted)
    .sort((a, b) => a - b);
  if (exact.length > 0) return exact[0] as number;
  // A gap: the wall clock jumps over `wanted`. Find the first minute past it.
  let lo = wanted - Math.max(...offsets);
  let hi = wanted - Math.min(...offsets);
  if (lo > hi) [lo, hi] = [hi, lo];
  while (hi - lo > MINUTE) {
    const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE)) * MINUTE;
    if (wallClock(mid, timeZone) >= wanted) hi = mid;
    else lo = mid;
  }
  return wallClock(lo, timeZone) >= wanted ? lo : hi;
}

/** "Mon 11 Mar, 08:00 CET" style text for status replies, in the channel's own zone. */
export function describeInstant(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(instant));
}
