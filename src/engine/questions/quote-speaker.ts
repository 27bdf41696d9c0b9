import { daysBetween } from '../../content/calendar.js';
import type { Pack } from '../../content/pack.js';
import type { Quote } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeQuote } from '../attribution.js';
import { settle, tally } from './answer-counts.js';
import { sameCamp } from './camps.js';
import { contextOnly } from './context-only.js';
import { mentions } from './finalize.js';
import { answerOption, entityDistractors, hints } from './gaps.js';
import type { Random } from './random.js';
import { type Declined, type Difficulty, type Draft, decline, isDeclined } from './types.js';
import { articleOf } from './wording.js';

/**
 * A quote can be pinned on one speaker: long enough to be theirs alone (a
 * fragment like "cease hostilities" was surely said by others too), not
 * naming them, and said by no one else in the pack.
 */
export function askableQuote(pack: Pack, quote: Quote): boolean {
  return whyUnaskable(pack, quote) === null;
}

/** First words that leave a quote without its subject or verb: the reporter's sentence supplied them. */
const FRAGMENT_START =
  /^[“"‘']?(would|will|to|and|or|but|that|all|should|must|be|is|are|was|were|for|of|in|on|with|by|as|has|have|had|not)\b/;

/** A fragment: it starts on a word that needs the reporter's sentence ("would push for…", "to immediately…"). */
export function fragmentStart(text: string): boolean {
  return FRAGMENT_START.test(text.trim());
}

/** Cut from inside the reporter's sentence: it starts in lower case ("end hostilities and…"). */
export function startsMidSentence(text: string): boolean {
  return /^[“"‘']?\p{Ll}/u.test(text.trim());
}

/** Once per quote: every draw asks, and the last check walks every quote in the pack. */
const whyUnaskable = packCache((pack, quote: Quote) => unaskableBecause(pack, quote) ?? null);

function unaskableBecause(pack: Pack, quote: Quote): string | undefined {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker) return 'its speaker is not in the pack';
  const context = contextOnly(quote);
  if (context) return context;
  if (quote.text.length > 350) return 'too long to show as one question';
  if (fragmentStart(quote.text) || startsMidSentence(quote.text))
    return 'a fragment that starts mid-clause ("would push for…", "end hostilities and…"): it does not read as something said';
  if (quote.text.trim().split(/\s+/).length < 6)
    return 'under six words: a phrase such as this could be anyone’s, so it cannot be pinned on one speaker';
  if (mentions(quote.text, [speaker.name, ...speaker.aliases]) || hints(quote.text, speaker))
    return 'the words name their own speaker or the speaker’s country';
  // "He reiterated calls for a ceasefire": an office speaking of its principal, which no one else would say so.
  if (/^[“"‘']?(he|she)\b/i.test(quote.text.trim()))
    return 'words about a third person, which only their own office could have said';
  if (pack.data.quotes.some((q) => q.id !== quote.id && q.speaker !== quote.speaker && q.text === quote.text))
    return 'someone else in the pack said the same words';
  return undefined;
}

/**
 * Where the words were printed, never a day they were said: a curator's
 * date for the saying is often a bound ("published before 3 October"), and
 * the article's date is only when they were reported. The explanation gives
 * the curator's date with its note.
 */
function whenSaid(pack: Pack, quote: Quote): string {
  return `quoted in ${articleOf(pack, quote.source)}`;
}

/**
 * Who else could be said to have said it: the principal whose message a
 * spokesperson relayed, and everyone speaking for the same body. Once per
 * quote, since it walks every actor.
 */
export const coSpeakers = packCache((pack, quote: Quote): ReadonlySet<string> => {
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
});

/**
 * Speakers named for a place ("Resident of Geghamasar") when the words name
 * another place: the words about Sotk rule them out. Worked out once per
 * quote: every draw of its question, and its True/False variants, ask again.
 */
export const namedElsewhere = packCache((pack, quote: Quote): string[] => {
  const places = [...pack.places.values()].filter((p) => mentions(quote.text, [p.name, ...p.aliases]));
  if (places.length === 0) return [];
  return actorsNamedForPlaces(pack, 'all')
    .filter(({ actor, named }) => actor.id !== quote.speaker && named.some((p) => !places.includes(p)))
    .map(({ actor }) => actor.id);
});

/** Each actor whose name names a place, with those places: few do, and every quote naming a place asks. */
const actorsNamedForPlaces = packCache((pack, _: 'all') =>
  pack.data.actors
    .map((actor) => ({
      actor,
      named: [...pack.places.values()].filter((p) => mentions(actor.name, [p.name, ...p.aliases])),
    }))
    .filter(({ named }) => named.length > 0),
);

/** quote → speaker: the speaker of record, against others who are quoted in the pack and of the same standing. */
export function quoteSpeaker(
  pack: Pack,
  quote: Quote,
  random: Random,
  answers: ReadonlyMap<string, number> = quoteSpeakerAnswers(pack, 'all'),
): Draft | Declined {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker) return decline('its speaker is not in the pack');
  const unaskable = whyUnaskable(pack, quote);
  if (unaskable) return decline(unaskable);
  const prompt = `Who said this, ${whenSaid(pack, quote)}? “${quote.text.replace(/[,;:]$/, '')}”`;
  const answer = { type: 'actor' as const, item: speaker };
  // The prompt names the article: anyone quoted only in another stretch of the story (Trump against 2022) is out.
  const quotedThere = quoteSpeakersNear(pack, quote.source);
  const distractors = entityDistractors(
    pack,
    answer,
    {
      // Nor anyone of another camp: a war leader's words beside a bystander's, or the other side's, are
      // answered by the side they take (src/engine/questions/camps.ts).
      answers: new Map([...answers].filter(([id]) => quotedThere.has(id) && sameCamp(pack, id, speaker.id))),
      prompt,
      exclude: new Set([...coSpeakers(pack, quote), ...namedElsewhere(pack, quote)]),
      otherCountry: speaker.kind !== 'person',
      looseCategory: true,
    },
    random,
  );
  if (isDeclined(distractors)) return distractors;
  // From the words alone, not from who the options are: a label that followed the options would point at the answer.
  const words = quote.text.split(/\s+/).length;
  const difficulty: Difficulty = words >= 25 ? 'easy' : words >= 12 ? 'medium' : 'hard';
  const relayed = quote.relays ? ` ${speaker.name} was passing on the words of ${pack.nameOf(quote.relays)}.` : '';
  return {
    kind: 'quote-speaker',
    subject: quote.id,
    prompt,
    correct: answerOption(answer),
    distractors,
    difficulty,
    explanation: `${attributeQuote(pack, quote)}${relayed}`,
    sourceIds: [quote.source],
    eventIds: quote.event ? [quote.event] : [],
    subjects: [quote.id],
  };
}

const quoteSpeakerAnswers = packCache((pack, _: 'all') =>
  settle(
    pack.data.quotes
      .filter((q) => askableQuote(pack, q))
      .map((q) => ({ answer: q.speaker, build: (answers, r) => quoteSpeaker(pack, q, r, answers) })),
  ),
);

/** Articles published this close together report one stretch of the story: their speakers could be each other's. */
const SAME_STRETCH_DAYS = 30;

/**
 * Everyone quoted in articles of the same stretch as this one: a speaker
 * quoted only two years later (Trump against a 2022 line) is out on its face.
 */
const quoteSpeakersNear = packCache((pack, sourceId: string) => {
  const date = pack.sources.get(sourceId)?.date;
  const near = (id: string) => {
    const other = pack.sources.get(id)?.date;
    return (
      id === sourceId ||
      (date !== undefined && other !== undefined && Math.abs(daysBetween(date, other)) <= SAME_STRETCH_DAYS)
    );
  };
  return tally(pack.data.quotes.filter((q) => near(q.source)).map((q) => q.speaker));
});
