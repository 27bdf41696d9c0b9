import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { generateQuestions, questionById } from '../../src/engine/questions/generate.js';
import { givesAway, leaks } from '../../src/engine/questions/leaks.js';
import type { Question } from '../../src/engine/questions/types.js';
import { julyToll } from './july-toll.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

const byId = (id: string): Question => {
  const q = questionById(pack, id, 1);
  if (!q) throw new Error(`${id} is no longer asked`);
  return q;
};

describe('one question giving another away', () => {
  it('sees a quote that prints the number, the year or the place another question asks', () => {
    const july = julyToll(pack) as Question; // "…killing ___ Azeri and four Armenian soldiers"
    expect(givesAway(pack, byId('figure:claim-armenia-tovuz-deaths-2020-07-17#0'), july)).toBe(true);
    expect(givesAway(pack, byId('place-country:tavush'), july)).toBe(true); // "at Tayush in northeastern Armenia"
    const nineties = byId('figure:claim-wsws-1990s-war-deaths-1992-1994#0'); // "…until an uneasy ceasefire in 1994"
    expect(givesAway(pack, byId('event-date:ceasefire-1994'), nineties)).toBe(true);
  });

  it('sees a reveal that answers a later question: the place whose country is asked, named in another’s', () => {
    const place = byId('place-country:tavush');
    // "…gives the same figure: the July 2020 clashes at Tavush in north-eastern Armenia …".
    const toll = byId('figure:claim-armenia-tovuz-deaths-2020-07-17#0');
    expect(givesAway(pack, place, toll)).toBe(true);
    expect(givesAway(pack, place, byId('figure:claim-wsws-1990s-war-deaths-1992-1994#0'))).toBe(false);
  });

  it('sees two True/False questions on the words of one speaker: the first reveal names the speaker of the second', () => {
    // Built by hand: the pack asks no two quotes of one speaker True/False today, and the rule still holds.
    const onQuote = (id: string): Question => ({
      id: `true-false:${id}:true`,
      kind: 'true-false',
      difficulty: 'medium',
      prompt: 'True or false: …',
      options: ['True', 'False'],
      answer: 0,
      explanation: '',
      sources: [],
      eventIds: [],
      subjects: [id],
    });
    const first = onQuote('quote-pashinyan-martial-law-2020-09-27');
    expect(leaks(pack, first, onQuote('quote-pashinyan-figaro-commanders-2020-10'))).toBe(true);
    expect(leaks(pack, first, onQuote('quote-erdogan-azeri-brothers-2020-10'))).toBe(false);
  });

  it('sees an order question’s reveal that dates the day another asks, or rules out its other days', () => {
    // Built by hand: the pack no longer asks days (the day of words reported is counting from "yesterday").
    const ganja: Question = {
      id: 'event-date:ganja-shelling-2020-10-03',
      kind: 'event-date',
      difficulty: 'hard',
      prompt: 'On what date did this happen, as the sources date it? Ganja shelled.',
      options: ['30 September 2020', '2 October 2020', '3 October 2020'],
      answer: 2,
      explanation: 'Ganja shelled: 3 October 2020.',
      sources: [],
      eventIds: ['ganja-shelling-2020-10-03'],
      subjects: ['ganja-shelling-2020-10-03'],
      facets: [{ category: 'date:day' }, { category: 'date:day' }, { category: 'date:day' }],
    };
    const reveal = (explanation: string) => ({
      ...ganja,
      id: 'x',
      subjects: ['x'],
      prompt: 'Which happened first?',
      explanation,
      evidence: [],
    });
    expect(
      givesAway(pack, ganja, reveal('In order: 3–4 October 2020: Armenia and Azerbaijan bombard each other’s cities.')),
    ).toBe(true);
    const others = ganja.options.filter((_o, i) => i !== ganja.answer);
    expect(givesAway(pack, ganja, reveal(`In order: ${others.map((d) => `${d}: something`).join('; ')}.`))).toBe(true);
    expect(givesAway(pack, ganja, reveal('In order: 1994: a ceasefire; 2010: a pact.'))).toBe(false);
  });

  it('does not count a date read as "4 October" for the number 4, nor a country named in passing', () => {
    const four = byId('figure:claim-armenia-tovuz-deaths-2020-07-17#0');
    const other = {
      ...four,
      id: 'x',
      subjects: ['x'],
      prompt: 'In an article of 4 October 2020, in Armenia, which number fills the gap?',
      explanation: 'According to Armenia, as of 4 October 2020.',
      evidence: [],
    };
    expect(givesAway(pack, four, other)).toBe(false);
  });

  it('keeps every game of ten free of questions that answer each other', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const game = generateQuestions(pack, { count: 10, seed });
      expect(game).toHaveLength(10);
      const pairs = game.flatMap((a, i) =>
        game
          .slice(i + 1)
          .filter((b) => leaks(pack, a, b))
          .map((b) => `${a.id} ↔ ${b.id}`),
      );
      expect(pairs, `seed ${seed}`).toEqual([]);
    }
  });
});
