import { describe, expect, it } from 'vitest';
import { formatSpan, formatWhen, formatWindow, isWindow } from '../../src/content/dates.js';
import { shortWhen } from '../../src/pictures/days.js';

describe('how an event reads when it happened', () => {
  it('reads a span as a duration', () => {
    expect(formatWhen({ date: '2020-07-12', endDate: '2020-07-17', dateKind: 'span' })).toBe('12–17 July 2020');
    expect(formatWhen({ date: '1992', endDate: '1994', dateKind: 'span' })).toBe('1992 – 1994');
  });

  it('reads an ongoing event as begun and still going when last reported, never as ended then', () => {
    const clashes = { date: '2020-07-12', endDate: '2020-07-17', dateKind: 'ongoing' as const };
    expect(formatWhen(clashes)).toBe('from 12 July 2020, last reported 17 July');
    expect(formatWhen(clashes)).not.toMatch(/–/);
    expect(shortWhen(clashes, false)).toBe('from 12 Jul');
    expect(formatWhen({ date: '2020-12-30', endDate: '2021-01-02', dateKind: 'ongoing' })).toBe(
      'from 30 December 2020, last reported 2 January 2021',
    );
  });

  it('reads a window as its bounds, never as a duration', () => {
    const call = { date: '2020-09-27', endDate: '2020-10-01', dateKind: 'window' as const };
    expect(isWindow(call)).toBe(true);
    expect(formatWhen(call)).toBe('some time between 27 September and 1 October 2020');
    expect(formatWhen(call)).not.toMatch(/–/);
    expect(formatWindow('2020-07-12', '2020-07-17')).toBe('some time between 12 and 17 July 2020');
    expect(formatWindow('2020-09', '2020-10-04')).toBe('some time between September 2020 and 4 October 2020');
    expect(formatWindow('2020', '2020-10-04')).toBe('some time in 2020, by 4 October');
    expect(formatWindow('2020-09-27', '2020-09-28')).toBe('27 or 28 September 2020');
    expect(formatWindow('2020-09-30', '2020-10-01')).toBe('30 September or 1 October 2020');
    expect(formatWindow('2020-12-31', '2021-01-01')).toBe('31 December 2020 or 1 January 2021');
    expect(formatWindow('2020-09-27', '2022-09-15')).toBe('some time between 27 September 2020 and 15 September 2022');
  });

  it('says an end known only to its year is not a day', () => {
    expect(formatSpan('2020-09-27', '2020')).toBe('from 27 September 2020 (ended in 2020)');
    expect(formatWhen({ date: '2020-09-27', endDate: '2020', dateKind: 'span' })).toBe(
      'from 27 September 2020 (ended in 2020)',
    );
  });

  it('reads a single date at its own precision', () => {
    expect(formatWhen({ date: '2020-10-03' })).toBe('3 October 2020');
    expect(formatWhen({ date: '2020-10' })).toBe('October 2020');
  });
});
