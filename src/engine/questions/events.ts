import { overlaps, span } from '../../content/calendar.js';
import { earthPoint } from '../../content/coordinates.js';
import { formatDate, formatWhen, isOngoing, namesDate, precisionOf } from '../../content/dates.js';
import { wordStems } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import { pushTo } from '../../content/push-to.js';
import type { Event, Place } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { ancestry } from '../topics.js';
import { settle } from './answer-counts.js';
import { contextOnly } from './context-only.js';
import { mentions } from './finalize.js';
import { answerOption, entityDistractors, related } from './gaps.js';
import type { Random } from './random.js';
import { type Declined, type Difficulty, type Draft, decline, isDeclined } from './types.js';

const SIGNIFICANT = 4;

interface TitleIndex {
  words: Map<string, Set<string>>;
  byWord: Map<string, Event[]>;
}

const titleIndexes = new WeakMap<Pack, TitleIndex>();

/** Significant title words of every event, and the events holding each word: built once per pack. */
function titleIndex(pack: Pack): TitleIndex {
  let index = titleIndexes.get(pack);
  if (index) return index;
  index = { words: new Map(), byWord: new Map() };
  for (const event of pack.chronological) {
    const words = new Set(wordStems(event.title, SIGNIFICANT, Number.POSITIVE_INFINITY));
    index.words.set(event.id, words);
    for (const w of words) pushTo(index.byWord, w, event);
  }
  // Words most titles share ("clashes", "event") say nothing about which event is meant.
  const common = Math.max(20, pack.chronological.length * 0.02);
  for (const [word, events] of index.byWord) {
    if (events.length <= common) continue;
    index.byWord.delete(word);
    for (const e of events) index.words.get(e.id)?.delete(word);
  }
  titleIndexes.set(pack, index);
  return index;
}

/**
 * Events a reader could take for this one: same type at a shared place, or a
 * title sharing half its words. A distractor may not be true of any of them.
 */
