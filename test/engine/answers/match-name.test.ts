import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/content/load.js';
import type { Pack } from '../../../src/content/pack.js';
import { matchName } from '../../../src/engine/answers/match-name.js';
import { allowedEdits } from '../../../src/engine/answers/name-key.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

describe('a typed name against the Caucasus pack', () => {
  it.each([
    // expected id, typed, grade, matched, note
    ['stepanakert', 'Stepanakert', 'exact', 'Stepanakert', undefined],
    ['stepanakert', 'stepanakert', 'exact', 'Stepanakert', undefined],
    ['stepanakert', 'Khankendi', 'exact', 'Stepanakert', 'Khankendi is another name for Stepanakert'],
    ['stepanakert', 'Xankəndi', 'exact', 'Stepanakert', 'Xankəndi is another name for Stepanakert'],
    ['tovuz', 'Toyuz', 'exact', 'Tovuz', 'Toyuz is another name for Tovuz'],
    ['tovuz', 'TOVUZ!', 'exact', 'Tovuz', undefined],
    // The note gives the pack's spelling of the alias typed.
    ['fuzuli-district', 'FÜZULİ', 'exact', 'Fuzuli District', 'Fuzuli is another name for Fuzuli District'],
    ['nagorno-karabakh', 'the Nagorno Karabakh', 'exact', 'Nagorno-Karabakh', undefined],
    ['caucasus', 'The Caucasus', 'exact', 'Caucasus', undefined],
    ['skystriker', 'sky-striker', 'exact', 'SkyStriker', undefined],
    ['s-300', 'S300', 'exact', 'S-300', undefined],
    [
      'recep-tayyip-erdogan',
      'erdogan',
      'exact',
      'Recep Tayyip Erdoğan',
      'Erdoğan is another name for Recep Tayyip Erdoğan',
    ],
  ])('%s ← "%s" is %s', (id, typed, grade, matched, note) => {
    expect(matchName(pack, id, typed)).toEqual({ grade, matched, ...(note ? { note } : {}) });
  });

  it.each([
    ['nikol-pashinyan', 'Pashinyan', 'exact', 'accepted "Pashinyan" as Nikol Pashinyan (surname)'],
    ['ilham-aliyev', 'Aliyev', 'exact', 'accepted "Aliyev" as Ilham Aliyev (surname)'],
    ['polad-hashimov', 'Gashimov', 'exact', 'accepted "Gashimov" as Polad Hashimov (surname)'],
    ['nikol-pashinyan', 'Pashinian', 'close', 'accepted "Pashinian" as Nikol Pashinyan (surname, one letter off)'],
  ])('a person is known by surname: %s ← "%s" is %s', (id, typed, grade, note) => {
    expect(matchName(pack, id, typed)).toMatchObject({ grade, note });
  });

  it.each([
    ['stepanakert', 'Stepanakertt', 'accepted "Stepanakertt" as Stepanakert (one letter off)'],
    ['stepanakert', 'Stepanakrtt', 'accepted "Stepanakrtt" as Stepanakert (two letters off)'],
    ['stepanakert', 'Khankendy', 'accepted "Khankendy" as Khankendi, another name for Stepanakert (one letter off)'],
    ['tovuz', 'Tovus', 'accepted "Tovus" as Tovuz (one letter off)'],
    ['azerbaijan', 'Azerbajan', 'accepted "Azerbajan" as Azerbaijan (one letter off)'],
    ['vladimir-putin', 'Vladimir Poutin', 'accepted "Vladimir Poutin" as Vladimir Putin (one letter off)'],
  ])('a misspelling within the allowance is close, with full credit: %s ← "%s"', (id, typed, note) => {
    expect(matchName(pack, id, typed)).toMatchObject({ grade: 'close', note });
  });

  it.each([
    // Near, but past the allowance: no credit, and the reveal says what was meant.
    ['stepanakert', 'Stapanakrtx', 'close: did you mean Stepanakert?'],
    ['baku', 'Baky', 'close: did you mean Baku?'],
    ['iran', 'Irn', 'close: did you mean Iran?'],
    // A swapped pair is two edits to Levenshtein: past one-in-five for a seven-letter name.
    ['armenia', 'Armenai', 'close: did you mean Armenia?'],
  ])('a near miss past the allowance is wrong, told close: %s ← "%s"', (id, typed, note) => {
    expect(matchName(pack, id, typed)).toEqual({ grade: 'wrong', note });
  });

  it.each([
    ['azerbaijan', 'Armenia', 'that names Armenia, not Azerbaijan'],
    ['stepanakert', 'Yerevan', 'that names Yerevan, not Stepanakert'],
    ['iran', 'Iraq', 'that names Iraq, not Iran'],
    ['armenia', 'Azerbaijan', 'that names Azerbaijan, not Armenia'],
    ['azerbaijan', 'Azerbaijanis', 'that names Azerbaijanis, not Azerbaijan'],
    ['tavush', 'Tovuz', 'that names Tovuz, not Tavush'],
    ['south-caucasus', 'North Caucasus', 'that names North Caucasus, not South Caucasus'],
    [
      'south-caucasus',
      'Nort Caucasus',
      'not accepted: "Nort Caucasus" is nearer to North Caucasus than to South Caucasus',
    ],
    [
      'south-caucasus',
      'Sorth Caucasus',
      'not accepted: "Sorth Caucasus" is as near to North Caucasus as to South Caucasus',
    ],
    ['tavush', 'Tavuz', 'not accepted: "Tavuz" is nearer to Tovuz than to Tavush'],
  ])('a name as near to another entity is refused: %s ← "%s"', (id, typed, note) => {
    expect(matchName(pack, id, typed)).toEqual({ grade: 'wrong', note });
  });

  it.each([
    ['stepanakert', 'Stepan'],
    ['stepanakert', 'Moscow'],
    ['nagorno-karabakh', 'Karabakh'],
  ])('anything else is plainly wrong: %s ← "%s"', (id, typed) => {
    expect(matchName(pack, id, typed)).toEqual({ grade: 'wrong' });
  });

  it('takes a state and its own country as one answer', () => {
    expect(matchName(pack, 'armenia-country', 'Armenia')).toEqual({ grade: 'exact', matched: 'Armenia' });
    expect(matchName(pack, 'armenia', 'Republic of Armenia')).toMatchObject({ grade: 'exact', matched: 'Armenia' });
  });

  it.each([
    ['stepanakert', '', 'no answer was given'],
    ['stepanakert', '   ', 'no answer was given'],
    ['stepanakert', '?!…', 'the answer has no letters or digits'],
    ['stepanakert', 'Stepanakert '.repeat(20), 'the answer is longer than 200 characters'],
    ['s-300', '300', 'a number is not a name'],
    ['tovuz', '2020', 'a number is not a name'],
    ['tovuz-nowhere', 'Tovuz', 'the expected answer "tovuz-nowhere" is no longer in the pack'],
  ])('refuses with a reason: %s ← "%s"', (id, typed, note) => {
    expect(matchName(pack, id, typed)).toEqual({ grade: 'wrong', note });
  });

  it('accepts every name and alias in the pack as exactly itself', () => {
    const notExact = pack
      .names()
      .map(({ label, entity }) => ({ label, id: entity.item.id, verdict: matchName(pack, entity.item.id, label) }))
      .filter((c) => c.verdict.grade !== 'exact');
    expect(notExact).toEqual([]);
  });
});

describe('the edit allowance', () => {
  it.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
    [14, 2],
    [15, 3],
  ])('a name of %i letters forgives %i edits', (letters, edits) => {
    expect(allowedEdits(letters)).toBe(edits);
  });
});
