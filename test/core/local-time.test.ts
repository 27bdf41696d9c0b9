import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/content/calendar.js';
import { instantAt, localDateOf, localParts } from '../../src/core/local-time.js';
import { firstSend, nextSend } from '../../src/schedule/subscriptions.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wall-clock time in IANA timezones', () => {
  it('finds the instant of a local time in zones east, west and on half hours', () => {
    expect(iso(instantAt('2024-06-01', 8, 0, 'UTC'))).toBe('2024-06-01T08:00:00.000Z');
    expect(iso(instantAt('2024-06-01', 8, 0, 'Asia/Baku'))).toBe('2024-06-01T04:00:00.000Z');
    expect(iso(instantAt('2024-06-01', 8, 0, 'America/New_York'))).toBe('2024-06-01T12:00:00.000Z');
    expect(iso(instantAt('2024-06-01', 8, 0, 'Asia/Kolkata'))).toBe('2024-06-01T02:30:00.000Z');
    expect(iso(instantAt('2024-06-01', 8, 0, 'Pacific/Auckland'))).toBe('2024-05-31T20:00:00.000Z');
  });

  it('reads the local date of an instant, which may differ from the UTC date', () => {
    const t = Date.parse('2024-06-01T22:30:00Z');
    expect(localDateOf(t, 'UTC')).toBe('2024-06-01');
    expect(localDateOf(t, 'Asia/Yerevan')).toBe('2024-06-02');
    expect(localDateOf(t, 'America/Los_Angeles')).toBe('2024-06-01');
    expect(localParts(t, 'Asia/Yerevan')).toMatchObject({ hour: 2, minute: 30, weekday: 0 });
  });

  it('moves a time inside the spring-forward gap to the first valid minute', () => {
    // Paris skips 02:00–03:00 on 31 March 2024.
    expect(iso(instantAt('2024-03-31', 2, 30, 'Europe/Paris'))).toBe('2024-03-31T01:00:00.000Z');
    // New York skips 02:00–03:00 on 10 March 2024.
    expect(iso(instantAt('2024-03-10', 2, 0, 'America/New_York'))).toBe('2024-03-10T07:00:00.000Z');
    // Lord Howe moves by half an hour: 02:00 → 02:30 on 6 October 2024.
    expect(iso(instantAt('2024-10-06', 2, 15, 'Australia/Lord_Howe'))).toBe('2024-10-05T15:30:00.000Z');
  });

  it('takes the first of the two instants in the repeated fall-back hour', () => {
    // New York repeats 01:00–02:00 on 3 November 2024: 01:30 EDT comes first.
    expect(iso(instantAt('2024-11-03', 1, 30, 'America/New_York'))).toBe('2024-11-03T05:30:00.000Z');
    // Paris repeats 02:00–03:00 on 27 October 2024: 02:30 CEST comes first.
    expect(iso(instantAt('2024-10-27', 2, 30, 'Europe/Paris'))).toBe('2024-10-27T00:30:00.000Z');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('when a subscription is next due', () => {
  const daily = { time: '08:00', timeZone: 'Europe/Paris', days: 'daily' as const };
  const weekdays = { ...daily, days: 'weekdays' as const };

  it('is today when its time is still ahead, otherwise tomorrow', () => {
    expect(iso(firstSend(daily, Date.parse('2024-05-01T05:00:00Z')).at)).toBe('2024-05-01T06:00:00.000Z');
    expect(iso(firstSend(daily, Date.parse('2024-05-01T06:00:00Z')).at)).toBe('2024-05-02T06:00:00.000Z');
  });

  it('skips Saturday and Sunday on weekdays', () => {
    // 4 May 2024 is a Saturday.
    expect(nextSend(weekdays, '2024-05-04')).toMatchObject({ localDate: '2024-05-06' });
    expect(nextSend(daily, '2024-05-04')).toMatchObject({ localDate: '2024-05-04' });
  });
});
