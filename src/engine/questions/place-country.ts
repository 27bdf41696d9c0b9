import { formatDate, isOngoing } from '../../content/dates.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Actor, Event, Evidence, Place } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { isOutletsOwn, isSidesAccount } from '../attribution.js';
import { contextOnly } from './context-only.js';
import { summaryDated } from './events.js';
import { entityOption } from './finalize.js';
import type { Random } from './random.js';
import { eventWeight, typeWeight } from './salience.js';
import { type Declined, type Draft, decline } from './types.js';
import { outletInSentence } from './wording.js';

/**
 * "Which country is Jermuk in?" The places of a border war sit on one side
 * of the border or the other, and which side is much of what the fighting
 * meant: the September 2022 shelling hit Armenia itself, not Karabakh.
 */

/** Kinds of place a reader can put in one country; a sea, a border or a road belongs to several. */
const PLACED_KINDS = new Set<Place['kind']>(['region', 'province', 'district', 'city', 'town', 'village']);

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?…]["”’']?)\s+(?=[\p{Lu}“"])/u);
}

const wordsOf = (text: string) => foldName(text).split(' ').filter(Boolean);

/** Where in the words a name (of one or more words) starts; -1 when it does not. */
function indexOfName(words: readonly string[], name: string): number {
  const key = wordsOf(name);
  if (key.join(' ').length < 4) return -1;
  return words.findIndex((_, i) => key.every((k, j) => words[i + j] === k));
}

/**
 * How many words apart the sentence puts the place and its country
 * ("Armenia", an alias, or a word it begins: "Armenian", "Syrians",
 * "Ukrainian" from "Ukrain"); undefined when it names only one of them.
 */
function distanceApart(sentence: string, place: Place, country: Actor): number | undefined {
  const words = wordsOf(sentence);
  const at = [place.name, ...place.aliases].map((n) => indexOfName(words, n)).filter((i) => i >= 0);
  const stem = foldName(country.name).replace(/[aeiou]$/, '');
  const countryAt = words.flatMap((w, i) => (stem.length >= 4 && w.startsWith(stem) ? [i] : []));
  for (const n of [country.name, ...country.aliases]) {
    const i = indexOfName(words, n);
    if (i >= 0) countryAt.push(i);
  }
  if (at.length === 0 || countryAt.length === 0) return undefined;
  return Math.min(...at.flatMap((a) => countryAt.map((c) => Math.abs(a - c))));
}

/** Does the name hold a country's ("East Azerbaijan Province")? */
function namesCountry(name: string, country: Actor): boolean {
  const words = wordsOf(name);
  const stem = foldName(country.name).replace(/[aeiou]$/, '');
  return (
    [country.name, ...country.aliases].some((n) => indexOfName(words, n) >= 0) || words.some((w) => w.startsWith(stem))
  );
}

/**
 * The sentence of a report, or of an outlet's own account, that names the
 * place nearest its country: "the Azeri capital of Baku" over "Ganja,
 * Azerbaijan's second city after Baku". A side's claim does not count:
 * "the Azeri army liberated the village of …" is a war aim, not a map. Nor
 * does an outlet's own disputed account of who attacked whom: quoted whole
 * to place a town, it would state that account beside a geography answer.
 */
function evidenceFor(pack: Pack, place: Place, country: Actor): Evidence | undefined {
  let best: (Evidence & { apart: number }) | undefined;
  for (const item of [...pack.data.facts, ...outletsOwn(pack, 'all')]) {
    // The whole sentence: cut to "…positions around the towns of Jermuk" it no longer placed the town in Armenia.
    for (const sentence of sentencesOf(item.excerpt)) {
      const apart = distanceApart(sentence, place, country);
      if (apart === undefined || (best && apart >= best.apart)) continue;
      best = { source: item.source, excerpt: sentence, apart };
    }
  }
  return best && { source: best.source, excerpt: best.excerpt };
}

/** The claims that are an outlet's own account: found once, not for every place. */
const outletsOwn = packCache((pack, _: 'all') =>
  pack.data.claims.filter((c) => !isSidesAccount(c) && isOutletsOwn(pack, c)),
);

/** An event naming this many places is listing them, not saying where it happened. */
const LIST_OF_PLACES = 4;

