import type { Event } from '../../content/schema.js';

/** The default types of what is said rather than done. */
const WORDS: ReadonlySet<string> = new Set(['statement', 'diplomacy', 'political']);
/** Closer than this, two events are told apart by counting from "yesterday", not by the story. */
const WORDS_APART_DAYS = 4;
/** A note that dates the report of a thing, not the thing ("the strike itself is not dated separately"). */
const DATED_BY_REPORT = /\bdate of the report\b|\bitself is not dated\b/i;

/**
 * Fighting that goes on around the day an article gives it: "clash again"
 * reads as the clash before. Shelling goes on longer still (below).
 */
const ONGOING_FIGHTING: ReadonlySet<string> = new Set(['clash']);
/**
 * Shelling reported on one weekend went on for days either side of it ("both
 * sides bombard each other's cities", 3–4 October, reads as the shelling of
 * cities since the war began on 27 September): a week is the least that
 * tells it apart.
 */
const SHELLING_APART_DAYS = 7;
/**
 * Leaders telephone each other again and again in a war's first weeks, and
 * a headline cannot say which call it means without its date: "Merkel
 * telephones Pashinyan" read to a review as a call five days earlier, which
 * put it before the martial law it followed. A week tells it apart.
 */
const CALL_APART_DAYS = 7;

/**
 * How many days apart it must be from another event to be ordered against
 * it, or 0 when its date is firm. Words are said before and after their
 * report, a thing dated only by its report happened some time before it,
 * and a war's fighting goes on around the day an article gives it.
 */
export function looseness(event: Event): number {
  if (event.type === 'shelling') return SHELLING_APART_DAYS;
  if (event.type === 'phone-call') return CALL_APART_DAYS;
  return WORDS.has(event.type) || ONGOING_FIGHTING.has(event.type) || DATED_BY_REPORT.test(event.dateNote ?? '')
    ? WORDS_APART_DAYS
    : 0;
}
