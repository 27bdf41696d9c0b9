import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/content/normalize.js';
import { parsePeriod } from '../../src/core/parse/period.js';
import { overlaps, span } from '../../src/engine/questions/calendar.js';
import { optionsAreDistinct } from '../../src/engine/questions/finalize.js';
import { generateQuestions } from '../../src/engine/questions/generate.js';
import { QUESTION_KINDS, type Question } from '../../src/engine/questions/types.js';
import { fixturePack } from '../commands/harness.js';
import { richPack } from './rich-pack.js';

const pack = richPack();

let cached: Question[] | undefined;
/** Every question 40 seeds give, generated once for the whole file. */
function many(): Question[] {
  cached ??= Array.from({ length: 40 }, (_, seed) => generateQuestions(pack, { count: 60, seed })).flat();
  return cached;
}

describe('generateQuestions', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    const a = generateQuestions(pack, { count: 20, seed: 42 });
    expect(generateQuestions(pack, { count: 20, seed: 42 })).toEqual(a);
    expect(generateQuestions(pack, { count: 20, seed: 43 })).not.toEqual(a);
  });

  it('produces every kind from a pack that has the material for it', () => {
    const kinds = new Set(many().map((q) => q.kind));
    expect([...kinds].sort()).toEqual([...QUESTION_KINDS].sort());
  });

  it('gives every question one right answer among distinct options, an explanation and sources', () => {
    for (const q of many()) {
      expect(q.options.length).toBe(q.kind === 'true-false' ? 2 : 4);
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.options.length);
      expect(new Set(q.options.map(foldName)).size).toBe(q.options.length);
      expect(q.explanation.length).toBeGreaterThan(10);
      expect(q.sources.length).toBeGreaterThan(0);
      expect(['easy', 'medium', 'hard']).toContain(q.difficulty);
      expect(`${q.prompt} ${q.options.join(' ')} ${q.explanation}`).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it('asks about figures only as someone’s claim, as of a date', () => {
    for (const q of many().filter((q) => q.kind === 'figure')) {
      expect(q.prompt).toMatch(/According to .+, as of \d{1,2} \w+ \d{4}, /);
    }
    for (const q of many().filter((q) => q.kind === 'true-false')) {
      expect(q.prompt).toMatch(/True or false: as of .+ gave a figure of/);
      expect(q.prompt).toContain('not that it is so');
    }
  });

  it('keeps the qualifier on every option of a qualified figure', () => {
    const tanks = many().filter((q) => q.kind === 'figure' && q.prompt.includes('tanks destroyed'));
    expect(tanks.length).toBeGreaterThan(0);
    for (const q of tanks) for (const o of q.options) expect(o).toMatch(/^over \d/);
  });

  it('never asks a figure that the same actor gave twice, differently, on one date', () => {
    const helicopters = many().filter((q) => q.prompt.includes('helicopters destroyed'));
    expect(helicopters).toEqual([]);
  });

  it('never asks where an event with several places happened, nor about an event whose title names its place', () => {
    const places = many().filter((q) => q.kind === 'event-place');
    expect(places.length).toBeGreaterThan(0);
    expect(places.map((q) => q.eventIds[0])).not.toContain('e5');
    expect(places.map((q) => q.eventIds[0])).not.toContain('e2');
  });

  it('does not offer the region an event is in as a wrong answer, nor a place of another level', () => {
    for (const q of many().filter((q) => q.id === 'event-place:e9')) {
      expect(q.options).not.toContain('The Hills');
      expect(q.options[q.answer]).toBe('Hilltown');
    }
  });

  it('skips quotes that name their speaker', () => {
    expect(many().some((q) => q.id === 'quote-speaker:q4')).toBe(false);
    const people = many().filter((q) => q.kind === 'quote-speaker');
    expect(people.length).toBeGreaterThan(0);
  });

  it('asks who said a quote only when it is long enough to belong to one speaker', () => {
    for (const q of many().filter((q) => q.kind === 'quote-speaker')) {
      const quote = q.prompt.slice(q.prompt.indexOf('“'));
      expect(quote.split(/\s+/).length).toBeGreaterThanOrEqual(6);
    }
  });

  it('never offers two lookalike events in one which-first question', () => {
    for (const q of many().filter((q) => q.kind === 'which-first')) {
      expect(q.eventIds.includes('e4') && q.eventIds.includes('e7')).toBe(false);
    }
  });

  it('orders which-first options by dates that cannot overlap', () => {
    const firsts = many().filter((q) => q.kind === 'which-first');
    expect(firsts.length).toBeGreaterThan(0);
    for (const q of firsts) {
      const spans = q.eventIds.map((id) => {
        const e = pack.events.get(id);
        if (!e) throw new Error(id);
        return span(e.date, e.endDate);
      });
      for (let i = 0; i < spans.length; i++)
        for (let j = i + 1; j < spans.length; j++)
          expect(overlaps(spans[i] as [string, string], spans[j] as [string, string])).toBe(false);
      const earliest = spans.map((s) => s[0]).sort()[0];
      expect(spans[0]?.[0]).toBe(earliest);
      expect(q.options[q.answer]).toBe(pack.events.get(q.eventIds[0] as string)?.title);
    }
  });

  it('dates two-day events as spans and never offers an overlapping span', () => {
    for (const q of many().filter((q) => q.id === 'event-date:e11')) {
      expect(q.options[q.answer]).toBe('27–28 October 2020');
      const others = q.options.filter((_, i) => i !== q.answer);
      for (const o of others) expect(o.endsWith('October 2020') && /\b2[78]\b/.test(o)).toBe(false);
    }
  });

  it('keeps to a scope', () => {
    const period = parsePeriod('2020-10-01..2020-10-10');
    for (const q of generateQuestions(pack, { count: 30, seed: 3, scope: { period } })) {
      for (const id of q.eventIds.filter((id) => q.kind !== 'which-first' || id === q.eventIds[0])) {
        const date = pack.events.get(id)?.date ?? '';
        expect(date >= '2020-10-01' && date <= '2020-10-10').toBe(true);
      }
    }
  });

  it('returns what there is when asked for more than the pack can give', async () => {
    const questions = generateQuestions(await fixturePack(), { count: 500, seed: 1 });
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.length).toBeLessThan(500);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });
});

describe('optionsAreDistinct', () => {
  it('treats an alias of one option as equal to another option', () => {
    expect(optionsAreDistinct([{ text: 'Tovuz', keys: ['Toyuz'] }, { text: 'Toyuz' }])).toBe(false);
    expect(optionsAreDistinct([{ text: 'Füzuli' }, { text: 'FUZULI' }])).toBe(false);
    expect(optionsAreDistinct([{ text: 'Tovuz' }, { text: 'Tavush' }])).toBe(true);
  });
});