export function lookalikes(pack: Pack, event: Event): Event[] {
  const index = titleIndex(pack);
  const words = index.words.get(event.id) ?? new Set<string>();
  const out = new Set<Event>();
  for (const place of event.places) {
    for (const other of pack.eventsInvolving(place))
      if (other.id !== event.id && other.type === event.type) out.add(other);
  }
  const shared = new Map<Event, number>();
  for (const w of words) for (const other of index.byWord.get(w) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
  for (const [other, count] of shared) {
    if (other.id === event.id) continue;
    const theirs = index.words.get(other.id)?.size ?? 0;
    if (count / Math.max(1, Math.min(words.size, theirs)) >= 0.5) out.add(other);
  }
  return [...out];
}

/** Does the title give its own date away (a month name, or a year)? */
export function titleNamesDate(event: Event): boolean {
  return namesDate(event.title);
}

/**
 * Does the text give the event's own date ("Fighting broke out on 12 July 2020"), not just some date
 * ("…compared it with 1915")? A bounded or uncertain date only in its own words ("some time between …").
 */
export function datesItself(text: string, event: Event): boolean {
  // An ongoing event is dated by its start; a span or window only by its bounds as the pack gives them.
  if (event.endDate && !isOngoing(event))
    return (
      text.includes(formatWhen(event)) ||
      // "…lasted from 1992 until a ceasefire in 1994" gives both bounds in its own words.
      (text.includes(formatDate(event.date)) && text.includes(formatDate(event.endDate)))
    );
  const shown = formatDate(event.date);
  // A day's year may stand apart from it: "on 12 July, 2020", "on 12 July": the day and month are the date.
  return text.includes(precisionOf(event.date) === 'day' ? shown.replace(/ \d{4}$/, '') : shown);
}

/**
 * An event told in a reveal: its summary, and a sentence with its date where the summary does not give
 * it (`shown`, the date as the question printed it, else the event's own date).
 */
export function summaryDated(event: Event, shown?: string): string {
  const summary = event.summary.trim();
  if (shown ? summary.includes(shown) : datesItself(summary, event)) return summary;
  const when = isOngoing(event)
    ? `It began on ${formatDate(event.date)} and was last reported on ${formatDate(event.endDate as string)}.`
    : `The articles date it to ${formatWhen(event)}.`;
  return `${summary} ${when}`;
}

function sourcesOf(event: Event): string[] {
  return event.sources;
}

/**
 * The places an event can be asked by: its most specific places below
 * region level (a district, a town), unless the title names them.
 */
export const eventPlaceAnswers = packCache((pack, event: Event): Place[] => {
  if (precisionOf(event.date) === 'year') return [];
  const places = event.places
    .map((id) => pack.places.get(id))
    .filter((p): p is Place => p !== undefined && p.kind !== 'country' && p.kind !== 'region');
  const leaves = places.filter((p) => !places.some((q) => q.id !== p.id && ancestry(pack, q.id).has(p.id)));
  return leaves.filter((p) => !mentions(event.title, [p.name, ...p.aliases]));
});

/**
 * event → place, against places of the same level and naming form that are
 * answers elsewhere, and that neither hold nor sit inside any of the
 * event's places. An event at several places asks for one of them.
 */
export function eventPlace(
  pack: Pack,
  event: Event,
  placeId: string,
  random: Random,
  answers: ReadonlyMap<string, number> = eventPlaceTally(pack, 'all'),
): Draft | Declined {
  const place = eventPlaceAnswers(pack, event).find((p) => p.id === placeId);
  if (!place) return decline('no place below region level that its title does not name');
  const exclude = alsoRight(pack, event);
  const several = event.places.length > 1;
  const what = `${event.title} (${formatWhen(event)})`;
  const prompt = several
    ? `${what}: which of these places do the reports of it name?`
    : `Where did this happen? ${what}.`;
  const answer = { type: 'place' as const, item: place };
  const distractors = entityDistractors(pack, answer, { answers, prompt, exclude }, random);
  if (isDeclined(distractors)) return distractors;
  const km = distractors.map((d) => {
    const p = d.facet?.entity ? pack.places.get(d.facet.entity) : undefined;
    return p ? kilometres(place, p) : 1000;
  });
  const meanKm = km.reduce((a, b) => a + b, 0) / km.length;
  const difficulty: Difficulty = meanKm < 80 ? 'hard' : meanKm < 250 ? 'medium' : 'easy';
  const all = event.places.map((id) => pack.nameOf(id)).join(', ');
  return {
    kind: 'event-place',
    subject: `${event.id}@${place.id}`,
    prompt,
    correct: answerOption(answer),
    distractors,
    difficulty,
    explanation: `${event.title} (${formatWhen(event)}): ${several ? `the reports name ${all}` : place.name}. ${event.summary}`,
    sourceIds: sourcesOf(event),
    eventIds: [event.id],
  };
}

/**
 * Places where a same-type event happened at the same time would also be right, and so would the event's
 * own, and every place holding or inside one of those. Once per event: it weighs every place in the pack.
 */
const alsoRight = packCache((pack, event: Event): ReadonlySet<string> => {
  const when = span(event.date, event.endDate);
  const involved = [
    ...event.places,
    ...lookalikes(pack, event)
      .filter((e) => overlaps(span(e.date, e.endDate), when))
      .flatMap((e) => e.places),
  ];
  return new Set([...pack.places.keys()].filter((id) => involved.some((other) => related(pack, id, other))));
});

/** Great-circle distance on Earth; a place off Earth or unlocated is as far as can be. */
function kilometres(from: Place, to: Place): number {
  const a = earthPoint(from);
  const b = earthPoint(to);
  if (!a || !b) return Number.POSITIVE_INFINITY;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const eventPlaceTally = packCache((pack, _: 'all') =>
  settle(
    pack.chronological.flatMap((e) =>
      (contextOnly(e) ? [] : eventPlaceAnswers(pack, e)).map((p) => ({
        answer: p.id,
        build: (answers, r) => eventPlace(pack, e, p.id, r, answers),
      })),
    ),
  ),
);
