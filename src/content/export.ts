import type { Pack } from './pack.js';

/** One line of `chronicle content export --json`. */
export interface ExportRecord {
  type: 'source' | 'actor' | 'place' | 'thing' | 'event' | 'claim' | 'quote' | 'fact';
  id: string;
  text: string;
  date?: string;
  endDate?: string;
  refs: string[];
  source?: { id: string; outlet: string; headline: string; date: string; excerpt?: string };
  [extra: string]: unknown;
}

function unique(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** Every item of the pack as a flat record, in a stable order. */
export function exportRecords(pack: Pack): ExportRecord[] {
  const cite = (sourceId: string, excerpt?: string) => {
    const s = pack.sources.get(sourceId);
    return s ? { id: s.id, outlet: s.outlet, headline: s.headline, date: s.date, excerpt } : undefined;
  };
  const d = pack.data;
  return [
    ...d.sources.map((s) => ({
      type: 'source' as const,
      id: s.id,
      text: `${s.outlet}: ${s.headline}`,
      date: s.date,
      refs: s.byline,
      outlet: s.outlet,
      perspective: s.perspective,
      url: s.url,
    })),
    ...d.actors.map((a) => ({
      type: 'actor' as const,
      id: a.id,
      text: `${a.name}: ${a.description}`,
      refs: unique([a.country, a.partOf, ...a.roles.map((r) => r.of), ...a.roles.map((r) => r.source)]),
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
    })),
    ...d.places.map((p) => ({
      type: 'place' as const,
      id: p.id,
      text: p.name,
      refs: unique([p.country, p.in]),
      kind: p.kind,
      aliases: p.aliases,
      lat: p.lat,
      lon: p.lon,
      precision: p.precision,
    })),
    ...d.things.map((w) => ({
      type: 'thing' as const,
      id: w.id,
      text: `${w.name}: ${w.description}`,
      refs: unique([w.makerCountry]),
      kind: w.kind,
      aliases: w.aliases,
    })),
    ...pack.chronological.map((e) => ({
      type: 'event' as const,
      id: e.id,
      text: `${e.title}. ${e.summary}`,
      date: e.date,
      endDate: e.endDate,
      refs: unique([e.episode, ...e.places, ...e.actors, ...e.things, ...e.sources]),
      source: cite(e.sources[0] as string),
      sources: e.sources,
    })),
    ...d.claims.map((c) => ({
      type: 'claim' as const,
      id: c.id,
      text: c.statement,
      date: c.asOf,
      refs: unique([c.statedBy, c.event, ...c.about, ...c.opposes, ...c.related, c.source]),
      statedBy: c.statedBy,
      status: c.status,
      figures: c.figures,
      source: cite(c.source, c.excerpt),
    })),
    ...d.quotes.map((q) => ({
      type: 'quote' as const,
      id: q.id,
      text: q.text,
      date: q.date,
      refs: unique([q.speaker, q.event, q.source]),
      speaker: q.speaker,
      source: cite(q.source, q.excerpt),
    })),
    ...d.facts.map((f) => ({
      type: 'fact' as const,
      id: f.id,
      text: f.statement,
      date: f.date,
      endDate: f.endDate,
      refs: unique([...f.about, f.event, ...f.related, f.source]),
      source: cite(f.source, f.excerpt),
    })),
  ];
}
