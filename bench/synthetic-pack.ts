import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { formatDate } from '../src/content/dates.js';
import type { PackData } from '../src/content/pack.js';

/**
 * A large pack with the real pack's shape: every event has places, actors,
 * a claim and a quote, so the loader and indexes do the same work per event
 * as on curated content. Deterministic: the same count gives the same pack.
 */
const nameOf = (id: string) => id[0]?.toUpperCase() + id.slice(1);

export function buildSyntheticPackData(eventCount: number): PackData {
  const states = ['armenia', 'azerbaijan', 'turkey', 'russia', 'iran'];
  const actors: PackData['actors'] = [
    ...states.map((id) => ({
      id,
      name: nameOf(id),
      kind: 'state' as const,
      aliases: [`${id}-alias`],
      description: `The state ${id}.`,
      roles: [],
    })),
    ...Array.from({ length: 200 }, (_, i) => ({
      id: `person-${i}`,
      name: `Person ${i}`,
      kind: 'person' as const,
      aliases: [`P. ${i}`],
      country: states[i % states.length],
      description: `A person, number ${i}.`,
      roles: [{ title: 'official', of: states[i % states.length], source: 'source-0' }],
    })),
  ];
  const places: PackData['places'] = Array.from({ length: 500 }, (_, i) => ({
    id: `place-${i}`,
    name: `Place ${i}`,
    kind: 'village' as const,
    aliases: [`Plase ${i}`],
    country: states[i % 2],
    lat: 39 + (i % 30) / 10,
    lon: 44 + (i % 40) / 10,
    precision: 'settlement' as const,
  }));
  const sources: PackData['sources'] = Array.from({ length: 50 }, (_, i) => ({
    id: `source-${i}`,
    outlet: `Outlet ${i % 5}`,
    headline: `Headline ${i}`,
    byline: [],
    date: '2030-12-31',
    perspective: 'A synthetic outlet.',
  }));
  const events: PackData['events'] = [];
  const claims: PackData['claims'] = [];
  const quotes: PackData['quotes'] = [];
  for (let i = 0; i < eventCount; i++) {
    // Spread over 1988–2029 so months and days are well populated.
    const day = new Date(Date.UTC(1988, 0, 1) + ((i * 7919) % (42 * 365)) * 86_400_000).toISOString().slice(0, 10);
    const id = `event-${i}`;
    const source = `source-${i % sources.length}`;
    events.push({
      id,
      title: `Synthetic event ${i}`,
      date: day,
      episode: 'synthetic',
      type: 'clash',
      places: [`place-${i % places.length}`, `place-${(i * 7) % places.length}`].filter(
        (p, k, a) => a.indexOf(p) === k,
      ),
      actors: [states[i % 2] as string, states[(i + 1) % 2] as string],
      things: [],
      summary: `Something happened at place ${i % places.length}.`,
      sources: [source],
      // Names every actor and place, as content check requires of real evidence.
      evidence: [
        {
          source,
          excerpt: `${nameOf(states[i % 2] as string)} and ${nameOf(states[(i + 1) % 2] as string)} clashed at Place ${i % places.length} and Place ${(i * 7) % places.length} on ${formatDate(day)}.`,
        },
      ],
    });
    claims.push({
      id: `claim-${i}`,
      statedBy: states[i % 2] as string,
      asOf: day,
      kind: 'casualties',
      statement: `State ${i % 2} said ${i % 50} were killed.`,
      figures: [{ value: i % 50, qualifier: 'exact', unit: 'soldiers killed' }],
      status: 'unverified',
      event: id,
      about: [],
      opposes: [],
      related: [],
      source,
      excerpt: `On ${formatDate(day)}, ${i % 50} were killed.`,
    });
    if (i % 4 === 0) {
      quotes.push({
        id: `quote-${i}`,
        speaker: `person-${i % 200}`,
        text: `These are the words of ${i}.`,
        date: day,
        dated: 'said',
        source,
        excerpt: `On ${formatDate(day)}, Person ${i % 200} said: “These are the words of ${i}.”`,
      });
    }
  }
  return {
    meta: {
      id: 'synthetic',
      title: 'Synthetic pack',
      description: 'Generated for benchmarks.',
      episodes: [{ id: 'synthetic', name: 'Synthetic', start: '1988-01-01', summary: 'Everything.' }],
    },
    sources,
    actors,
    places,
    things: [],
    events,
    claims,
    quotes,
    facts: [],
  };
}

/** Writes the synthetic pack as YAML the way a curator would lay it out: entities, then one file per year. */
export async function writeSyntheticPack(dir: string, eventCount: number): Promise<void> {
  const data = buildSyntheticPackData(eventCount);
  await mkdir(path.join(dir, 'events'), { recursive: true });
  await writeFile(path.join(dir, 'pack.yaml'), stringify({ pack: data.meta }));
  await writeFile(
    path.join(dir, 'entities.yaml'),
    stringify({ sources: data.sources, actors: data.actors, places: data.places }),
  );
  const byYear = new Map<
    string,
    { events: PackData['events']; claims: PackData['claims']; quotes: PackData['quotes'] }
  >();
  const yearOf = (date: string) => date.slice(0, 4);
  const bucket = (year: string) => {
    const b = byYear.get(year) ?? { events: [], claims: [], quotes: [] };
    byYear.set(year, b);
    return b;
  };
  for (const e of data.events) bucket(yearOf(e.date)).events.push(e);
  for (const c of data.claims) bucket(yearOf(c.asOf)).claims.push(c);
  for (const q of data.quotes) bucket(yearOf(q.date)).quotes.push(q);
  for (const [year, content] of byYear) {
    await writeFile(path.join(dir, 'events', `${year}.yaml`), stringify(content));
  }
}
