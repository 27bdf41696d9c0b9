import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { generateQuestions } from '../../src/engine/questions/generate.js';
import { chronologyQuestions } from '../../src/engine/study/chronology.js';
import { rebuildQuestion } from '../../src/engine/study/regenerate.js';

describe('study mode on the real pack', () => {
  it('makes chronology rounds without ties and rebuilds any question from its id', async () => {
    const pack = await loadPack('content/caucasus');
    const rounds = chronologyQuestions(pack, { count: 5, seed: 1 });
    expect(rounds.length).toBeGreaterThan(0);
    for (const q of rounds) {
      const dates = q.eventIds.map((id) => pack.events.get(id)?.date as string);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      // The reveal quotes, for each event in order, the sentence of an article that dates it.
      expect(q.evidence?.length).toBe(q.eventIds.length);
    }
    const questions = [...generateQuestions(pack, { count: 60, seed: 2 }), ...rounds];
    const lost = questions.filter((q) => rebuildQuestion(pack, q.id, 17)?.id !== q.id).map((q) => q.id);
    expect(lost).toEqual([]);
  });
});
