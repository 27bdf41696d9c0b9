import type { Pack } from '../../content/pack.js';
import type { Actor, Quote } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeQuote } from '../attribution.js';
import { settle, tally } from './answer-counts.js';
import { campOf, otherSideNamed } from './camps.js';
import { contextOnly } from './context-only.js';
import {
  answerOption,
  asEntity,
  blankMentions,
  countryOf,
  entityDistractors,
  hints,
  type Nameable,
  saidAlsoOf,
} from './gaps.js';
import { coSpeakers, fragmentStart, startsMidSentence } from './quote-speaker.js';
import { type Random, seededRandom } from './random.js';
import { type Declined, type Draft, decline, isDeclined } from './types.js';
import { articleOf } from './wording.js';

/** Too short to carry a name worth asking for, or too long to read in a quiz. */
const FEWEST_WORDS = 6;
const MOST_CHARACTERS = 350;

/**
 * A side in the dispute speaks: a state of a camp, a body of one, or an
 * authority of no state (Karabakh's: its sovereignty is the dispute).
 */
function speaksForASide(pack: Pack, speaker: Actor): boolean {
  if (campOf(pack, speaker.id) !== undefined) return true;
  const stateless = (actor: Actor | undefined) =>
    actor !== undefined && (actor.kind === 'government-body' || actor.kind === 'armed-force') && !actor.country;
  return stateless(speaker) || speaker.roles.some((role) => stateless(role.of ? pack.actors.get(role.of) : undefined));
}

/**
 * Why a name in a quote cannot be its gap, or undefined when it can. The
 * speaker is named beside the words, so the gap must not follow from who
 * speaks: not their own country or its bodies and places ("martial law in
 * the Republic of ___", said by Pashinyan), and, when a side speaks, not
 * either side ("the defeat of ___", said by Karabakh's leader).
 */
export function whyNotAGap(pack: Pack, quote: Quote, target: Nameable): string | undefined {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker) return 'its speaker is not in the pack';
  if (coSpeakers(pack, quote).has(target.item.id)) return 'the speaker, or who they speak for';
  const home = countryOf(pack, speaker.id);
  if (home !== undefined && countryOf(pack, target.item.id) === home && speaksFor(target))
    return `${target.item.name} is the speaker’s own country or one of its bodies, which their name gives away`;
  const side = campOf(pack, target.item.id);
  if (speaksForASide(pack, speaker) && side !== undefined && speaksFor(target))
    return `a side’s voice naming ${target.item.name}, a side: whose side it is follows from who speaks`;
  const text = blankMentions(quote.text, target.item);
  if (text === undefined) return `the words do not name ${target.item.name}`;
  if (hints(text, target.item)) return `the rest of the words still name ${target.item.name}`;
  const adversary = otherSideNamed(pack, text, target.item.id);
  if (adversary) return `the words name ${adversary}, the other side, which pairs with the gap`;
  return undefined;
}

/** Does who speaks narrow where a town or person in the words can be: a side speaking, or someone of its country? */
function ownSide(pack: Pack, quote: Quote, target: Nameable): boolean {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker || speaksFor(target)) return false;
  const home = countryOf(pack, speaker.id);
  return speaksForASide(pack, speaker) || (home !== undefined && countryOf(pack, target.item.id) === home);
}

/** A state and its bodies speak as the state; a town or a person of it is still one of many. */
function speaksFor(target: Nameable): boolean {
  return target.type === 'actor' && target.item.kind !== 'person';
}

/** Why the quote's words cannot be shown with a gap at all, or undefined when they can. */
function whyUnshowable(quote: Quote): string | undefined {
  const context = contextOnly(quote);
  if (context) return context;
  if (quote.text.length > MOST_CHARACTERS) return 'too long to show as one question';
  if (fragmentStart(quote.text) || startsMidSentence(quote.text))
    return 'a fragment that starts mid-clause: with a gap in it, it would not read as something said';
  if (quote.text.trim().split(/\s+/).length < FEWEST_WORDS) return 'under six words: too short to hold a gap';
  return undefined;
}

