import type { Services } from '../../core/command.js';
import type { Difficulty, Question } from '../questions/types.js';
import { studyKeys } from './keys.js';

/** Below this many answers, how players did says more about who played than about the question. */
export const MEASURED_AFTER = 20;

/** How players have done on one question. */
export interface Accuracy {
  answers: number;
  right: number;
}

/**
 * Counts an answer to a question. Each answer is appended (atomic across
 * instances); the tally players read is recounted from that list when it
 * reaches 20, 40, 80, … answers, so recounting costs little per answer
 * however popular the question becomes.
 */
export async function countAnswer(store: Services['store'], questionId: string, correct: boolean): Promise<void> {
  const n = await store.append(studyKeys.answers(questionId), correct ? 1 : 0);
  if (n < MEASURED_AFTER || !Number.isInteger(Math.log2(n / MEASURED_AFTER))) return;
  const all = await store.list<number>(studyKeys.answers(questionId));
  const tally: Accuracy = { answers: all.length, right: all.filter((c) => c === 1).length };
  await store.set(studyKeys.accuracy(questionId), tally);
}

/**
 * What players' accuracy says of a question's difficulty, above what blind
 * guessing gets (a half for True/False, a quarter for four options).
 */
export function measuredDifficulty(accuracy: Accuracy, options: number): Difficulty {
  const chance = 1 / Math.max(2, options);
  const skill = (accuracy.right / accuracy.answers - chance) / (1 - chance);
  return skill >= 2 / 3 ? 'easy' : skill >= 1 / 3 ? 'medium' : 'hard';
}

/** The questions with the difficulty players have shown, where at least 20 have answered. */
export async function withMeasuredDifficulty(
  store: Services['store'],
  questions: readonly Question[],
): Promise<Question[]> {
  return Promise.all(
    questions.map(async (q) => {
      const tally = await store.get<Accuracy>(studyKeys.accuracy(q.id));
      return tally && tally.answers >= MEASURED_AFTER
        ? { ...q, difficulty: measuredDifficulty(tally, q.options.length) }
        : q;
    }),
  );
}
