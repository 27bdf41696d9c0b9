import type { Pack } from '../../content/pack.js';
import { defineAction, wholeNumber } from '../../core/action.js';
import { packMemo } from '../../core/pack-memo.js';
import { hashString } from '../../core/parse/seed.js';
import type { Choice } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { generateQuestions } from '../questions/generate.js';
import type { Question } from '../questions/types.js';
import { letter } from '../quiz/messages.js';

// Ten, the most one digit of the button action can index: order questions touch four events each.
const CANDIDATES = 10;

/** Candidates per seed, kept for the few seeds in use: a fan-out builds thousands of briefings for one day. */
const recent = packMemo<Question[]>(8);

function candidatesFor(pack: Pack, seed: number): Question[] {
  return recent(pack, String(seed), () => generateQuestions(pack, { count: CANDIDATES, seed }));
}

/**
 * The question of the day for a seed, avoiding the events the briefing
 * itself features (it would give the answer away). Returns the question and
 * its index among the seed's candidates, which the answer buttons carry.
 */
export function questionOfTheDay(
  pack: Pack,
  seed: number,
  avoidEventIds: readonly string[] = [],
): { question: Question; index: number } | undefined {
  const candidates = candidatesFor(pack, seed);
  const index = candidates.findIndex((q) => !q.eventIds.some((id) => avoidEventIds.includes(id)));
  // Every candidate touching a featured event (a tiny pack): ask the first anyway.
  const chosen = Math.max(index, 0);
  const question = candidates[chosen];
  return question ? { question, index: chosen } : undefined;
}

/** The seed of a date's question of the day: one question for everyone on that date. */
export function questionSeedFor(localDate: string): number {
  return hashString(`question|${localDate}`);
}

/** Answers count for a week; a day either side covers every timezone. */
const LIVE_DAYS = 9;

/**
 * Was this seed a question of the day lately? A made-up `briefing:answer:…`
 * action would otherwise show, and score, a question nobody was sent.
 */
export function isRecentQuestionSeed(seed: number, now: Date): boolean {
  for (let back = -1; back < LIVE_DAYS; back++) {
    const day = new Date(now.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    if (questionSeedFor(day) === seed) return true;
  }
  return false;
}

/** The question a button refers to: the same pack, seed and index always give the same one. */
export function questionAt(pack: Pack, seed: number, index: number): Question | undefined {
  return candidatesFor(pack, seed)[index];
}

/** `briefing:answer:<seed>:<index>:<option>`: enough to regenerate the question, so no state is needed to reveal it. */
export const briefingAnswer = defineAction<{ seed: number; index: number; option: number }>({
  name: 'briefing:answer',
  encode: (a) => [a.seed, a.index, a.option],
  parse: (parts) => {
    const [seed, index, option] = [wholeNumber(parts[0], 10), wholeNumber(parts[1], 1), wholeNumber(parts[2], 1)];
    if (parts.length !== 3 || seed === undefined || index === undefined || option === undefined) return undefined;
    return { seed, index, option };
  },
});

export function answerChoices(question: Question, seed: number, index: number): Choice[] {
  return question.options.map((option, i) => ({
    action: briefingAnswer.encode({ seed, index, option: i }),
    label: clip(`${letter(i)}. ${option}`, 80),
    style: 'primary',
    group: 'answer',
  }));
}
