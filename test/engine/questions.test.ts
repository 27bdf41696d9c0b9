import { describe, expect, it } from 'vitest';
import { overlaps, span } from '../../src/content/calendar.js';
import { foldName } from '../../src/content/normalize.js';
import { parsePeriod } from '../../src/core/parse/period.js';
import { optionsAreDistinct } from '../../src/engine/questions/finalize.js';
import { generateQuestions } from '../../src/engine/questions/generate.js';
import type { Question } from '../../src/engine/questions/types.js';
import { fixturePack } from '../support/fixture-pack.js';
import { richPack } from '../support/rich-pack.js';

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

  it('gives every question one right answer among distinct options, an explanation and sources', () => {
    for (const q of many()) {
      // Three where a category holds only two others (a relayed principal is not one of them).
      expect(q.options.length).toBe(q.kind === 'true-false' ? 2 : q.id === 'quote-speaker:q5' ? 3 : 4);
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.options.length);
      expect(new Set(q.options.map(foldName)).size).toBe(q.options.length);
      expect(q.explanation.length).toBeGreaterThan(10);
      expect(q.sources.length).toBeGreaterThan(0);
      expect(['easy', 'medium', 'hard']).toContain(q.difficulty);
      expect(`${q.prompt} ${q.options.join(' ')} ${q.explanation}`).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it('does not offer the region an event is in as a wrong answer, nor a place of another level', () => {
    for (const q of many().filter((q) => q.id === 'event-place:e9')) {
      expect(q.options).not.toContain('The Hills');
      expect(q.options[q.answer]).toBe('Hilltown');
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
      const starts = spans.map((s) => s[0]).sort();
      expect(spans[0]?.[0]).toBe(q.prompt.endsWith('first?') ? starts[0] : starts.at(-1));
      expect(q.options[q.answer]).toBe(pack.events.get(q.eventIds[0] as string)?.title);
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
