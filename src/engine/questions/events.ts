import { formatSpan, MONTH_NAMES, precisionOf } from '../../content/dates.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Event, Place } from '../../content/schema.js';
import { ancestry } from '../topics.js';
import { addDays, addMonths, daysBetween, monthsBetween, overlaps, span } from './calendar.js';
import { entityOption, mentions } from './finalize.js';
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

function placesOf(pack: Pack, event: Event): string {
  return event.places.map((id) => pack.nameOf(id)).join(', ');
}

function sourcesOf(event: Event): string[] {
  return event.sources;
}

/** event → date: four dates in an even progression, so the answer's position says nothing. */
export function eventDate(pack: Pack, event: Event, random: Random): Draft | undefined {
  const precision = precisionOf(event.date);
  if (precision === 'year' || titleNamesDate(event)) return undefined;
  if (event.endDate && precisionOf(event.endDate) !== precision) return undefined;
  // A wrong span must not touch the right one, so the step exceeds the span's own length.
  const length = !event.endDate
    ? 0
    : precision === 'day'
      ? daysBetween(event.date, event.endDate)
      : monthsBetween(event.date, event.endDate);
  const tiers: Record<Difficulty, number[]> =
    precision === 'day'
      ? { hard: [1, 2], medium: [3, 5, 7], easy: [14, 21, 30] }
      : { hard: [1], medium: [2, 3], easy: [4, 6] };
  const difficulty = random.pick<Difficulty>(['easy', 'medium', 'hard']);
  const step = Math.max(random.pick(tiers[difficulty]), length + 1);
  const position = random.int(4);
  const others = lookalikes(pack, event).map((e) => span(e.date, e.endDate));
  const distractors: Option[] = [];
  for (let i = 0; i < 4; i++) {
    if (i === position) continue;
    const shift = (i - position) * step;
    const start = precision === 'day' ? addDays(event.date, shift) : addMonths(event.date, shift);
    const end = event.endDate
      ? precision === 'day'
        ? addDays(event.endDate, shift)
        : addMonths(event.endDate, shift)
      : undefined;
    // A date on which a lookalike event happened would be a second right answer.
    if (others.some((o) => overlaps(o, span(start, end)))) return undefined;
    distractors.push({ text: formatSpan(start, end) });
  }
  const places = placesOf(pack, event);
  const note = event.dateNote ? ` (${event.dateNote})` : '';
  return {
    kind: 'event-date',
    subject: event.id,
    prompt: `When did this happen, as the sources date it? “${event.title}”${places ? ` (${places})` : ''}`,
    correct: { text: formatSpan(event.date, event.endDate) },
    distractors,
    difficulty,
    explanation: `${event.title}: ${formatSpan(event.date, event.endDate)}${note}. ${event.summary}`,
    sourceIds: sourcesOf(event),
    eventIds: [event.id],
  };
}

/**
 * Places compared like with like: a district with districts, a town with
 * towns and cities. A larger area as a wrong answer ("South Caucasus" for a
 * district) could also be right, and the pack does not always say what
 * contains what.
 */
function levelOf(place: Place): string {
  return ['city', 'town', 'village'].includes(place.kind) ? 'settlement' : place.kind;
}

