import { describe, expect, it } from 'vitest';
import { matchDate } from '../../../src/engine/answers/match-date.js';
import { readDate } from '../../../src/engine/answers/read-date.js';

describe('reading a typed date', () => {
  it.each([
    ['27 September 2020', '2020-09-27'],
    ['27 Sep 2020', '2020-09-27'],
    ['27th of September, 2020', '2020-09-27'],
    ['Sept 27 2020', '2020-09-27'],
    ['Sept. 27th, 2020', '2020-09-27'],
    ['September 27, 2020', '2020-09-27'],
    ['2020-09-27', '2020-09-27'],
    ['2020/09/27', '2020-09-27'],
    ['27/09/2020', '2020-09-27'],
    ['27.09.2020', '2020-09-27'],
    ['27-09-2020', '2020-09-27'],
    ['5/5/2020', '2020-05-05'],
    ['September 2020', '2020-09'],
    ['Sep 2020', '2020-09'],
    ['09/2020', '2020-09'],
    ['2020-9', '2020-09'],
    ['2020', '2020'],
  ])('"%s" is %s', (typed, date) => {
    expect(readDate(typed)).toEqual({ date });
  });

  it('reads an ambiguous numeric date day-first, and says so', () => {
    expect(readDate('05/06/2020')).toEqual({ date: '2020-06-05', note: 'read "05/06/2020" day-first, as 5 June 2020' });
  });

  it('reads a numeric date month-first only when it cannot be day-first, and says so', () => {
    expect(readDate('09/27/2020')).toEqual({
      date: '2020-09-27',
      note: 'read "09/27/2020" month-first, as 27 September 2020, since there is no month 27',
    });
  });

  it.each([
    ['27/09/20', 'write the year in full, like 27/09/2020'],
    ['31 September 2020', 'September 2020 has 30 days, so 31 is not one of them'],
    ['29/02/2021', 'February 2021 has 28 days, so 29 is not one of them'],
    ['2020-13', '13 is not a month'],
    ['13/13/2020', '13 is not a month'],
    ['27 September', 'give the year too, like 1 March 1999'],
    ['yesterday', 'not a date; write it like 1 March 1999 or 1999-03-01'],
  ])('refuses "%s": %s', (typed, refused) => {
    expect(readDate(typed)).toEqual({ refused });
  });
});

describe('a typed date against a day', () => {
  const day = { date: '2020-09-27' };

  it.each([
    '27 September 2020',
    '27 Sep 2020',
    'Sept 27 2020',
    'September 27, 2020',
    '2020-09-27',
    '27/09/2020',
    '27.09.2020',
  ])('"%s" is exact', (typed) => {
    expect(matchDate(day, typed)).toEqual({ grade: 'exact', matched: '27 September 2020' });
  });

  it.each([
    [
      'September 2020',
      'September 2020',
      'partial: September 2020 is the right month, but the day is wanted: it was 27 September 2020',
    ],
    ['25 September 2020', '25 September 2020', 'partial: right month, wrong day: it was 27 September 2020'],
    ['2020-09-01', '1 September 2020', 'partial: right month, wrong day: it was 27 September 2020'],
  ])('"%s" earns partial credit, and the note says why', (typed, matched, note) => {
    expect(matchDate(day, typed)).toEqual({ grade: 'partial', matched, note });
  });

  it.each([
    ['2020', { grade: 'wrong', note: 'the year alone is not enough: it was 27 September 2020' }],
    ['27 October 2020', { grade: 'wrong' }],
    ['27 September 2021', { grade: 'wrong' }],
    ['2019', { grade: 'wrong' }],
  ])('"%s" is wrong', (typed, expected) => {
    expect(matchDate(day, typed)).toEqual(expected);
  });

  it('keeps the day-first note beside the grade', () => {
    expect(matchDate({ date: '2020-06-05' }, '05/06/2020')).toEqual({
      grade: 'exact',
      matched: '5 June 2020',
      note: 'read "05/06/2020" day-first, as 5 June 2020',
    });
    // Whoever meant 6 May learns from the note why it was read otherwise.
    expect(matchDate({ date: '2020-05-06' }, '05/06/2020')).toEqual({
      grade: 'wrong',
      note: 'read "05/06/2020" day-first, as 5 June 2020',
    });
  });
});

describe('a typed date against a coarser pack date', () => {
  it.each([
    [{ date: '2020-09' }, 'September 2020', 'exact', undefined],
    [{ date: '2020-09' }, '27 September 2020', 'exact', 'the pack gives only September 2020, so any day in it counts'],
    [{ date: '2020' }, '2020', 'exact', undefined],
    [{ date: '2020' }, 'March 2020', 'exact', 'the pack gives only 2020, so any day in it counts'],
  ])('%o ← "%s" is %s', (when, typed, grade, note) => {
    const verdict = matchDate(when, typed);
    expect([verdict.grade, verdict.note]).toEqual([grade, note]);
  });

  it.each([
    [{ date: '2020-09' }, 'October 2020'],
    [{ date: '2020-09' }, '2020'],
    [{ date: '2020' }, '2021'],
  ])('%o ← "%s" is wrong', (when, typed) => {
    expect(matchDate(when, typed).grade).toBe('wrong');
  });
});

describe('a typed date against a window, a span or an ongoing stretch', () => {
  // An undated call some time between 27 September and 1 October: no day within can be called wrong.
  const window = { date: '2020-09-27', endDate: '2020-10-01', dateKind: 'window' as const };
  const span = { date: '2020-09-27', endDate: '2020-09-28', dateKind: 'span' as const };
  const ongoing = { date: '2020-07-12', endDate: '2020-07-17', dateKind: 'ongoing' as const };

  it.each([
    [
      window,
      '29 September 2020',
      'exact',
      'it happened some time between 27 September and 1 October 2020, so any day in it counts',
    ],
    [
      window,
      '1 October 2020',
      'exact',
      'it happened some time between 27 September and 1 October 2020, so any day in it counts',
    ],
    [
      window,
      'October 2020',
      'partial',
      'partial: October 2020 is the right month, but the day is wanted: it happened some time between 27 September and 1 October 2020',
    ],
    [
      window,
      '20 September 2020',
      'partial',
      'partial: right month, wrong day: it happened some time between 27 September and 1 October 2020',
    ],
    [span, '28 September 2020', 'exact', 'it lasted 27–28 September 2020, so any day in it counts'],
    [ongoing, '14 July 2020', 'exact', 'it ran from 12 July 2020, last reported 17 July, so any day in it counts'],
  ])('%o ← "%s" is %s', (when, typed, grade, note) => {
    expect(matchDate(when, typed)).toMatchObject({ grade, note });
  });

  it('gives nothing for a day outside the months the window touches', () => {
    expect(matchDate(window, '2 November 2020')).toEqual({ grade: 'wrong' });
  });
});

describe('a date answer that cannot be read', () => {
  it.each([
    ['', 'no answer was given'],
    ['--', 'the answer has no letters or digits'],
    ['Stepanakert', 'not a date; write it like 1 March 1999 or 1999-03-01'],
    ['31/09/2020', 'September 2020 has 30 days, so 31 is not one of them'],
    ['27 September 2020 '.repeat(12), 'the answer is longer than 200 characters'],
  ])('"%s" is wrong: %s', (typed, note) => {
    expect(matchDate({ date: '2020-09-27' }, typed)).toEqual({ grade: 'wrong', note });
  });

  it('asks a year question for a year, not a day', () => {
    expect(matchDate({ date: '1994' }, '5')).toEqual({ grade: 'wrong', note: 'not a year; write it like 1999' });
  });
});
