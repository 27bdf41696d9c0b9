import { addDays, daysBetween, overlaps, span } from '../../content/calendar.js';
import {
  formatSpan,
  formatWhen,
  isOngoing,
  noteLeavesDateOpen,
  type Precision,
  precisionOf,
} from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import { pushTo } from '../../content/push-to.js';
import type { Event } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { contextOnly } from './context-only.js';
import { lookalikes, summaryDated, titleNamesDate } from './events.js';
import { mentions } from './finalize.js';
import { anyStandsOut } from './form.js';
import { looseness } from './looseness.js';
import { eventWeight } from './salience.js';
import { storyRole } from './story-roles.js';
import { type Declined, type Difficulty, type Draft, decline, type Option } from './types.js';

/** "Large-scale fighting breaks out": set against dates of what followed, the earliest answers it unread. */
export function saysItBegins(event: Event): boolean {
  return /\b(begins?|breaks? out|outbreak|first)\b/i.test(event.title);
}

/**
 * The date an event is asked at. A span ("some time between 12 and 17 July
 * 2020") is how the curator bounds an uncertain date, not a duration: set
 * against single dates it would read as one. Where both bounds fall in one
 * month, the month is certain though the day is not, so it is asked by its
 * month. A span across months, or fighting still going on at its last
 * report, is not asked.
 */
export function askedDate(event: Event): string | undefined {
  if (!event.endDate) return event.date;
  if (isOngoing(event) || event.date.length !== 10) return undefined;
  // Loose by its kind: words said around their report, shelling that went on for days either side of the
  // weekend an article gives it ("bombard each other's cities", 3–4 October, since the war began in September).
  const [from, to] = span(event.date, event.endDate);
  const loose = looseness(event);
  const month = from.slice(0, 7);
  return addDays(from, -loose).startsWith(month) && addDays(to, loose).startsWith(month) ? month : undefined;
}

/**
 * An event the sources date to one day, month or year, or bound within one
 * month. A note that leaves a single date open ("undated; reported on 28
 * September") makes the date a bound, not when it happened.
 */
export function dateAskable(event: Event): boolean {
  const at = askedDate(event);
  return (
    at !== undefined &&
    !event.dateNotAsked &&
    !(precisionOf(at) === 'day' && storyRole(event) === 'words') &&
    !contextOnly(event) &&
    !titleNamesDate(event) &&
    !saysItBegins(event) &&
    (event.endDate !== undefined || !noteLeavesDateOpen(event.dateNote))
  );
}

/**
 * The dates some event is asked for, per precision, in order. Options are
 * drawn only from these, so every date offered is the right answer of
 * another question: a player who has seen the pool cannot rule one out for
 * never being right.
 */
const askedDates = packCache((pack, precision: Precision) =>
  [
    ...new Set(
      pack.chronological
        .filter((e) => dateAskable(e) && precisionOf(askedDate(e) as string) === precision)
        .map((e) => askedDate(e) as string),
    ),
  ].sort(),
);

/** The asked dates of each year, in order: an event's options come from its own year, not the whole pack's. */
const askedByYear = packCache((pack, precision: Precision) => {
  const out = new Map<string, string[]>();
  for (const date of askedDates(pack, precision)) {
    pushTo(out, date.slice(0, 4), date);
  }
  return out;
});

/**
 * The positions of the dates (of one precision, in order) that any of the spans overlaps. The dates a
 * span overlaps stand together, so each span is found by a binary search, not set against every date of
 * the year: a busy place's lookalikes are a hundred spans.
 */
function datesWithin(dates: readonly string[], spans: readonly [string, string][]): Set<number> {
  const out = new Set<number>();
  for (const o of spans) {
    let [lo, hi] = [0, dates.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (span(dates[mid] as string)[1] < o[0]) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < dates.length && overlaps(o, span(dates[i] as string)); i++) out.add(i);
  }
  return out;
}

/** The longest span a lookalike may have and still claim the days in it. */
const MAX_LOOKALIKE_DAYS = 7;

const ASK: Record<Precision, string> = { day: 'On what date', month: 'In what month', year: 'In what year' };

/** The runs an event's date could be asked in: consecutive asked dates, none standing out by form. */

function runsFor(pack: Pack, event: Event): string[][] {
  const asked = askedDate(event) as string;
  const precision = precisionOf(asked);
  // A date on which a lookalike event happened would be a second right answer. A lookalike
  // that spans weeks (the war as a whole) names no day of its own, so it rules none out.
  const alike = lookalikes(pack, event)
    .map((e) => span(e.date, e.endDate))
    .filter(([from, to]) => daysBetween(from, to) <= MAX_LOOKALIKE_DAYS);
  // Days of 2020 beside days of 2022: whoever knows which war it was would halve the options by the year.
  const era =
    precision === 'year' ? askedDates(pack, precision) : (askedByYear(pack, precision).get(asked.slice(0, 4)) ?? []);
  const taken = datesWithin(era, alike);
  const dates = era.filter((d, i) => d === asked || !taken.has(i));
  const size = Math.min(4, dates.length);
  if (size < 3) return [];
  const at = dates.indexOf(asked);
  return Array.from({ length: size }, (_, p) => at - p)
    .filter((s) => s >= 0 && s + size <= dates.length)
    .map((s) => dates.slice(s, s + size))
    .filter((run) => !anyStandsOut(run.map((d) => formatSpan(d))));
}