function kilometres(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** event → place: only events with one place whose title does not name it. */
export function eventPlace(pack: Pack, event: Event, random: Random): Draft | undefined {
  // A year is too coarse a date to pin down "where" (a war fought over years had more than one front).
  if (event.places.length !== 1 || precisionOf(event.date) === 'year') return undefined;
  const place = pack.places.get(event.places[0] as string);
  if (!place || place.kind === 'country' || mentions(`${event.title}`, [place.name, ...place.aliases]))
    return undefined;
  const level = levelOf(place);
  const around = ancestry(pack, place.id);
  const when = span(event.date, event.endDate);
  // Places where a same-type event happened at the same time would also be right.
  const busy = new Set(
    lookalikes(pack, event)
      .filter((e) => overlaps(span(e.date, e.endDate), when))
      .flatMap((e) => e.places),
  );
  const candidates = [...pack.places.values()].filter(
    (p) =>
      p.id !== place.id &&
      levelOf(p) === level &&
      !around.has(p.id) &&
      !ancestry(pack, p.id).has(place.id) &&
      !busy.has(p.id) &&
      !mentions(event.title, [p.name, ...p.aliases]),
  );
  if (candidates.length < 3) return undefined;
  const ranked = candidates
    .map((p) => ({ p, km: kilometres(place, p), sameCountry: p.country === place.country }))
    .sort((a, b) => Number(b.sameCountry) - Number(a.sameCountry) || a.km - b.km || a.p.id.localeCompare(b.p.id));
  const chosen = random.shuffle(ranked.slice(0, 5)).slice(0, 3);
  const meanKm = chosen.reduce((sum, c) => sum + c.km, 0) / chosen.length;
  const difficulty: Difficulty = meanKm < 80 ? 'hard' : meanKm < 250 ? 'medium' : 'easy';
  return {
    kind: 'event-place',
    subject: event.id,
    prompt: `Where did this happen, ${onDate(event.date, event.endDate)}? “${event.title}”`,
    correct: entityOption(place),
    distractors: chosen.map((c) => entityOption(c.p)),
    difficulty,
    explanation: `${event.title} (${formatSpan(event.date, event.endDate)}) took place at ${place.name}${place.aliases.length ? ` (also written ${place.aliases.join(', ')})` : ''}. ${event.summary}`,
    sourceIds: sourcesOf(event),
    eventIds: [event.id],
  };
}

/** Which happened first: four events whose dates cannot overlap, whatever their precision. */
export function whichFirst(pack: Pack, event: Event, random: Random, index: number): Draft | undefined {
  if (precisionOf(event.date) === 'year' || titleNamesDate(event)) return undefined;
  const mine = span(event.date, event.endDate);
  const later = pack.chronological
    .slice(index + 1, index + 40)
    .filter((e) => precisionOf(e.date) !== 'year' && !titleNamesDate(e) && span(e.date, e.endDate)[0] > mine[1]);
  const picked: Event[] = [];
  // Two options that read alike ("Macron telephones ..." / "Macron contacts ...") would only confuse.
  const alike = new Set(lookalikes(pack, event).map((e) => e.id));
  for (const candidate of random.shuffle(later.slice(0, 12))) {
    if (alike.has(candidate.id)) continue;
    const s = span(candidate.date, candidate.endDate);
    if (picked.some((p) => overlaps(span(p.date, p.endDate), s))) continue;
    if (picked.some((p) => foldName(p.title) === foldName(candidate.title))) continue;
    picked.push(candidate);
    for (const e of lookalikes(pack, candidate)) alike.add(e.id);
    if (picked.length === 3) break;
  }
  if (picked.length < 3) return undefined;
  const gap = Math.min(...picked.map((p) => daysBetween(mine[1], span(p.date, p.endDate)[0])));
  const difficulty: Difficulty = gap <= 3 ? 'hard' : gap <= 30 ? 'medium' : 'easy';
  const dated = [event, ...picked]
    .sort((a, b) => span(a.date, a.endDate)[0].localeCompare(span(b.date, b.endDate)[0]))
    .map((e) => `${formatSpan(e.date, e.endDate)}: ${e.title}`);
  return {
    kind: 'which-first',
    subject: event.id,
    prompt: 'Which of these happened first?',
    correct: { text: event.title },
    distractors: picked.map((p) => ({ text: p.title })),
    difficulty,
    explanation: `In order: ${dated.join('; ')}.`,
    sourceIds: [event, ...picked].flatMap(sourcesOf),
    eventIds: [event.id, ...picked.map((p) => p.id)],
  };
}
