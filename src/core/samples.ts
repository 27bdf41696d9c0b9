import { markOf } from '../content/coordinates.js';
import type { Pack } from '../content/pack.js';
import type { SampleKind } from './command.js';

/**
 * Example values drawn from the loaded pack, for help text, error messages
 * and footers: "/timeline 2020-10 topic:Nagorno-Karabakh" for the Caucasus
 * pack, "/timeline 1969-07 topic:…" for Apollo 11. A hard-coded example
 * names another pack's places to a group that has never heard of them.
 */
export type PackSamples = Record<SampleKind, string> & {
  /** A spelling the pack knows for something under another name: "Cape Kennedy" finds Kennedy Space Center. */
  alias?: { alias: string; name: string };
};

/** The key most often counted, the first of equals in the order given. */
function busiest(keys: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let best: string | undefined;
  for (const [key, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = key;
  return best;
}

function build(pack: Pack): PackSamples {
  const events = pack.chronological;
  const first = events[0];
  // The busiest stretch, not the first: a pack's opening is often one background event.
  const month = busiest(events.filter((e) => e.date.length >= 7).map((e) => e.date.slice(0, 7)));
  const year = busiest(events.map((e) => e.date.slice(0, 4)));
  const place = busiest(
    events
      .flatMap((e) => e.places)
      .filter((id) => {
        const p = pack.places.get(id);
        return p !== undefined && markOf(p) !== undefined;
      }),
  );
  const actor = busiest([
    ...events.flatMap((e) => e.actors),
    ...[...pack.claims.values()].map((c) => c.statedBy),
    ...[...pack.quotes.values()].map((q) => q.speaker),
  ]);
  const event = [...events].sort(
    (a, b) =>
      pack.claimsFor(b.id).length +
      pack.quotesFor(b.id).length -
      (pack.claimsFor(a.id).length + pack.quotesFor(a.id).length),
  )[0];
  const placeName = place ? pack.nameOf(place) : ([...pack.places.values()][0]?.name ?? 'a place');
  const aliased = [...(place ? [pack.places.get(place)] : []), ...pack.places.values(), ...pack.actors.values()].find(
    (item) => item && item.aliases.length > 0,
  );
  return {
    month: month ?? first?.date.slice(0, 7) ?? 'YYYY-MM',
    year: year ?? 'YYYY',
    place: placeName,
    topic: placeName,
    actor: actor ? pack.nameOf(actor) : placeName,
    event: event?.id ?? first?.id ?? 'event-id',
    ...(aliased ? { alias: { alias: aliased.aliases[0] as string, name: aliased.name } } : {}),
  };
}

const cache = new WeakMap<Pack, PackSamples>();

export function samplesOf(pack: Pack): PackSamples {
  let samples = cache.get(pack);
  if (!samples) {
    samples = build(pack);
    cache.set(pack, samples);
  }
  return samples;
}