/** Every actor and place the words name that could be their gap. */
function gapTargets(pack: Pack, quote: Quote): Nameable[] {
  if (whyUnshowable(quote)) return [];
  const named = [...pack.actors.keys(), ...pack.places.keys()]
    .map((id) => asEntity(pack, id))
    .filter((e): e is Nameable => e !== undefined && blankMentions(quote.text, e.item) !== undefined);
  // The country place and its state are one answer ("Armenia"): the state stands for both.
  return named.filter(
    (e) =>
      !(e.type === 'place' && e.item.kind === 'country' && named.some((o) => o.item.id === e.item.country)) &&
      whyNotAGap(pack, quote, e) === undefined,
  );
}

const targetCounts = packCache((pack, _: 'all') =>
  tally(pack.data.quotes.flatMap((q) => gapTargets(pack, q).map((e) => e.item.id))),
);

/**
 * The one name a quote is asked by: the one the fewest other quotes could
 * be asked by, so no single country answers half of them, and one that has
 * others to set against it.
 */
export const quoteGapTarget = packCache((pack, quote: Quote): string | null => {
  const counts = targetCounts(pack, 'all');
  const ranked = gapTargets(pack, quote)
    .map((e) => e.item.id)
    .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || a.localeCompare(b));
  return ranked.find((id) => !isDeclined(quoteGap(pack, quote, id, seededRandom(0), counts))) ?? null;
});

/** Why a quote is not asked with a gap: nothing it names can be one, or nothing to set against what can. */
export function whyNoQuoteGap(pack: Pack, quote: Quote): string {
  const unshowable = whyUnshowable(quote);
  if (unshowable) return unshowable;
  const targets = gapTargets(pack, quote);
  if (targets.length > 0) {
    const why = quoteGap(pack, quote, (targets[0] as Nameable).item.id, seededRandom(0));
    return isDeclined(why) ? why.declined : 'declined';
  }
  const named = [...pack.actors.values(), ...pack.places.values()].filter(
    (e) => blankMentions(quote.text, e) !== undefined,
  );
  if (named.length === 0) return 'the words name no actor or place that a gap could hold';
  const first = asEntity(pack, (named[0] as { id: string }).id) as Nameable;
  return whyNotAGap(pack, quote, first) ?? 'no name in the words could be its gap';
}

/** "Which fills the gap? Arayik Harutyunyan, quoted in …: “…one of the targets of this war is ___ …”" */
export function quoteGap(
  pack: Pack,
  quote: Quote,
  targetId: string,
  random: Random,
  answers: ReadonlyMap<string, number> = quoteGapAnswers(pack, 'all'),
): Draft | Declined {
  const unshowable = whyUnshowable(quote);
  if (unshowable) return decline(unshowable);
  const entity = asEntity(pack, targetId);
  if (!entity) return decline(`${targetId} is not in the pack`);
  const why = whyNotAGap(pack, quote, entity);
  if (why) return decline(why);
  const text = blankMentions(quote.text, entity.item) as string;
  const speaker = pack.nameOf(quote.speaker);
  const prompt = `Which fills the gap? ${speaker}, quoted in ${articleOf(pack, quote.source)}: “${text.replace(/[,;:]$/, '')}”`;
  const distractors = entityDistractors(
    pack,
    entity,
    {
      answers,
      prompt,
      exclude: new Set([...coSpeakers(pack, quote), ...saidAlsoOf(pack, text, quote.id)]),
      otherCountry: entity.type === 'actor' && entity.item.kind !== 'state' && entity.item.kind !== 'person',
      // A side's voice, or a villager of the country, tells of its own towns and people: one elsewhere would be
      // ruled out by who speaks.
      keepCountry: ownSide(pack, quote, entity) ? countryOf(pack, entity.item.id) : undefined,
    },
    random,
  );
  if (isDeclined(distractors)) return distractors;
  return {
    kind: 'quote-gap',
    subject: `${quote.id}:${targetId}`,
    prompt,
    correct: answerOption(entity),
    distractors,
    difficulty: 'medium',
    explanation: attributeQuote(pack, quote),
    sourceIds: [quote.source],
    eventIds: quote.event ? [quote.event] : [],
    subjects: [quote.id],
  };
}

const quoteGapAnswers = packCache((pack, _: 'all') =>
  settle(
    pack.data.quotes.flatMap((q) => {
      const target = quoteGapTarget(pack, q);
      return target ? [{ answer: target, build: (answers, r) => quoteGap(pack, q, target, r, answers) }] : [];
    }),
  ),
);