/**
 * Every event's run of dates, chosen for the whole pack at once. The first
 * and last asked dates can only be the earliest and latest of their run;
 * the others are placed so that, over the pool, the answer is the earliest,
 * the latest or between them as often as chance has it.
 */
/** The most questions one date answers. */
const MOST_PER_DATE = 2;

const datePlan = packCache((pack, _: 'all') => {
  const options = pack.chronological
    .filter(dateAskable)
    .map((event) => ({ event, runs: runsFor(pack, event) }))
    .filter((o) => o.runs.length > 0)
    .sort((a, b) => a.runs.length - b.runs.length);
  const byRank = new Map<string, number>();
  const plan = new Map<string, string[]>();
  const perDate = new Map<string, number>();
  // The pack's weightiest events of a day first: a day that answers more than two questions is itself a
  // thing a player learns to pick ("3 October 2020" right again), so the lightest beyond two are not asked.
  const byWeight = [...options].sort((a, b) => eventWeight(pack, b.event) - eventWeight(pack, a.event));
  const kept = new Set(
    byWeight
      .filter(({ event }) => {
        const n = perDate.get(askedDate(event) as string) ?? 0;
        perDate.set(askedDate(event) as string, n + 1);
        return n < MOST_PER_DATE;
      })
      .map((o) => o.event.id),
  );
  for (const { event, runs } of options.filter((o) => kept.has(o.event.id))) {
    const key = (run: string[]) => `${run.length}:${run.indexOf(askedDate(event) as string)}`;
    const run = runs.reduce((best, r) => ((byRank.get(key(r)) ?? 0) < (byRank.get(key(best)) ?? 0) ? r : best));
    byRank.set(key(run), (byRank.get(key(run)) ?? 0) + 1);
    plan.set(event.id, run);
  }
  return plan;
});

/**
 * event → date, against three neighbouring dates on which other events
 * happened: a run of consecutive asked dates, the answer's place in it
 * set by the pack-wide plan.
 */
export function eventDate(pack: Pack, event: Event): Draft | Declined {
  const context = contextOnly(event);
  if (context) return decline(context);
  if (event.dateNotAsked) return decline(`the curator does not ask its date: ${event.dateNotAsked}`);
  const asked = askedDate(event);
  if (asked === undefined)
    return decline(
      isOngoing(event)
        ? 'it was still going on at its last report, so it has no one date to ask'
        : 'its date is a span, the bounds of an uncertain date, not set against single days, and it may reach into another month',
    );
  // "On what date did the 173 French lawmakers appeal?" among 30 September, 2 and 3 October tests counting back from
  // an article's "yesterday", not the story: a review faulted four such questions as trivia.
  if (precisionOf(asked) === 'day' && storyRole(event) === 'words')
    return decline('the day of words said or reported tests counting from an article’s “yesterday”, not the story');
  if (titleNamesDate(event)) return decline('its title gives its date away');
  if (saysItBegins(event))
    return decline('its title says it is a beginning: among later dates of its story, the earliest');
  if (!event.endDate && noteLeavesDateOpen(event.dateNote))
    return decline('the articles leave its date open; the date given is the curator’s bound');
  const run = datePlan(pack, 'all').get(event.id);
  if (!run)
    return decline(
      'too few other dates of its precision to set against it without a lookalike’s date or one standing out',
    );

  const precision = precisionOf(asked);
  const options: Option[] = run.map((d) => ({
    text: formatSpan(d),
    facet: { category: `date:${precision}`, span: span(d) },
  }));
  const correct = options[run.indexOf(asked)] as Option;
  const width = daysBetween(span(run[0] as string)[0], span(run.at(-1) as string)[1]);
  const difficulty: Difficulty = width <= 14 ? 'hard' : width <= 120 ? 'medium' : 'easy';
  // A bracketed name reads as a place only for a town, district or province; "(Line of contact)" reads as a label.
  const places = event.places
    .filter((id) => ['city', 'town', 'village', 'district', 'province'].includes(pack.places.get(id)?.kind ?? ''))
    .map((id) => pack.nameOf(id));
  // "Ganja shelled (Ganja)" says nothing: places the title names are left out.
  const unnamed = places.filter((p) => !mentions(event.title, [p]));
  // Asked by its month, a place names the episode (Tovuz: July 2020), and the episode the answer.
  const where = precision !== 'month' && unnamed.length > 0 && unnamed.length <= 2 ? ` (${unnamed.join(' and ')})` : '';
  // A month is the curator's reading of the articles' bounds, not a date they print.
  const bound = precision === 'month' && event.endDate;
  return {
    kind: 'event-date',
    subject: event.id,
    prompt: event.whenAsked
      ? `${ASK[precision]} ${event.whenAsked.trim().replace(/[.?]$/, '')}, ${bound ? 'going by' : 'according to'} the articles?`
      : `${ASK[precision]} did this happen, ${bound ? 'going by the articles' : 'as the sources date it'}? ${event.title}${where}.`,
    correct,
    distractors: options.filter((o) => o !== correct),
    difficulty,
    // "Title: 2010." before a summary that says it again read as a template to a review, and "Date: 2019,
    // from 'last year' in …" as a working note: the evidence beside the reveal shows how a relative date reads.
    explanation: summaryDated(event, formatWhen(event)),
    sourceIds: event.sources,
    eventIds: [event.id],
  };
}
