import { distance } from 'fastest-levenshtein';
import { overlaps, span } from './calendar.js';
import { categoriesOf } from './categories.js';
import { checkAccounts } from './check-accounts.js';
import { checkContextFollowsEvent, checkShortQuotesKeptAsContext } from './check-context.js';
import { checkDatesShown, checkEventNames, checkOpenings, checkQuoteTexts, checkSpeakers } from './check-excerpts.js';
import type { Named, Report, Segment } from './check-types.js';
import { firstDay, lastDay, namesDate } from './dates.js';
import type { ContentProblem } from './errors.js';
import { foldName } from './normalize.js';
import type { Origin } from './origins.js';
import type { PackData } from './pack.js';

type Target = 'source' | 'actor' | 'state' | 'place' | 'thing' | 'event' | 'claim' | 'fact' | 'episode';

/** Which fields hold ids, and what they must point at. `[]` marks a list. */
const REFERENCES: Record<string, [string, Target[]][]> = {
  sources: [['byline[]', ['actor']]],
  actors: [
    ['country', ['state']],
    ['partOf', ['actor']],
    ['roles[].of', ['actor']],
    ['roles[].source', ['source']],
  ],
  places: [
    ['country', ['state']],
    ['in', ['place']],
  ],
  things: [['makerCountry', ['state']]],
  events: [
    ['episode', ['episode']],
    ['places[]', ['place']],
    ['actors[]', ['actor']],
    ['things[]', ['thing']],
    ['sources[]', ['source']],
    ['evidence[].source', ['source']],
  ],
  claims: [
    ['statedBy', ['actor']],
    ['event', ['event']],
    ['about[]', ['actor', 'place', 'thing', 'event']],
    ['opposes[]', ['claim']],
    ['related[]', ['claim', 'fact']],
    ['source', ['source']],
  ],
  quotes: [
    ['speaker', ['actor']],
    ['relays', ['actor']],
    ['event', ['event']],
    ['source', ['source']],
  ],
  facts: [
    ['about[]', ['actor', 'place', 'thing', 'event']],
    ['event', ['event']],
    ['related[]', ['claim', 'fact']],
    ['source', ['source']],
  ],
};

const TARGET_NAME: Record<Target, string> = {
  source: 'source',
  actor: 'actor',
  state: 'state actor',
  place: 'place',
  thing: 'thing',
  event: 'event',
  claim: 'claim',
  fact: 'fact',
  episode: 'episode',
};

type Item = { id: string } & Record<string, unknown>;
type OriginOf = (item: object) => Origin | undefined;

/** A field path split once: `roles[].of` → [{key: roles, list}, {key: of}]. */
type Step = { key: string; list: boolean };
const compiled = new Map<string, Step[]>();
function stepsOf(field: string): Step[] {
  let steps = compiled.get(field);
  if (!steps) {
    steps = field.split('.').map((part) => ({ key: part.replace('[]', ''), list: part.endsWith('[]') }));
    compiled.set(field, steps);
  }
  return steps;
}

/**
 * Calls `visit` with every id a field holds and the sub-path that leads to
 * it. The path is one array, pushed and popped on the way: a large pack has
 * hundreds of thousands of ids and nearly all are fine, so `visit` copies it
 * only for an id it reports.
 */
function eachId(
  item: Record<string, unknown>,
  steps: Step[],
  visit: (value: string, at: Segment[]) => void,
  depth = 0,
  at: Segment[] = [],
): void {
  const step = steps[depth];
  if (!step) return;
  const value = item[step.key];
  if (value === undefined) return;
  const last = depth === steps.length - 1;
  at.push(step.key);
  if (!step.list) {
    if (last) {
      if (typeof value === 'string') visit(value, at);
    } else eachId(value as Record<string, unknown>, steps, visit, depth + 1, at);
  } else {
    (value as unknown[]).forEach((element, index) => {
      at.push(index);
      if (last) {
        if (typeof element === 'string') visit(element, at);
      } else eachId(element as Record<string, unknown>, steps, visit, depth + 1, at);
      at.pop();
    });
  }
  at.pop();
}

