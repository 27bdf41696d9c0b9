import { formatSpan, MONTH_NAMES, precisionOf } from '../../content/dates.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Event, Place } from '../../content/schema.js';
import { ancestry } from '../topics.js';
import { eventPlaceTally } from './answer-counts.js';
import { addDays, addMonths, daysBetween, overlaps, span } from './calendar.js';
import { mentions } from './finalize.js';
import { answerOption, entityDistractors, related } from './gaps.js';
import type { Random } from './random.js';
import type { Difficulty, Draft, Option } from './types.js';
import { onDate } from './wording.js';

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
    const words = new Set(
      foldName(event.title)
        .split(' ')
        .filter((w) => w.length >= SIGNIFICANT),
    );
    index.words.set(event.id, words);
    for (const w of words) {
      const list = index.byWord.get(w);
      if (list) list.push(event);
      else index.byWord.set(w, [event]);
    }
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
function titleNamesDate(event: Event): boolean {
  const title = foldName(event.title);
  return /\b(19|20)\d\d\b/.test(title) || MONTH_NAMES.some((m) => title.includes(m.toLowerCase()));
}

function sourcesOf(event: Event): string[] {
  return event.sources;
}

/**
 * event → date, for events dated to one day or one month. A span ("27
 * September – 1 October") is how the curator bounds an uncertain date, not
 * a duration; asking it would set a span against single dates.
 */
export function eventDate(pack: Pack, event: Event, random: Random): Draft | undefined {
  const precision = precisionOf(event.date);
  if (precision === 'year' || event.endDate || titleNamesDate(event)) return undefined;
  const tiers: Record<Difficulty, number[]> =
    precision === 'day'
      ? { hard: [1, 2], medium: [3, 5, 7], easy: [14, 21, 30] }
      : { hard: [1], medium: [2, 3], easy: [4, 6] };
  const difficulty = random.pick<Difficulty>(['easy', 'medium', 'hard']);
  const step = random.pick(tiers[difficulty]);
  const position = random.int(4);
  const others = lookalikes(pack, event).map((e) => span(e.date, e.endDate));
  const category = `date:${precision}`;
  const options: Option[] = [];
  for (let i = 0; i < 4; i++) {
    const shift = (i - position) * step;
    const date = precision === 'day' ? addDays(event.date, shift) : addMonths(event.date, shift);
    // A date on which a lookalike event happened would be a second right answer.
    if (i !== position && others.some((o) => overlaps(o, span(date)))) return undefined;
    options.push({ text: formatSpan(date), facet: { category, span: span(date) } });
  }
  const places = event.places.map((id) => pack.nameOf(id));
  const where = places.length > 0 && places.length <= 2 ? ` Where: ${places.join(' and ')}.` : '';
  const correct = options[position] as Option;
  const note = event.dateNote ? ` (${event.dateNote})` : '';
  return {
    kind: 'event-date',
    subject: event.id,
    prompt: `On what ${precision === 'day' ? 'date' : 'month'} did this happen, as the sources date it? ${event.title}.${where}`,
    correct,
    distractors: options.filter((o) => o !== correct),
    difficulty,
    explanation: `${event.title}: ${formatSpan(event.date)}${note}. ${event.summary}`,
    sourceIds: sourcesOf(event),
    eventIds: [event.id],
  };
}

/**
 * The places an event can be asked by: its most specific places below
 * region level (a district, a town), unless the title names them.
 */
export function eventPlaceAnswers(pack: Pack, event: Event): Place[] {
  if (precisionOf(event.date) === 'year') return [];
  const places = event.places
    .map((id) => pack.places.get(id))
    .filter((p): p is Place => p !== undefined && p.kind !== 'country' && p.kind !== 'region');
  const leaves = places.filter((p) => !places.some((q) => q.id !== p.id && ancestry(pack, q.id).has(p.id)));
  return leaves.filter((p) => !mentions(event.title, [p.name, ...p.aliases]));
}

/**
 * event → place, against places of the same level and naming form that are
 * answers elsewhere, and that neither hold nor sit inside any of the
 * event's places. An event at several places asks for one of them.
 */
