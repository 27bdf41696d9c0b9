import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseDate, parsePeriod } from '../../src/core/parse/period.js';

describe('parsePeriod', () => {
  it('reads a year, a month and a day as one-date periods', () => {
    expect(parsePeriod('2020')).toMatchObject({ from: '2020', to: '2020', label: '2020' });
    expect(parsePeriod('2020-10')).toMatchObject({ from: '2020-10', to: '2020-10', label: 'October 2020' });
    expect(parsePeriod(' 2020-9-27 ')).toMatchObject({ from: '2020-09-27', label: '27 September 2020' });
  });

  it('reads a range whose ends may have different precisions', () => {
    expect(parsePeriod('2020-09-27..2020-10-04')).toMatchObject({
      from: '2020-09-27',
      to: '2020-10-04',
      text: '2020-09-27..2020-10-04',
    });
    expect(parsePeriod('2020-07..2020')).toMatchObject({ from: '2020-07', to: '2020' });
  });

  it('names the nearest real month when the month is off the calendar', () => {
    expect(() => parsePeriod('2020-13')).toThrow(new UserError('2020-13 is not a month; try 2020-12.'));
    expect(() => parsePeriod('2020-00')).toThrow('try 2020-01');
  });

  it('says how many days a month has when the day is off the calendar', () => {
    expect(() => parseDate('2021-02-29')).toThrow('February 2021 has 28 days; try 2021-02-28');
    expect(parseDate('2020-02-29')).toBe('2020-02-29');
  });

  it('rejects words, reversed ranges and half ranges with an example of the right form', () => {
    expect(() => parsePeriod('October')).toThrow(/is not a date; use YYYY, YYYY-MM/);
    expect(() => parsePeriod('2020-10-04..2020-09-27')).toThrow('ends before it starts; try 2020-09-27..2020-10-04');
    expect(() => parsePeriod('2020..')).toThrow('A range needs both ends');
    expect(() => parsePeriod('')).toThrow(UserError);
  });
});
