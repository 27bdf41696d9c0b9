import type { Pack } from '../../content/pack.js';
import type { Quote } from '../../content/schema.js';
import { attributeQuote } from '../attribution.js';
import { quoteSpeakerAnswers } from './answer-counts.js';
import { mentions } from './finalize.js';
import { answerOption, entityDistractors, hints } from './gaps.js';
import type { Random } from './random.js';
import type { Difficulty, Draft } from './types.js';
import { articleOf, onDate } from './wording.js';

/**
 * A quote can be pinned on one speaker: long enough to be theirs alone (a
 * fragment like "cease hostilities" was surely said by others too), not
 * naming them, and said by no one else in the pack.
 */
export function askableQuote(pack: Pack, quote: Quote): boolean {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker || quote.text.length > 350 || quote.text.trim().split(/\s+/).length < 6) return false;
  if (mentions(quote.text, [speaker.name, ...speaker.aliases]) || hints(quote.text, speaker)) return false;
  return !pack.data.quotes.some((q) => q.id !== quote.id && q.speaker !== quote.speaker && q.text === quote.text);
}

/**
 * When the words were said, as far as the article says: a quote the curator
 * dated apart from its article ("yesterday") was said then; one dated the
 * day of the article may only have been reported then.
 */
function whenSaid(pack: Pack, quote: Quote): string {
  const article = pack.sources.get(quote.source);
  if (article && article.date === quote.date) return `quoted in ${articleOf(pack, quote.source)}`;
  return `${onDate(quote.date)} (${articleOf(pack, quote.source)})`;
}

/**
 * Who else could be said to have said it: the principal whose message a
 * spokesperson relayed, and everyone speaking for the same body.
 */
function coSpeakers(pack: Pack, quote: Quote): Set<string> {
  const out = new Set<string>();
  const bodies = new Set<string>();
  for (const id of [quote.speaker, quote.relays]) {
    if (!id) continue;
    out.add(id);
    for (const role of pack.actors.get(id)?.roles ?? []) if (role.of) bodies.add(role.of);
  }
  for (const actor of pack.actors.values()) {
    if (actor.roles.some((r) => r.of && bodies.has(r.of)) || bodies.has(actor.id)) out.add(actor.id);
  }
  return out;
}

/** quote → speaker: the speaker of record, against others who are quoted in the pack and of the same standing. */
export function quoteSpeaker(
  pack: Pack,
  quote: Quote,
  random: Random,
  answers: ReadonlyMap<string, number> = quoteSpeakerAnswers(pack, 'all'),
): Draft | undefined {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker || !askableQuote(pack, quote)) return undefined;
  const prompt = `Who said this, ${whenSaid(pack, quote)}? “${quote.text.replace(/[,;:]$/, '')}”`;
  const answer = { type: 'actor' as const, item: speaker };
  const distractors = entityDistractors(
    pack,
    answer,
    {
      answers,
      prompt,
      exclude: coSpeakers(pack, quote),
      otherCountry: speaker.kind !== 'person',
    },
    random,
  );
  if (!distractors) return undefined;
  const sameCountry = distractors.filter(
    (d) => d.facet?.entity && pack.actors.get(d.facet.entity)?.country === speaker.country,
  ).length;
  const difficulty: Difficulty = sameCountry >= 2 ? 'hard' : sameCountry === 1 ? 'medium' : 'easy';
  const relayed = quote.relays ? ` ${speaker.name} was passing on the words of ${pack.nameOf(quote.relays)}.` : '';
  return {
    kind: 'quote-speaker',
    subject: quote.id,
    prompt,
    correct: answerOption(answer),
    distractors,
    difficulty,
    explanation: `${attributeQuote(pack, quote)}${relayed} ${speaker.name}: ${speaker.description}`,
    sourceIds: [quote.source],
    eventIds: quote.event ? [quote.event] : [],
    subjects: [quote.id],
  };
}
