import type { Pack } from '../../content/pack.js';
import type { Choice } from '../../core/reply.js';
import { generateQuestions } from '../questions/generate.js';
import type { Question } from '../questions/types.js';
import { letter } from '../quiz/messages.js';
import { clip } from '../text.js';

/** A stable 32-bit seed from text (FNV-1a), so a channel gets the same question all day. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The question of the day for a seed; the same pack and seed always give the same question. */
export function questionOfTheDay(pack: Pack, seed: number): Question | undefined {
  return generateQuestions(pack, { count: 1, seed })[0];
}

/** `briefing:answer:<seed>:<option>`: the seed regenerates the question, so no state is needed to reveal it. */
export function answerAction(seed: number, option: number): string {
  return `briefing:answer:${seed}:${option}`;
}

export function parseBriefingAnswer(action: string): { seed: number; option: number } | undefined {
  const m = /^briefing:answer:(\d{1,10}):(\d)$/.exec(action);
  return m ? { seed: Number(m[1]), option: Number(m[2]) } : undefined;
}

export function answerChoices(question: Question, seed: number): Choice[] {
  return question.options.map((option, i) => ({
    action: answerAction(seed, i),
    label: clip(`${letter(i)}. ${option}`, 80),
    style: 'primary',
    group: 'answer',
  }));
}
