import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/content/schema.js';
import { matchFigure } from '../../../src/engine/answers/match-figure.js';
import { readFigure } from '../../../src/engine/answers/read-figure.js';

const figure = (value: number, qualifier: Figure['qualifier'] = 'exact', valueMax?: number): Figure => ({
  value,
  qualifier,
  unit: 'soldiers killed',
  ...(valueMax === undefined ? {} : { valueMax }),
});

describe('reading a typed figure', () => {
  it.each([
    ['40000', 40_000],
    ['40,000', 40_000],
    ['40 000', 40_000],
    ['40\u00a0000', 40_000],
    ['40k', 40_000],
    ['40K', 40_000],
    ['40 thousand', 40_000],
    ['forty thousand', 40_000],
    ['seven', 7],
    ['a million', 1_000_000],
    ['1.8 billion', 1_800_000_000],
    ['1.8bn', 1_800_000_000],
    ['$1.8 bn', 1_800_000_000],
    ['2.5m', 2_500_000],
    ['1,234,567', 1_234_567],
    ['40,000 soldiers', 40_000],
  ])('"%s" is %d', (typed, value) => {
    expect(readFigure(typed)).toEqual({ value });
  });

  it.each([
    ['over 40,000', 'over'],
    ['more than 40000 soldiers', 'over'],
    ['at least 40k', 'at-least'],
    ['about 40,000', 'about'],
    ['~40000', 'about'],
    ['some 40 000', 'about'],
    ['nearly 40,000', 'nearly'],
    ['up to 40 thousand', 'up-to'],
    ['less than 40,000', 'less-than'],
    ['under 40k', 'less-than'],
  ])('"%s" keeps its qualifier, %s', (typed, qualifier) => {
    expect(readFigure(typed)).toEqual({ value: 40_000, qualifier });
  });

  it.each([
    ['900 to 1,300', 900, 1300],
    ['900–1300', 900, 1300],
    ['1 to 2 million', 1_000_000, 2_000_000],
  ])('"%s" is a range', (typed, value, valueMax) => {
    expect(readFigure(typed)).toEqual({ value, valueMax });
  });

  it('reads a dot as a decimal point, and says so when it looks like thousands', () => {
    expect(readFigure('40.000')).toEqual({
      value: 40,
      note: 'read "40.000" as 40: a dot marks decimals, so write 40,000 with a comma or a space',
    });
  });

  it.each([
    ['something', 'not a number; try 40,000 or 40k'],
    ['Stepanakert', 'not a number; try 40,000 or 40k'],
    ['-5', 'a count is never below zero'],
  ])('refuses "%s": %s', (typed, refused) => {
    expect(readFigure(typed)).toEqual({ refused });
  });
});

describe('a typed figure against a claim', () => {
  it.each(['40000', '40,000', '40 000', '40k', '40 thousand', 'forty thousand'])('"%s" is exactly 40,000', (typed) => {
    expect(matchFigure(figure(40_000), typed)).toEqual({ grade: 'exact', matched: '40,000' });
  });

  it.each(['1.8 billion', '1.8bn', '1,800,000,000'])('"%s" is exactly 1.8 billion', (typed) => {
    expect(matchFigure(figure(1.8e9), typed)).toEqual({ grade: 'exact', matched: '1,800,000,000' });
  });

  it.each([
    ['40,000', 'over', '40,000'],
    ['over 40,000', 'over', 'over 40,000'],
    ['at least 40k', 'over', 'at least 40,000'],
    ['about 40,000', 'nearly', 'about 40,000'],
    ['40000', 'less-than', '40,000'],
  ])('a bounded claim accepts its stated figure: "%s" for %s 40,000', (typed, qualifier, matched) => {
    expect(matchFigure(figure(40_000, qualifier as Figure['qualifier']), typed)).toEqual({ grade: 'exact', matched });
  });

  it('gives partial credit for the right figure bounded the wrong way', () => {
    expect(matchFigure(figure(40_000, 'over'), 'under 40,000')).toEqual({
      grade: 'partial',
      matched: 'less than 40,000',
      note: 'partial: the figure is right, but the claim said over 40,000',
    });
  });

  it.each([
    ['42,000', 0.1, 'partial', 'partial: within 10% of 40,000'],
    ['36000', 0.1, 'partial', 'partial: within 10% of 40,000'],
    ['44,000', 0.1, 'partial', 'partial: within 10% of 40,000'],
    ['45,000', 0.1, 'wrong', 'not within 10% of 40,000'],
    ['45,000', 0.15, 'partial', 'partial: within 15% of 40,000'],
    ['41,000', 0, 'wrong', 'not within 0% of 40,000'],
    ['4,000', 0.1, 'wrong', 'not within 10% of 40,000'],
  ])('"%s" at a tolerance of %d is %s', (typed, tolerance, grade, note) => {
    expect(matchFigure(figure(40_000), typed, tolerance)).toMatchObject({ grade, note });
  });

  it.each([
    ['900', 'exact', undefined],
    ['1,300', 'exact', undefined],
    ['900 to 1,300', 'exact', undefined],
    ['1,000', 'partial', 'partial: inside the stated range, 900 to 1,300, but not an end of it'],
    ['1,400', 'partial', 'partial: within 10% of 900 to 1,300'],
    ['900 to 1,000', 'wrong', 'a range counts only when it is the stated one, 900 to 1,300'],
    ['2,000', 'wrong', 'not within 10% of 900 to 1,300'],
  ])('a stated range, 900 to 1,300: "%s" is %s', (typed, grade, note) => {
    const verdict = matchFigure(figure(900, 'exact', 1300), typed);
    expect([verdict.grade, verdict.note]).toEqual([grade, note]);
  });

  it('keeps the reading note beside the grade', () => {
    expect(matchFigure(figure(40_000), '40.000')).toEqual({
      grade: 'wrong',
      note: 'read "40.000" as 40: a dot marks decimals, so write 40,000 with a comma or a space; not within 10% of 40,000',
    });
  });

  it.each([
    ['', 'no answer was given'],
    ['...', 'the answer has no letters or digits'],
    ['Stepanakert', 'not a number; try 40,000 or 40k'],
    ['-40000', 'a count is never below zero'],
    ['4'.repeat(201), 'the answer is longer than 200 characters'],
  ])('refuses "%s": %s', (typed, note) => {
    expect(matchFigure(figure(40_000), typed)).toEqual({ grade: 'wrong', note });
  });
});
