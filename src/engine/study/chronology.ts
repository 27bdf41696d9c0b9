import { daysBetween, overlaps, span } from '../../content/calendar.js';
import { formatWhen, precisionOf } from '../../content/dates.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Event } from '../../content/schema.js';
import { sourceLines } from '../attribution.js';
import { datingEvidence } from '../questions/evidence.js';
import { type Random, seededRandom } from '../questions/random.js';
import { eventInScope, type Scope } from '../questions/scope.js';
import type { Difficulty, Question } from '../questions/types.js';

export const CHRONOLOGY_SIZE = 4;
const PREFIX = 'chronology:';

/**
 * Events that can be put in order without a tie: dated to the day (a month
 * or a year overlaps too much) and not stretching over a span that could
 * overlap another.
 */
function orderable(pack: Pack, scope: Scope): Event[] {
  return pack.chronological.filter(
    (e) =>
      precisionOf(e.date) === 'day' &&
      (!e.endDate || (precisionOf(e.endDate) === 'day' && daysBetween(e.date, e.endDate) <= WIDEST_SPAN_DAYS)) &&
      eventInScope(pack, e, scope),
  );
}

/** A span wider than this bounds a date the sources do not give ("after the 2020 war"): it orders against little. */
const WIDEST_SPAN_DAYS = 14;

function spanOf(e: Event): [string, string] {
  return span(e.date, e.endDate);
}

/** Pairwise non-overlapping, distinct titles: exactly one right order. */
function compatible(chosen: readonly Event[], candidate: Event): boolean {
  return chosen.every(
    (c) => !overlaps(spanOf(c), spanOf(candidate)) && foldName(c.title) !== foldName(candidate.title),
  );
}

/** A chronology question over these events (any order given), options shuffled by `random`. */
export function chronologyQuestion(pack: Pack, events: readonly Event[], random: Random): Question {
  const sorted = [...events].sort((a, b) => spanOf(a)[0].localeCompare(spanOf(b)[0]));
  const shown = random.shuffle(sorted);
  const order = sorted.map((e) => shown.indexOf(e));
  const gaps = sorted.slice(1).map((e, i) => daysBetween(spanOf(sorted[i] as Event)[1], spanOf(e)[0]));
  const closest = Math.min(...gaps);
  const difficulty: Difficulty = closest <= 3 ? 'hard' : closest <= 30 ? 'medium' : 'easy';
  return {
    id: `${PREFIX}${sorted.map((e) => e.id).join('+')}`,
    kind: 'chronology',
    difficulty,
    prompt: `Put these ${events.length} events in order, earliest first.`,
    options: shown.map((e) => e.title),
    answer: order[0] as number,
    order,
    explanation: `In order: ${sorted.map((e, i) => `${i + 1}. ${formatWhen(e)}: ${e.title}`).join('; ')}.`,
    sources: sourceLines(
      pack,
      sorted.flatMap((e) => e.sources),
    ),
    evidence: datingEvidence(
      pack,
      sorted.map((e) => e.id),
    ),
    eventIds: sorted.map((e) => e.id),
  };
}

/**
 * Up to `count` chronology questions: each draws four events that cannot
 * tie, preferring events no earlier question used. The same pack, seed and
 * scope give the same questions.
 */
export function chronologyQuestions(pack: Pack, options: { count: number; seed: number; scope?: Scope }): Question[] {
  const random = seededRandom(options.seed);
  const pool = orderable(pack, options.scope ?? {});
  const used = new Set<string>();
  const ids = new Set<string>();
  const out: Question[] = [];
  for (let attempt = 0; out.length < options.count && attempt < options.count * 4; attempt++) {
    const fresh = random.shuffle(pool.filter((e) => !used.has(e.id)));
    const rest = random.shuffle(pool.filter((e) => used.has(e.id)));
    const chosen: Event[] = [];
    for (const candidate of [...fresh, ...rest]) {
      if (compatible(chosen, candidate)) chosen.push(candidate);
      if (chosen.length === CHRONOLOGY_SIZE) break;
    }
    // An unlucky first pick can leave too few events apart from it: draw again.
    if (chosen.length < CHRONOLOGY_SIZE) continue;
    const question = chronologyQuestion(pack, chosen, random);
    if (ids.has(question.id)) continue;
    ids.add(question.id);
    for (const e of chosen) used.add(e.id);
    out.push(question);
  }
  return out;
}

/** A chronology question rebuilt from its id, its events shown in another order. */
export function chronologyById(pack: Pack, id: string, seed: number): Question | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const events = id
    .slice(PREFIX.length)
    .split('+')
    .map((eventId) => pack.events.get(eventId));
  if (events.length < 2 || events.some((e) => !e)) return undefined;
  const list = events as Event[];
  if (list.some((e, i) => !compatible(list.slice(0, i), e))) return undefined;
  return chronologyQuestion(pack, list, seededRandom(seed));
}
