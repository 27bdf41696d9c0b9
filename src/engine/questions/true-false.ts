import type { Actor, Claim, Quote } from '../../content/schema.js';
import { categoryOf } from './gaps.js';
import { type Declined, type Draft, decline, type Option } from './types.js';
import { inSentence } from './wording.js';

/**
 * One True/False variant about who said something: `say(name)` words the
 * statement with a speaker in it. The true variant names the real speaker,
 * the false one the other; each has its own id, both show True first, and
 * both carry one difficulty label, since a label that differed would tell
 * them apart (players' accuracy sets it once 20 have answered).
 */
export function whoSaidVariant(input: {
  item: Claim | Quote;
  truth: boolean;
  speaker: Actor;
  wrong: Actor;
  say: (name: string) => string;
  attribution: string;
  source: string;
}): Draft {
  const { item, truth, speaker, wrong } = input;
  const yes: Option = { text: 'True', facet: { category: 'truth' } };
  const no: Option = { text: 'False', facet: { category: 'truth' } };
  const swap = truth ? '' : `It was ${inSentence(speaker)}, not ${inSentence(wrong)}. `;
  return {
    kind: 'true-false',
    subject: `${item.id}:${truth ? 'true' : 'false'}`,
    prompt: input.say(inSentence(truth ? speaker : wrong)),
    correct: truth ? yes : no,
    distractors: [truth ? no : yes],
    difficulty: 'medium',
    explanation: `${swap}${input.attribution}`,
    sourceIds: [input.source],
    eventIds: item.event ? [item.event] : [],
    subjects: [item.id],
    fixedOrder: true,
  };
}

/**
 * A bystander's words asked False with another bystander in their place
 * ("quotes Sevak Khachatryan as saying …", said by a resident of
 * Geghamasar): which of two villagers spoke teaches nothing of the war, and
 * a review faulted it as trivia. Their words are asked True or not at all.
 */
export function bystanderSwap(speaker: Actor, truth: boolean): Declined | undefined {
  if (truth || categoryOf({ type: 'actor', item: speaker }) !== 'person:witness') return undefined;
  return decline('which of two bystanders said it teaches nothing of the conflict: asked True or not at all');
}
