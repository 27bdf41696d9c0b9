import type { Actor, Claim, Quote } from '../../content/schema.js';
import type { Draft, Option } from './types.js';
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
