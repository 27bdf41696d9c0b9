import { overlaps, span } from '../../content/calendar.js';
import {
  type Dated,
  firstDay,
  formatDate,
  formatOngoing,
  formatSpan,
  formatWindow,
  isOngoing,
  isWindow,
  lastDay,
} from '../../content/dates.js';
import { readDate } from './read-date.js';
import { refuseUnreadable } from './refusals.js';
import type { Verdict } from './verdict.js';

/** "it was 27 September 2020", "it happened some time between 27 September and 1 October 2020". */
function describeWhen(when: Dated): string {
  if (isWindow(when)) {
    const window = formatWindow(when.date, when.endDate as string);
    return `it happened ${window.startsWith('some') ? window : `on ${window}`}`;
  }
  if (isOngoing(when)) return `it ran ${formatOngoing(when.date, when.endDate as string)}`;
  if (when.endDate && when.endDate !== when.date) return `it lasted ${formatSpan(when.date, when.endDate)}`;
  return `it was ${formatDate(when.date)}`;
}

/** Why an answer finer than the pack still counts in full. */
function whyAnyDay(when: Dated): string {
  if (when.endDate && when.endDate !== when.date) return `${describeWhen(when)}, so any day in it counts`;
  return `the pack gives only ${formatDate(when.date)}, so any day in it counts`;
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const said = notes.filter((n): n is string => n !== undefined);
  return said.length > 0 ? said.join('; ') : undefined;
}

function verdict(grade: Verdict['grade'], matched: string | undefined, ...notes: (string | undefined)[]): Verdict {
  const note = joinNotes(...notes);
  return { grade, ...(matched === undefined ? {} : { matched }), ...(note === undefined ? {} : { note }) };
}

/**
 * A typed date against when something happened, a pack date of any
 * precision or a span, window or ongoing stretch (see Dated). The answer
 * and the expectation are both read as the days they can mean:
 *
 * - exact when every day the answer can mean lies within the expected days:
 *   the day itself; any day of a month- or year-precision date (the pack knows
 *   no better); any day of a span, window or ongoing stretch (a window's day
 *   is unknown, so no day within it can be called wrong; a span was going on
 *   on each of its days). A question about a beginning passes only its start.
 * - partial when the answer's month overlaps the expected days: the right
 *   month without the day, or the right month with the wrong day.
 * - wrong otherwise, and for a year alone when the question wants more: the
 *   packs' events crowd into a year or two, so the year tells little.
 */
export function matchDate(when: Dated, typed: string): Verdict {
  const refused = refuseUnreadable(typed);
  if (refused) return refused;
  const read = readDate(typed);
  // A year question's hint names a year, not a day: "5" is no year; write it like 1999.
  if ('refused' in read)
    return verdict('wrong', undefined, when.date.length === 4 ? 'not a year; write it like 1999' : read.refused);

  const [from, to] = span(when.date, when.endDate);
  const t = read.date;
  const matched = formatDate(t);
  if (firstDay(t) >= from && lastDay(t) <= to) {
    const sameDays = firstDay(t) === from && lastDay(t) === to;
    return verdict('exact', matched, read.note, sameDays ? undefined : whyAnyDay(when));
  }
  if (t.length === 4) {
    const rightYear = t >= from.slice(0, 4) && t <= to.slice(0, 4);
    return verdict(
      'wrong',
      undefined,
      read.note,
      rightYear ? `the year alone is not enough: ${describeWhen(when)}` : undefined,
    );
  }
  const month = t.slice(0, 7);
  if (overlaps(span(month), [from, to])) {
    const what = t.length === 7 ? `${matched} is the right month, but the day is wanted` : 'right month, wrong day';
    return verdict('partial', matched, read.note, `partial: ${what}: ${describeWhen(when)}`);
  }
  return verdict('wrong', undefined, read.note);
}