export function eventPlace(pack: Pack, event: Event, placeId: string, random: Random): Draft | undefined {
  const place = eventPlaceAnswers(pack, event).find((p) => p.id === placeId);
  if (!place) return undefined;
  const when = span(event.date, event.endDate);
  // Places where a same-type event happened at the same time would also be right, and so would the event's own.
  const involved = [
    ...event.places,
    ...lookalikes(pack, event)
      .filter((e) => overlaps(span(e.date, e.endDate), when))
      .flatMap((e) => e.places),
  ];
  const exclude = new Set([...pack.places.keys()].filter((id) => involved.some((other) => related(pack, id, other))));
  const several = event.places.length > 1;
  const prompt = several
    ? `Which of these places is one the reports of this event name, ${onDate(event.date, event.endDate)}? ${event.title}.`
    : `Where did this happen, ${onDate(event.date, event.endDate)}? ${event.title}.`;
  const answer = { type: 'place' as const, item: place };
  const distractors = entityDistractors(
    pack,
    answer,
    { answers: eventPlaceTally(pack, 'all'), prompt, exclude },
    random,
  );
  if (!distractors) return undefined;
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
    explanation: `${event.title} (${formatSpan(event.date, event.endDate)}): ${several ? `the reports name ${all}` : place.name}. ${event.summary}`,
    sourceIds: sourcesOf(event),
    eventIds: [event.id],
  };
}

function kilometres(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Events an order question may use: dated finer than a year, with a title that does not give its date. */
function orderable(event: Event): boolean {
  return precisionOf(event.date) !== 'year' && !titleNamesDate(event);
}

/**
 * Which happened first (or last): four events of one episode whose dates
 * cannot overlap. The event asked about is the earliest when three later
 * ones can be found, else the latest, so every event is a right answer
 * somewhere and none is only ever a distractor.
 */
export function whichFirst(pack: Pack, event: Event, random: Random): Draft | undefined {
  if (!orderable(event)) return undefined;
  const mine = span(event.date, event.endDate);
  const episode = pack.chronological.filter((e) => e.episode === event.episode && e.id !== event.id && orderable(e));
  const later = episode.filter((e) => span(e.date, e.endDate)[0] > mine[1]);
  const earlier = episode.filter((e) => span(e.date, e.endDate)[1] < mine[0]);
  const alike = new Set(lookalikes(pack, event).map((e) => e.id));
  const pickFrom = (pool: Event[]) => {
    const picked: Event[] = [];
    for (const candidate of random.shuffle(pool)) {
      if (alike.has(candidate.id)) continue;
      const s = span(candidate.date, candidate.endDate);
      if (picked.some((p) => overlaps(span(p.date, p.endDate), s))) continue;
      if (picked.some((p) => lookalikes(pack, p).some((l) => l.id === candidate.id))) continue;
      picked.push(candidate);
      if (picked.length === 3) break;
    }
    return picked.length === 3 ? picked : undefined;
  };
  // Which way is fixed by the event, not the draw, so the question keeps its prompt when rebuilt.
  const first = distinctSpans(later) >= 3;
  const picked = pickFrom(first ? later : earlier);
  if (!picked) return undefined;
  const edge = first ? mine[1] : mine[0];
  const gap = Math.min(
    ...picked.map((p) => Math.abs(daysBetween(edge, first ? span(p.date, p.endDate)[0] : span(p.date, p.endDate)[1]))),
  );
  const difficulty: Difficulty = gap <= 3 ? 'hard' : gap <= 30 ? 'medium' : 'easy';
  const dated = [event, ...picked]
    .sort((a, b) => span(a.date, a.endDate)[0].localeCompare(span(b.date, b.endDate)[0]))
    .map((e) => `${formatSpan(e.date, e.endDate)}: ${e.title}`);
  return {
    kind: 'which-first',
    subject: event.id,
    prompt: first ? 'Which of these happened first?' : 'Which of these happened last?',
    correct: { text: event.title, facet: { category: 'event', span: mine } },
    distractors: picked.map((p) => ({ text: p.title, facet: { category: 'event', span: span(p.date, p.endDate) } })),
    difficulty,
    explanation: `In order: ${dated.join('; ')}.`,
    sourceIds: [event, ...picked].flatMap(sourcesOf),
    eventIds: [event.id, ...picked.map((p) => p.id)],
    subjects: [event.id],
  };
}

/** How many of these events could be told apart by date: enough for three companions that do not overlap. */
function distinctSpans(events: Event[]): number {
  const taken: [string, string][] = [];
  for (const e of events) {
    const s = span(e.date, e.endDate);
    if (!taken.some((t) => overlaps(t, s))) taken.push(s);
  }
  return taken.length;
}
