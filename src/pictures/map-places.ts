import type { Pack } from '../content/pack.js';
import type { Event, Place } from '../content/schema.js';

/** A place and the events, of those mapped, that name it. */
export interface MappedPlace {
  place: Place;
  eventIds: string[];
}

/** Every place the events name, with the events that name it; busiest first. */
export function placesOf(pack: Pack, events: readonly Event[]): MappedPlace[] {
  const named = new Map<string, string[]>();
  for (const event of events) {
    for (const id of new Set(event.places)) named.set(id, [...(named.get(id) ?? []), event.id]);
  }
  const out: MappedPlace[] = [];
  for (const [id, eventIds] of named) {
    const place = pack.places.get(id);
    if (place) out.push({ place, eventIds });
  }
  return out.sort((a, b) => b.eventIds.length - a.eventIds.length || a.place.name.localeCompare(b.place.name));
}