/**
 * Why a place is not asked, or its country and the sentence that says so. Once per place: the two
 * countries, the balance between them and every question on it ask again.
 */
export const placeCountryFacts = packCache((pack, place: Place) => placeFacts(pack, place));

function placeFacts(pack: Pack, place: Place): { country: Actor; evidence: Evidence } | Declined {
  if (!PLACED_KINDS.has(place.kind)) return decline(`a place of its kind (${place.kind}) is not asked by country`);
  const country = place.country ? pack.actors.get(place.country) : undefined;
  if (!country) return decline('the pack gives it no country: it spans several, or its sovereignty is the dispute');
  // Inside a place with no country (Nagorno-Karabakh), the country is the dispute too.
  for (let at = place.in ? pack.places.get(place.in) : undefined; at; at = at.in ? pack.places.get(at.in) : undefined)
    if (at.kind !== 'country' && at.country !== place.country)
      return decline(`it lies inside ${at.name}, which the pack does not put in ${country.name}`);
  const countries = pack.data.actors.filter((a) => a.kind === 'state');
  if (countries.some((c) => namesCountry(place.name, c))) return decline('its name holds a country’s name');
  // "Which country is Baku in?" teaches nothing the group did not know.
  if (/\bcapital of\b/i.test(place.note ?? ''))
    return decline('it is a national capital: its country is common knowledge');
  const events = pack.eventsInvolving(place.id);
  // The sites of an exercise: where fighting or a ceasefire happened is worth knowing, a list of venues is not.
  if (events.length > 0 && events.every((e) => e.places.length >= LIST_OF_PLACES && typeWeight(e) < 2))
    return decline('it is named only in a list of sites of a minor event, where it plays no part of its own');
  const evidence = evidenceFor(pack, place, country);
  if (!evidence) return decline('no report in the pack names it and its country in one sentence');
  return { country, evidence };
}

/**
 * The two countries whose places are asked: those with the most places the
 * articles put in them. Two options, each right about as often: a third
 * country far away would be a give-away, not a distractor.
 */
