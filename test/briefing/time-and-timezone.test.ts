import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseTimeOfDay } from '../../src/core/parse/time.js';
import { nearestTimeZone, parseTimeZone } from '../../src/core/parse/timezone.js';

describe('parseTimeOfDay', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:00', '08:00'],
    ['8', '08:00'],
    ['0830', '08:30'],
    ['18.45', '18:45'],
    ['8am', '08:00'],
    ['6:30 pm', '18:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
  ])('reads %s as %s', (raw, text) => {
    expect(parseTimeOfDay(raw).text).toBe(text);
  });

  it.each(['25:00', '08:60', 'noon', '13pm', ''])('rejects %j with an example of a valid time', (raw) => {
    expect(() => parseTimeOfDay(raw)).toThrow(UserError);
    expect(() => parseTimeOfDay(raw)).toThrow(/e\.g\. 08:00/);
  });
});

describe('parseTimeZone', () => {
  it('accepts IANA names in any case and returns their canonical spelling', () => {
    expect(parseTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(parseTimeZone('asia/baku')).toBe('Asia/Baku');
    expect(parseTimeZone('utc')).toBe('UTC');
    expect(parseTimeZone('US/Eastern')).toBe('America/New_York');
  });

  it('suggests the nearest name for a typo: Europe/Pari → Europe/Paris', () => {
    expect(() => parseTimeZone('Europe/Pari')).toThrow('"Europe/Pari" is not a timezone. Did you mean Europe/Paris?');
    expect(nearestTimeZone('Amerca/New_York')).toBe('America/New_York');
  });

  it('suggests the full name for a bare city', () => {
    expect(() => parseTimeZone('Yerevan')).toThrow('Did you mean Asia/Yerevan?');
    expect(() => parseTimeZone('baku')).toThrow('Did you mean Asia/Baku?');
  });

  it('explains why an offset is not enough, with examples', () => {
    expect(() => parseTimeZone('UTC+4')).toThrow(/offset, not a timezone.*Asia\/Baku/);
  });

  it('gives examples when nothing is close', () => {
    expect(() => parseTimeZone('Mars/Olympus_Mons')).toThrow(/not a timezone; use an IANA name such as Europe\/Paris/);
  });
});
