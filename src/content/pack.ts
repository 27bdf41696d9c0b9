import { categoriesOf, type EventCategory, fileCategories } from './categories.js';
import { firstDay, isWindow, lastDay } from './dates.js';
import { foldName } from './normalize.js';
import { pushTo } from './push-to.js';
import type { Actor, Claim, Event, Fact, PackMeta, Place, Quote, Source, Thing } from './schema.js';

export interface PackData {
  meta: PackMeta;
  sources: Source[];
  actors: Actor[];
  places: Place[];
  things: Thing[];
  events: Event[];
  claims: Claim[];
  quotes: Quote[];
  facts: Fact[];
}

export type EntityType = 'actor' | 'place' | 'thing';
export type Entity = { type: 'actor'; item: Actor } | { type: 'place'; item: Place } | { type: 'thing'; item: Thing };

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** Oldest first; a month-precision event sorts before the days of its month. */
function chronologicalOrder(events: Event[]): Event[] {
  const keyed = events.map((event) => ({
    event,
    key: `${firstDay(event.date)}${event.date.length === 4 ? 0 : event.date.length === 7 ? 1 : 2}${event.id}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.event);
}

/** The first index whose item passes `test`, for a test that is false then true along `sorted`; its length if none. */
function firstIndex(sorted: readonly string[], test: (item: string) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid] as string)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A validated pack with the indexes every command needs. Immutable once built. */
export class Pack {
  readonly meta: PackMeta;
  readonly sources: ReadonlyMap<string, Source>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly places: ReadonlyMap<string, Place>;
  readonly things: ReadonlyMap<string, Thing>;
  readonly events: ReadonlyMap<string, Event>;
  readonly claims: ReadonlyMap<string, Claim>;
  readonly quotes: ReadonlyMap<string, Quote>;
  readonly facts: ReadonlyMap<string, Fact>;
  /** Event types in the groups the timeline keys, legend order. */
  readonly categories: readonly EventCategory[];
  /** All events, oldest first; month-precision events sort before days of that month. */
  readonly chronological: readonly Event[];

  /** firstDay of each chronological event, ascending: binary-searched by eventsBetween. */
  private readonly starts: string[];
  /** The latest lastDay among chronological[0..i]: non-decreasing, so also binary-searchable. */
  private readonly reach: string[];
  private readonly byMonth = new Map<string, Event[]>();
  private readonly byMonthDay = new Map<string, Event[]>();
  private readonly byEntity = new Map<string, Event[]>();
  private readonly byAlias = new Map<string, Entity[]>();
  private readonly claimsByEvent = new Map<string, Claim[]>();
  private readonly quotesByEvent = new Map<string, Quote[]>();
  private readonly factsByEvent = new Map<string, Fact[]>();
  private readonly statementsAbout = new Map<string, (Claim | Fact | Quote)[]>();

  constructor(readonly data: PackData) {
    this.meta = data.meta;
    this.sources = byId(data.sources);
    this.actors = byId(data.actors);
    this.places = byId(data.places);
    this.things = byId(data.things);
    this.events = byId(data.events);
    this.claims = byId(data.claims);
    this.quotes = byId(data.quotes);
    this.facts = byId(data.facts);
    this.chronological = chronologicalOrder(data.events);
    this.categories = categoriesOf(data.meta);
    fileCategories(data.events, this.categories);
    this.starts = this.chronological.map((e) => firstDay(e.date));
    let latest = '';
    this.reach = this.chronological.map((e) => {
      const last = lastDay(e.endDate ?? e.date);
      if (last > latest) latest = last;
      return latest;
    });

    for (const event of this.chronological) {
      if (event.date.length >= 7) pushTo(this.byMonth, event.date.slice(0, 7), event);
      // A window's first day is only a bound: it did not happen "on this day".
      if (event.date.length === 10 && !isWindow(event)) pushTo(this.byMonthDay, event.date.slice(5), event);
      for (const ref of [...event.places, ...event.actors, ...event.things]) pushTo(this.byEntity, ref, event);
    }
    const entities: Entity[] = [
      ...data.actors.map((item) => ({ type: 'actor', item }) as const),
      ...data.places.map((item) => ({ type: 'place', item }) as const),
      ...data.things.map((item) => ({ type: 'thing', item }) as const),
    ];
    for (const entity of entities) {
      const keys = new Set([entity.item.id, entity.item.name, ...entity.item.aliases].map(foldName));
      for (const key of keys) pushTo(this.byAlias, key, entity);
    }
    for (const claim of data.claims) {
      if (claim.event) pushTo(this.claimsByEvent, claim.event, claim);
      for (const ref of new Set([claim.statedBy, ...claim.about])) pushTo(this.statementsAbout, ref, claim);
    }
    for (const quote of data.quotes) {
      if (quote.event) pushTo(this.quotesByEvent, quote.event, quote);
      pushTo(this.statementsAbout, quote.speaker, quote);
    }
    for (const fact of data.facts) {
      if (fact.event) pushTo(this.factsByEvent, fact.event, fact);
      for (const ref of fact.about) pushTo(this.statementsAbout, ref, fact);
    }
  }

  /** Events whose date falls inside [from, to], both pack dates of any precision. */
  eventsBetween(from: string, to: string): Event[] {
    const start = firstDay(from);
    const end = lastDay(to);
    // Only events from the first that could still be running at `start` up to the last that begins by `end`.
    const lo = firstIndex(this.reach, (day) => day >= start);
    const hi = firstIndex(this.starts, (day) => day > end);
    const found: Event[] = [];
    for (let i = lo; i < hi; i++) {
      const event = this.chronological[i] as Event;
      if (lastDay(event.endDate ?? event.date) >= start) found.push(event);
    }
    return found;
  }

  eventsInMonth(yyyyMm: string): readonly Event[] {
    return this.byMonth.get(yyyyMm) ?? [];
  }

  /** Day-precision events on this month and day in any year ("on this day"). */
  eventsOnMonthDay(mmDd: string): readonly Event[] {
    return this.byMonthDay.get(mmDd) ?? [];
  }

  eventsInvolving(entityId: string): readonly Event[] {
    return this.byEntity.get(entityId) ?? [];
  }

  /** Actors, places and things known by this name or alias, spelling-insensitively. */
  lookup(name: string, type?: EntityType): Entity[] {
    const found = this.byAlias.get(foldName(name)) ?? [];
    return type ? found.filter((e) => e.type === type) : found;
  }

  /** Every name and alias, for autocomplete and suggestions. */
  names(type?: EntityType): { label: string; entity: Entity }[] {
    const out: { label: string; entity: Entity }[] = [];
    const add = (entity: Entity) => {
      for (const label of [entity.item.name, ...entity.item.aliases]) out.push({ label, entity });
    };
    if (!type || type === 'actor') for (const item of this.actors.values()) add({ type: 'actor', item });
    if (!type || type === 'place') for (const item of this.places.values()) add({ type: 'place', item });
    if (!type || type === 'thing') for (const item of this.things.values()) add({ type: 'thing', item });
    return out;
  }

  claimsFor(eventId: string): readonly Claim[] {
    return this.claimsByEvent.get(eventId) ?? [];
  }

  quotesFor(eventId: string): readonly Quote[] {
    return this.quotesByEvent.get(eventId) ?? [];
  }

  factsFor(eventId: string): readonly Fact[] {
    return this.factsByEvent.get(eventId) ?? [];
  }

  /** Claims, quotes and facts made by or about an actor, place or thing. */
  statementsConcerning(entityId: string): readonly (Claim | Fact | Quote)[] {
    return this.statementsAbout.get(entityId) ?? [];
  }

  /** The name of any actor, place, thing or event id, for display. */
  nameOf(id: string): string {
    return (
      this.actors.get(id)?.name ??
      this.places.get(id)?.name ??
      this.things.get(id)?.name ??
      this.events.get(id)?.title ??
      id
    );
  }

  get counts(): Record<string, number> {
    const d = this.data;
    return {
      sources: d.sources.length,
      actors: d.actors.length,
      places: d.places.length,
      things: d.things.length,
      events: d.events.length,
      claims: d.claims.length,
      quotes: d.quotes.length,
      facts: d.facts.length,
    };
  }
}
