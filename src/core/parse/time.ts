import { UserError } from '../errors.js';

const EXAMPLE = 'use HH:MM on a 24-hour clock, e.g. 08:00 or 18:30';

/** A time of day as minutes after midnight plus its canonical "HH:MM" form. */
export interface TimeOfDay {
  hour: number;
  minute: number;
  text: string;
}

export function formatTimeOfDay(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * "08:00", "8:00", "8", "0830", "8am", "6:30 pm" → a time of day. Anything
 * else is a UserError that says what a valid one looks like.
 */
export function parseTimeOfDay(raw: string): TimeOfDay {
  const text = raw.trim().toLowerCase().replace(/\s+/g, '');
  const shown = raw.trim().length > 20 ? `${raw.trim().slice(0, 20)}…` : raw.trim();
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  if (!m) throw new UserError(`"${shown}" is not a time of day; ${EXAMPLE}.`);
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.[0];
  if (meridiem) {
    if (hour < 1 || hour > 12)
      throw new UserError(`"${shown}" is not a time of day; with am/pm the hour is 1 to 12 (${EXAMPLE}).`);
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) {
    const near = formatTimeOfDay(Math.min(hour, 23), Math.min(minute, 59));
    throw new UserError(`${shown} is not a time of day; ${EXAMPLE} (nearest: ${near}).`);
  }
  return { hour, minute, text: formatTimeOfDay(hour, minute) };
}
