import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/engine/questions/types.js';
import {
  countAnswer,
  MEASURED_AFTER,
  measuredDifficulty,
  withMeasuredDifficulty,
} from '../../src/engine/study/accuracy.js';
import { MemoryStore } from '../../src/store/memory.js';

const question: Question = {
  id: 'figure:claim-x#0',
  kind: 'figure',
  difficulty: 'hard',
  prompt: 'Which number fills the gap?',
  options: ['10', '20', '30', '40'],
  answer: 1,
  explanation: 'x',
  sources: [],
  eventIds: [],
};

describe('difficulty from players’ accuracy', () => {
  it('reads accuracy above blind guessing: most right is easy, near chance is hard', () => {
    expect(measuredDifficulty({ answers: 20, right: 19 }, 4)).toBe('easy');
    expect(measuredDifficulty({ answers: 20, right: 11 }, 4)).toBe('medium');
    expect(measuredDifficulty({ answers: 20, right: 6 }, 4)).toBe('hard');
    // Half right on True/False is what a coin gets.
    expect(measuredDifficulty({ answers: 20, right: 10 }, 2)).toBe('hard');
  });

  it('keeps the built difficulty until 20 players have answered, then uses theirs', async () => {
    const store = new MemoryStore(() => 0);
    for (let i = 0; i < MEASURED_AFTER - 1; i++) await countAnswer(store, question.id, true);
    expect((await withMeasuredDifficulty(store, [question]))[0]?.difficulty).toBe('hard');
    await countAnswer(store, question.id, true);
    expect((await withMeasuredDifficulty(store, [question]))[0]?.difficulty).toBe('easy');
  });

  it('recounts as answers double, so a question that turns out hard is shown as hard', async () => {
    const store = new MemoryStore(() => 0);
    for (let i = 0; i < MEASURED_AFTER; i++) await countAnswer(store, question.id, true);
    for (let i = 0; i < MEASURED_AFTER; i++) await countAnswer(store, question.id, false);
    // 20 of 40 right on four options is a third above chance: medium.
    expect((await withMeasuredDifficulty(store, [question]))[0]?.difficulty).toBe('medium');
  });
});
