import type { Pack } from '../../content/pack.js';
import { textCache } from '../../content/text-cache.js';
import { mentions } from './finalize.js';
import { numbersIn, sameValue } from './numbers.js';
import type { Question } from './types.js';

const MONTH = /^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Names whose presence elsewhere tells this question's answer, found once per question: a game weighs every pair. */
const named = new WeakMap<Question, string[]>();
function answerNamesOf(pack: Pack, q: Question): string[] {
  let names = named.get(q);
  if (!names) {
    names = answerNames(pack, q).filter((n) => n.length >= 4);
    named.set(q, names);
  }
  return names;
}

/** Names whose presence elsewhere tells this question's answer: the place asked, or the people of the event asked. */
function answerNames(pack: Pack, q: Question): string[] {
  const names = (id: string) => {
    const entity = pack.actors.get(id) ?? pack.places.get(id);
    return entity ? [entity.name, ...entity.aliases] : [];
  };
  if (q.kind === 'place-country') return (q.subjects ?? []).flatMap(names);
  if (q.kind === 'which-first' || q.kind === 'event-date') {
    const event = pack.events.get(q.subjects?.[0] ?? q.eventIds[0] ?? '');
    if (!event) return [];
    // The people an event names place it ("Hashimov and Mirzaev killed" beside a quote of their deaths in July);
    // a country or region it names places nothing.
    return event.actors.filter((id) => pack.actors.get(id)?.kind === 'person').flatMap(names);
  }
  return [];
}

/** "3 October 2020" in "3 October 2020", "3–4 October 2020" or "2–3 October 2020". */
function dayIn(option: string, text: string): boolean {
  const day = dayPattern(option);
  // Every match ends in the month and year: most texts are ruled out without the pattern.
  return day ? text.includes(day.monthYear) && day.pattern.test(text) : text.includes(option);
}

/** Each date option's pattern, made once: a game sets every date question against every other question. */
const dayPattern = textCache(20_000, (option): { pattern: RegExp; monthYear: string } | null => {
  const m = /^(\d{1,2}) ([A-Z][a-z]+ \d{4})$/.exec(option);
  return m
    ? { pattern: new RegExp(`(?<!\\d)(${m[1]}(–\\d{1,2})?|\\d{1,2}–${m[1]}) ${m[2]}`), monthYear: ` ${m[2]}` }
    : null;
});

/**
 * Does the text date the answer, or enough of the other options to rule them
 * out? An order question's "In order: 2 October 2020: …; 3–4 October 2020:
 * …" read before "On what date was Ganja shelled?" does both.
 */
function datesShown(q: Question, text: string): boolean {
  const answer = q.options[q.answer] ?? '';
  if (dayIn(answer, text)) return true;
  return q.options.filter((o) => dayIn(o, text)).length >= 2;
}

/** The asked number standing in another question's text, and not as the day of a date ("4 October"). */
function printsNumber(q: Question, text: string): boolean {
  const value = q.facets?.[q.answer]?.value;
  if (q.kind !== 'figure' || value === undefined) return false;
  return numbersIn(text).some((n) => sameValue(n.value, value) && !MONTH.test(text.slice(n.end)));
}

const read = new WeakMap<Question, string>();
/**
 * The prompt and what its reveal shows (read before the next round), not
 * the options: every date question offers other questions' years, and gives
 * none away by it. Joined once per question; a game compares each pair.
 */
function readBeforeNext(q: Question): string {
  let text = read.get(q);
  if (text === undefined) {
    text = [q.prompt, q.explanation, ...(q.evidence ?? []).map((e) => e.excerpt)].join(' ');
    read.set(q, text);
  }
  return text;
}

/**
 * Does `other`, shown in the same game, give away `q`'s answer? Its prompt
 * or reveal prints the number asked, dates the day asked (or its other
 * days), names the place whose country is asked or the people of the event
 * asked about; or both are True/False on one speaker's words, or the two
 * sides' accounts of one fight; or the two ask
 * measures of one thing (related claims), whose options then meet at the
 * answer.
 */
export function givesAway(pack: Pack, q: Question, other: Question): boolean {
  const text = readBeforeNext(other);
  if (printsNumber(q, text)) return true;
  if (q.kind === 'event-date' && datesShown(q, text)) return true;
  const names = answerNamesOf(pack, q);
  if (names.length && mentions(text, names)) return true;
  // Two True/False questions on words of one speaker: the first's reveal names who said the second's.
  const speaker = (id: string) => pack.quotes.get(id)?.speaker ?? pack.claims.get(id)?.statedBy;
  const mine = speaker(q.subjects?.[0] ?? '');
  if (q.kind === 'true-false' && other.kind === 'true-false' && mine && mine === speaker(other.subjects?.[0] ?? ''))
    return true;
  // Two sides' accounts of one fight: each reveal ends on the other side's account.
  if (
    q.kind === 'whose-account' &&
    other.kind === 'whose-account' &&
    q.eventIds.some((id) => other.eventIds.includes(id))
  )
    return true;
  const claim = pack.claims.get(q.subjects?.[0] ?? '');
  const theirs = other.subjects?.[0] ?? '';
  return Boolean(claim && (claim.related.includes(theirs) || pack.claims.get(theirs)?.related.includes(claim.id)));
}

/** Either question of the pair gives the other away. */
export function leaks(pack: Pack, a: Question, b: Question): boolean {
  return givesAway(pack, a, b) || givesAway(pack, b, a);
}
