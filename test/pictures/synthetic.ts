import type { Event, Place } from '../../src/content/schema.js';

const TYPES: Event['type'][] = ['clash', 'ceasefire', 'statement', 'arms-deal', 'shelling', 'diplomacy'];

/** An event on `date` with a long-ish title, as crowded months produce. */
export function event(i: number, date: string, extra: Partial<Event> = {}): Event {
  return {
    id: `e-${i}`,
    title: `Event number ${i} with a title long enough to crowd the chart`,
    date,
    episode: 'war-2020',
    type: TYPES[i % TYPES.length] as Event['type'],
    places: [],
    actors: [],
    things: [],
    summary: 'Synthetic event for layout tests.',
    sources: ['wsws-2020-09-28'],
    evidence: [{ source: 'wsws-2020-09-28', excerpt: 'Synthetic event for layout tests.' }],
    ...extra,
  };
}

/** `count` events all on one day: the worst case for stacking and labels. */
export function sameDay(count: number, date = '2020-10-04'): Event[] {
  return Array.from({ length: count }, (_, i) => event(i, date));
}

/** `count` events spread over October 2020, several per day. */
export function crowdedMonth(count: number): Event[] {
  return Array.from({ length: count }, (_, i) => event(i, `2020-10-${String(1 + (i % 31)).padStart(2, '0')}`));
}

/** A place with the fields the map uses. */
export function place(id: string, name: string, lat: number, lon: number, extra: Partial<Place> = {}): Place {
  return { id, name, kind: 'town', aliases: [], lat, lon, precision: 'settlement', ...extra };
}