export function suggest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(wanted, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** Cross-file rules zod cannot see: unknown and duplicate ids, date order, alias clashes. */
export function checkReferences(pack: PackData, originOf: OriginOf): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (item: object, at: Segment[], message: string) => {
    const origin = originOf(item);
    const sub = at.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
    problems.push({
      file: origin?.file ?? '(unknown file)',
      line: origin?.line(at) ?? 0,
      path: `${origin?.path ?? ''}${sub}`,
      message,
    });
  };

  const ids: Record<Target, Set<string>> = {
    source: new Set(),
    actor: new Set(),
    state: new Set(),
    place: new Set(),
    thing: new Set(),
    event: new Set(),
    claim: new Set(),
    fact: new Set(),
    episode: new Set(),
  };
  const collections: [keyof typeof REFERENCES, Target | undefined][] = [
    ['sources', 'source'],
    ['actors', 'actor'],
    ['places', 'place'],
    ['things', 'thing'],
    ['events', 'event'],
    ['claims', 'claim'],
    ['quotes', undefined],
    ['facts', 'fact'],
  ];

  // Claims, quotes and facts share one namespace so `/event` and reports can name any of them.
  const statementIds = new Map<string, string>();
  for (const [name, target] of collections) {
    const seen = new Map<string, object>();
    const statements = ['claims', 'quotes', 'facts'].includes(name);
    for (const item of pack[name as keyof PackData] as Item[]) {
      const first = seen.get(item.id);
      const shared = statements ? statementIds.get(item.id) : undefined;
      if (first) {
        const o = originOf(first);
        report(item, ['id'], `duplicate id "${item.id}" (first declared at ${o?.file}:${o?.line()})`);
      } else if (shared) {
        report(item, ['id'], `duplicate id "${item.id}" (already used by one of the ${shared})`);
      }
      seen.set(item.id, item);
      if (statements) statementIds.set(item.id, name);
      if (target) ids[target].add(item.id);
    }
  }
  for (const actor of pack.actors) if (actor.kind === 'state') ids.state.add(actor.id);
  const episodeSeen = new Set<string>();
  pack.meta.episodes.forEach((episode, index) => {
    if (episodeSeen.has(episode.id))
      problems.push(metaProblem(pack, originOf, index, `duplicate episode id "${episode.id}"`));
    episodeSeen.add(episode.id);
    ids.episode.add(episode.id);
    // By the days each can mean: an episode from 27 September 2020 may end "2020".
    if (episode.end && lastDay(episode.end) < firstDay(episode.start)) {
      problems.push(metaProblem(pack, originOf, index, `ends (${episode.end}) before it starts (${episode.start})`));
    }
  });

  // One visitor for every field, reading the item and targets being checked, rather than a closure per id.
  let item: Item = { id: '' };
  let targets: Target[] = [];
  const visit = (value: string, path: Segment[]) => {
    for (const t of targets) if (ids[t].has(value)) return;
    const at = [...path];
    const kinds = targets.map((t) => TARGET_NAME[t]).join(' or ');
    const wrongKind = targets.includes('state') && ids.actor.has(value);
    if (wrongKind) {
      report(item, at, `"${value}" is an actor but not a state; expected a state actor`);
      return;
    }
    const pool = targets.flatMap((t) => [...ids[t]]);
    const hint = suggest(value, pool);
    report(item, at, `unknown ${kinds} "${value}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  };
  for (const [name, rules] of Object.entries(REFERENCES)) {
    const compiledRules = rules.map(([field, to]) => ({ steps: stepsOf(field), to }));
    for (item of pack[name as keyof PackData] as Item[]) {
      for (const rule of compiledRules) {
        targets = rule.to;
        eachId(item, rule.steps, visit);
      }
    }
  }

  checkDates(pack, report);
  checkAliases(pack, report);
  checkEpisodes(pack, report);
  checkCategories(pack, report);
  checkCoordinates(pack, report);
  checkEventTitles(pack, report);
  checkWhenAsked(pack, report);
  checkQuoteTexts(pack, report);
  checkOpenings(pack, report);
  checkSpeakers(pack, report);
  checkDatesShown(pack, report);
  checkEventNames(pack, report);
  checkContextFollowsEvent(pack, report);
  checkShortQuotesKeptAsContext(pack, report);
  checkAccounts(pack, report);
  return problems;
}

/** A title names its event in quiz prompts, so two events with one title make a question with two answers. */
function checkEventTitles(pack: PackData, report: Report): void {
  const first = new Map<string, string>();
  for (const event of pack.events) {
    const key = foldName(event.title);
    const other = first.get(key);
    if (other)
      report(event, ['title'], `"${event.title}" is also the title of event "${other}"; titles must tell events apart`);
    else first.set(key, event.id);
  }
}

/**
 * `whenAsked` follows "In what year" or "On what date" in a question, so it opens with its verb and
 * gives no date away: "did Turkey and Azerbaijan make a mutual-defence pact".
 */
function checkWhenAsked(pack: PackData, report: Report): void {
  for (const event of pack.events) {
    const asked = event.whenAsked?.trim();
    if (asked === undefined) continue;
    if (!/^(did|was|were|had|has|have|is|are) /.test(asked))
      report(event, ['whenAsked'], `"${asked}" must read on from "In what year": start it with "did", "was" or "were"`);
    if (namesDate(asked)) report(event, ['whenAsked'], `"${asked}" names a year or a month: it gives the answer away`);
  }
}

function metaProblem(pack: PackData, originOf: OriginOf, index: number, message: string): ContentProblem {
  const origin = originOf(pack.meta);
  return {
    file: origin?.file ?? 'pack.yaml',
    line: origin?.line(['episodes', index]) ?? 0,
    path: `pack.episodes[${index}]`,
    message,
  };
}

function checkDates(pack: PackData, report: Report): void {
  const sourceDate = new Map(pack.sources.map((s) => [s.id, s.republished?.date ?? s.date]));
  const spans: { date?: string; endDate?: string }[] = [...pack.events, ...pack.facts];
  for (const item of spans) {
    if (item.date && item.endDate && lastDay(item.endDate) < firstDay(item.date)) {
      report(item, ['endDate'], `ends (${item.endDate}) before it starts (${item.date})`);
    }
  }
  for (const actor of pack.actors) {
    actor.roles.forEach((role, index) => {
      if (role.from && role.to && lastDay(role.to) < firstDay(role.from)) {
        report(actor, ['roles', index, 'to'], `role ends (${role.to}) before it starts (${role.from})`);
      }
    });
  }
  // A statement cannot be dated after the article that reports it.
  const afterSource = (item: object, field: string, date: string, source: string) => {
    const published = sourceDate.get(source);
    if (published && firstDay(date) > lastDay(published)) {
      report(item, [field], `${date} is after its source "${source}" was published (${published})`);
    }
  };
  for (const claim of pack.claims) afterSource(claim, 'asOf', claim.asOf, claim.source);
  for (const quote of pack.quotes) afterSource(quote, 'date', quote.date, quote.source);
  // Words only known to have been printed carry the day they were printed, never a guess at when they were said.
  const sourceById = new Map(pack.sources.map((s) => [s.id, s]));
  for (const quote of pack.quotes) {
    const source = sourceById.get(quote.source);
    if (quote.dated === 'reported' && source && ![source.date, source.republished?.date].includes(quote.date))
      report(quote, ['date'], `a reported quote carries its article's date (${source.date}), not ${quote.date}`);
  }
  for (const event of pack.events) {
    // An end date says either how long it lasted or the bounds of when it happened; the reader must be told which.
    if (event.endDate && event.endDate !== event.date && !event.dateKind)
      report(
        event,
        ['dateKind'],
        'an event with an end date says whether it is a span (it lasted), a window (it happened once, some time between) or ongoing (it began on date and was still going on endDate)',
      );
    event.evidence.forEach((e, i) => {
      if (!event.sources.includes(e.source))
        report(event, ['evidence', i, 'source'], `evidence from "${e.source}", which is not in the event's sources`);
    });
  }
}

/** A state and the country that is its territory may share a name: "Armenia" the actor and "Armenia" the place. */
function territoryOf(a: { type: string; item: Named }, b: { type: string; item: Named }): boolean {
  const [actor, place] = a.type === 'actor' ? [a, b] : [b, a];
  return (
    actor.type === 'actor' &&
    place.type === 'place' &&
    actor.item.kind === 'state' &&
    place.item.kind === 'country' &&
    place.item.country === actor.item.id
  );
}

/**
 * A name or alias finds one entity: unique among actors, places and things
 * alike (folded, so "Füzuli" and "FUZULI" clash), except a state and its own
 * country, which the reader means by the same word.
 */
function checkAliases(pack: PackData, report: Report): void {
  const owner = new Map<string, { type: string; item: Named }>();
  const collections = [
    ['actor', pack.actors],
    ['place', pack.places],
    ['thing', pack.things],
  ] as const;
  for (const [type, items] of collections) {
    for (const item of items as readonly Named[]) {
      const labels = [item.name, ...item.aliases];
      const mine = new Set<string>();
      labels.forEach((label, index) => {
        const key = foldName(label);
        if (!key || mine.has(key)) return;
        mine.add(key);
        const other = owner.get(key);
        const me = { type, item };
        if (!other) owner.set(key, me);
        else if (other.item !== item && !territoryOf(other, me)) {
          const at = index === 0 ? ['name'] : ['aliases', index - 1];
          report(
            item,
            at,
            `"${label}" is also a name or alias of ${other.type} "${other.item.id}"; a name must find one actor, place or thing`,
          );
        }
      });
    }
  }
}

/**
 * An event sits in its episode: a day or a span within the episode's dates;
 * a window, whose dates are only the bounds the articles allow, at least
 * reaching into it.
 */
function checkEpisodes(pack: PackData, report: Report): void {
  const episodes = new Map(pack.meta.episodes.map((e) => [e.id, e]));
  for (const event of pack.events) {
    const episode = episodes.get(event.episode);
    if (!episode) continue;
    const from = firstDay(episode.start);
    const to = episode.end ? lastDay(episode.end) : '9999-12-31';
    const range = `${episode.start}${episode.end ? ` to ${episode.end}` : ' onwards'}`;
    if (event.dateKind === 'window') {
      if (!overlaps(span(event.date, event.endDate), [from, to]))
        report(
          event,
          ['date'],
          `some time between ${event.date} and ${event.endDate} never touches its episode "${episode.id}" (${range})`,
        );
      continue;
    }
    // A date known to the month or year is any of its days: one of them must fall in the episode.
    const startsOutside = !overlaps(span(event.date), [from, to]);
    if (startsOutside || (event.endDate !== undefined && firstDay(event.endDate) > to)) {
      const when = event.endDate ? `${event.date} to ${event.endDate}` : event.date;
      report(
        event,
        ['date'],
        `${when} is outside its episode "${episode.id}" (${range}); move it to the episode it belongs to, or widen the episode`,
      );
    }
  }
}

/** Every event type is listed in exactly one category, the pack's own or the defaults. */
function checkCategories(pack: PackData, report: Report): void {
  const categories = categoriesOf(pack.meta);
  const home = new Map<string, string>();
  const colours = new Map<string, string>();
  for (const category of categories) {
    const at = ['categories', category.index];
    const other = colours.get(category.colour);
    if (other)
      report(
        pack.meta,
        [...at, 'colour'],
        `category "${category.id}" has the colour of "${other}"; each needs its own`,
      );
    colours.set(category.colour, category.id);
    for (const type of category.types) {
      const first = home.get(type);
      if (first) report(pack.meta, at, `event type "${type}" is in both "${first}" and "${category.id}"`);
      else home.set(type, category.id);
    }
  }
  const declared = pack.meta.categories
    ? "the pack's categories"
    : 'the default categories (add `categories` to pack.yaml for your own)';
  for (const event of pack.events) {
    if (home.has(event.type)) continue;
    const hint = suggest(event.type, home.keys());
    report(
      event,
      ['type'],
      `event type "${event.type}" is in none of ${declared}${hint ? `; did you mean "${hint}"?` : ''}`,
    );
  }
}

/** A position is a pair: a latitude alone places nothing, and a precision needs a position to qualify. */
function checkCoordinates(pack: PackData, report: Report): void {
  for (const place of pack.places) {
    if ((place.lat === undefined) !== (place.lon === undefined))
      report(
        place,
        [place.lat === undefined ? 'lon' : 'lat'],
        'give both lat and lon, or neither for a place the articles do not locate',
      );
    else if (place.lat !== undefined && place.precision === undefined)
      report(place, ['precision'], 'say how precise lat/lon are: exact, settlement, region or approximate');
    else if (place.lat === undefined && place.precision !== undefined)
      report(place, ['precision'], 'a precision qualifies lat/lon, and this place has none');
  }
}
