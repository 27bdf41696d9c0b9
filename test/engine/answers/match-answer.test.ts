import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/content/load.js';
import type { Pack } from '../../../src/content/pack.js';
import { credit, type Expected, matchAnswer } from '../../../src/engine/answers/index.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

const EXPECTED: Expected[] = [
  { kind: 'name', id: 'stepanakert' },
  { kind: 'name', id: 'nikol-pashinyan' },
  { kind: 'date', when: { date: '2020-09-27' } },
  { kind: 'date', when: { date: '2020-09-27', endDate: '2020-10-01', dateKind: 'window' } },
  { kind: 'figure', figure: { value: 40_000, qualifier: 'over', unit: 'soldiers killed' } },
  { kind: 'figure', figure: { value: 900, valueMax: 1300, qualifier: 'exact', unit: 'soldiers killed' }, tolerance: 0 },
];

describe('matchAnswer', () => {
  it.each([
    [{ kind: 'name', id: 'stepanakert' }, 'Khankendi', 'exact'],
    [{ kind: 'name', id: 'tovuz' }, 'Toyuz', 'exact'],
    [{ kind: 'date', when: { date: '2020-09-27' } }, 'Sept 27 2020', 'exact'],
    [{ kind: 'date', when: { date: '2020-09-27' } }, 'September 2020', 'partial'],
    [{ kind: 'figure', figure: { value: 40_000, qualifier: 'over', unit: 'soldiers' } }, '40k', 'exact'],
    [
      { kind: 'figure', figure: { value: 40_000, qualifier: 'exact', unit: 'soldiers' }, tolerance: 0.2 },
      '47,000',
      'partial',
    ],
  ] as [Expected, string, string][])('sends %o ← "%s" to its matcher: %s', (expected, typed, grade) => {
    expect(matchAnswer(pack, expected, typed).grade).toBe(grade);
  });

  it.each([
    [{ kind: 'name', id: 'stepanakert' }, '27 September 2020', 'wrong'],
    [{ kind: 'date', when: { date: '2020-09-27' } }, 'Stepanakert', 'wrong'],
    [{ kind: 'figure', figure: { value: 40_000, qualifier: 'exact', unit: 'soldiers' } }, 'Stepanakert', 'wrong'],
    [{ kind: 'name', id: 'stepanakert' }, '40000', 'wrong'],
  ] as [Expected, string, string][])('an answer of the wrong kind is wrong: %o ← "%s"', (expected, typed, grade) => {
    expect(matchAnswer(pack, expected, typed).grade).toBe(grade);
  });

  it('gives full credit to an accepted misspelling and half to partial', () => {
    expect([credit('exact'), credit('close'), credit('partial'), credit('wrong')]).toEqual([1, 1, 0.5, 0]);
  });

  it('never throws, and always says something when it gives nothing or half', () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 260 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.stringMatching(/^[\d ,.k~<>-]{0,20}(bn|m|thousand)?$/),
      fc.stringMatching(/^\d{1,2}[/. -]\d{1,2}[/. -]\d{2,4}$/),
      fc.constantFrom(
        'Stepanakert',
        'Khankendi',
        'Pashinian',
        '27 Sep 2020',
        'over 40,000',
        '\u0000',
        '\uFFFF',
        '𝟒𝟎𝟎𝟎𝟎',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...EXPECTED), typed, (expected, text) => {
        const verdict = matchAnswer(pack, expected, text);
        expect(['exact', 'close', 'partial', 'wrong']).toContain(verdict.grade);
        if (verdict.grade !== 'wrong') expect(verdict.matched).toBeTruthy();
        if (verdict.grade === 'close' || verdict.grade === 'partial') expect(verdict.note).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
  });
});