export const placeCountrySides = packCache((pack, _: 'all'): string[] => {
  const counts = new Map<string, number>();
  for (const place of pack.data.places) {
    const facts = placeCountryFacts(pack, place);
    if ('country' in facts) counts.set(facts.country.id, (counts.get(facts.country.id) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked.length >= 2 ? ranked.slice(0, 2).map(([id]) => id) : [];
});

/**
 * The places asked, as many of one side as of the other: with two options,
 * a side that is right more often is a guess that pays. The places the
 * pack says most about are kept.
 */
const askedPlaces = packCache((pack, _: 'all'): ReadonlySet<string> => {
  const sides = placeCountrySides(pack, 'all');
  const bySide = sides.map((side) =>
    pack.data.places
      .filter((p) => {
        const facts = placeCountryFacts(pack, p);
        return 'country' in facts && facts.country.id === side && eventsThere(pack, p).length > 0;
      })
      .map((p) => ({ id: p.id, said: pack.eventsInvolving(p.id).length + pack.statementsConcerning(p.id).length }))
      .sort((a, b) => b.said - a.said || a.id.localeCompare(b.id)),
  );
  const each = Math.min(...bySide.map((list) => list.length));
  return new Set(bySide.flatMap((list) => list.slice(0, each).map((p) => p.id)));
});

export function placeCountry(pack: Pack, place: Place, _random: Random): Draft | Declined {
  const facts = placeCountryFacts(pack, place);
  if (!('country' in facts)) return facts;
  const sides = placeCountrySides(pack, 'all');
  if (!sides.includes(facts.country.id))
    return decline('its country is not one of the two whose places the articles name most');
  // "Which country is Gyumri in?", where nothing of the story happens: a map fact, which a review faulted as trivia.
  if (eventsThere(pack, place).length === 0)
    return decline('nothing of the story happens there: its country alone is a map fact');
  if (!askedPlaces(pack, 'all').has(place.id))
    return decline('left out so that each of the two countries is the answer as often as the other');
  const otherId = sides.find((id) => id !== facts.country.id) as string;
  const other = pack.actors.get(otherId) as Actor;
  const { country, evidence } = facts;
  const events = eventsThere(pack, place);
  const told = toldBefore(place, events);
  // The event the reveal tells: the one the prompt led with, or else the weightiest.
  const shown = told ?? events[0];
  // "Tavush (spelt “Tayush” by the World Socialist Web Site)", in the question itself: the articles never
  // print the name asked, and a review took it for Tovuz, the one place the prompt's fighting names. The
  // outlet is named: a question names no article for "the article" to point at.
  const printed = [place.name, ...place.aliases].find((n) => evidence.excerpt.includes(n));
  const sourceIds = [...new Set([evidence.source, ...(shown?.sources ?? [])])];
  const outlet = pack.sources.get(evidence.source)?.outlet;
  const speller = outlet ? `spelt “${printed}” by ${outletInSentence(outlet)}` : `“${printed}” in the article`;
  const spelt = printed && printed !== place.name ? `${place.name} (${speller})` : place.name;
  return {
    kind: 'place-country',
    subject: place.id,
    prompt: whyAsked(spelt, told),
    correct: entityOption(country, 'state'),
    distractors: [entityOption(other, 'state')],
    difficulty: 'easy',
    pair: true,
    explanation: placeExplained(place, country, shown, told !== undefined),
    // The reveal tells the event in its summary, which its own articles back.
    sourceIds,
    evidence: [evidence],
    eventIds: events.map((e) => e.id),
    subjects: [place.id],
  };
}

/** The events the pack places there that a study group should know it by, weightiest first. */
const EVENTS_SHOWN = 2;

/** Once per place: the balance between the two countries asks, and then the place's own question. */
const eventsThere = packCache((pack, place: Place): Event[] =>
  pack
    .eventsInvolving(place.id)
    .filter((e) => !contextOnly(e))
    .map((e) => ({ e, weight: eventWeight(pack, e) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, EVENTS_SHOWN)
    .map(({ e }) => e),
);

/** What a place underwent, as a sentence can say it: only where the event's type says it plainly. */
const UNDERWENT: Record<string, string> = {
  shelling: 'was shelled',
  'air-strike': 'was struck',
  capture: 'was taken',
  clash: 'saw fighting',
};

/**
 * What happened there, in the question: "In which country is Ganja, which was
 * shelled on 3 October 2020?" asks where the war reached, where the
 * bare question is an atlas fact (a review faulted it as trivia), and a
 * title set before it reads as a template (another review faulted that).
 * Only an event of the place alone whose type says what it underwent.
 */
function toldBefore(place: Place, events: readonly Event[]): Event | undefined {
  // Fighting on a border is the place's too ("Tavush saw fighting from 12 July 2020"): a bare "Which country
  // is Tavush in?" read to a review as a map question.
  const event = events.find(
    (e) => UNDERWENT[e.type] && (e.places.length === 1 ? e.places[0] === place.id : e.type === 'clash'),
  );
  return event && (!event.endDate || isOngoing(event)) ? event : undefined;
}

function whyAsked(spelt: string, told: Event | undefined): string {
  if (!told) return `In which country is ${spelt}?`;
  const when = isOngoing(told) ? `from ${formatDate(told.date)}` : `on ${formatDate(told.date)}`;
  // One sentence: "Tavush saw fighting from 12 July 2020. Which country is Tavush in?" read as a template.
  return `In which country is ${spelt}, which ${UNDERWENT[told.type]} ${when}?`;
}

/**
 * Why the place is worth knowing, in the summary of what happened there: titles listed after "Events
 * there:" read as a template to a review, and the one the prompt had just told as a repeat. The country
 * is said plainly (the evidence beside it quotes the article), and not at all where the summary says it
 * ("Ganja, Azerbaijan's second-largest city, was bombarded").
 */
function placeExplained(place: Place, country: Actor, event: Event | undefined, told: boolean): string {
  const where = `${place.name} is in ${country.name}.`;
  if (!event) return where;
  const summary = told ? event.summary.trim() : summaryDated(event);
  // "Ganja, Azerbaijan's second-largest city, was bombarded" says it; a summary naming the place midway does not plainly.
  const saysIt = summary.startsWith(place.name) && summary.includes(country.name);
  return saysIt ? summary : `${where} ${summary}`;
}
