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
 * A bystander's words asked True or False ("quotes Sevak Khachatryan as
 * saying …"): which of two villagers spoke teaches nothing of the war, and
 * a villager's words fit only a villager, so True is read off the fit. Two
 * reviews faulted the False and then the True variant.
 */
export function bystanderWords(speaker: Actor): Declined | undefined {
  if (categoryOf({ type: 'actor', item: speaker }) !== 'person:witness') return undefined;
  return decline('a bystander’s words: which villager said them is trivia, and they fit only a villager');
}
