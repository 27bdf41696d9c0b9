import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDay, lastDay } from '../../src/content/dates.js';
import { loadPack } from '../../src/content/load.js';
import { Pack, type PackData } from '../../src/content/pack.js';

describe('the Caucasus pack', () => {
  it('passes the schema and every cross-reference check', async () => {
    const pack = await loadPack('content/caucasus');
    for (const [collection, count] of Object.entries(pack.counts)) {
      expect(count, `${collection} should not be empty`).toBeGreaterThan(0);
    }
    expect(pack.claims.size + pack.quotes.size + pack.facts.size).toBeGreaterThan(150);
  });

  it('keeps misspellings from the articles as aliases of one entity', async () => {
    const pack = await loadPack('content/caucasus');
    const canonical = (alias: string) => pack.lookup(alias).map((e) => e.item.name);
    expect(canonical('Tayush')).toEqual(['Tavush']);
    expect(canonical('Toyuz')).toEqual(['Tovuz']);
    expect(canonical('Gashimov Polad')).toEqual(['Polad Hashimov']);
    expect(canonical('Ula? Ate?çi')).toEqual(['Ulaş Ateşçi']);
  });

  it('states who started each episode only as opposed claims', async () => {
    const pack = await loadPack('content/caucasus');
    const responsibility = [...pack.claims.values()].filter((c) => c.kind === 'responsibility');
    expect(responsibility.length).toBeGreaterThanOrEqual(2);
    for (const claim of responsibility) {
      expect(claim.opposes.length, `${claim.id} should name the claim it contradicts`).toBeGreaterThan(0);
    }
  });
});

describe('pack indexes', () => {
  it('finds entities under any alias, ignoring case and diacritics', async () => {
    const pack = await loadPack('test/fixtures/pack');
    expect(pack.lookup('toyuz').map((e) => e.item.id)).toEqual(['tovuz']);
    expect(pack.lookup('ULAS ATESCI').map((e) => e.item.id)).toEqual(['ulas-atesci']);
    expect(pack.lookup('Erevan', 'actor').map((e) => e.item.id)).toEqual(['armenia']);
    expect(pack.lookup('Erevan', 'place')).toEqual([]);
  });

  it('orders events chronologically, a month before the days in it', async () => {
    const pack = await loadPack('test/fixtures/pack');
    expect(pack.chronological.map((e) => e.date)).toEqual(['2020-07', '2020-09-27']);
    expect(pack.eventsBetween('2020-09', '2020-09').map((e) => e.id)).toEqual(['war-begins-2020-09-27']);
    expect(pack.eventsBetween('2020', '2020')).toHaveLength(2);
    expect(pack.eventsOnMonthDay('09-27').map((e) => e.id)).toEqual(['war-begins-2020-09-27']);
    expect(pack.eventsInvolving('tovuz').map((e) => e.id)).toEqual(['tovuz-clashes-2020-07']);
  });

  it('links claims, quotes and facts to their event and subjects', async () => {
    const pack = await loadPack('test/fixtures/pack');
    expect(pack.claimsFor('war-begins-2020-09-27')).toHaveLength(3);
    expect(pack.quotesFor('war-begins-2020-09-27').map((q) => q.speaker)).toEqual(['olesya-vartanyan']);
    expect(pack.statementsConcerning('attack-helicopter').map((s) => s.id)).toEqual([
      'claim-armenia-helicopters-2020-09-27',
    ]);
  });
});

describe('eventsBetween', () => {
  const day = fc
    .record({
      y: fc.integer({ min: 2018, max: 2022 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  /** A pack date of any precision: a year, a month or a day. */
  const packDate = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, n]) => d.slice(0, n));
  const event = fc.record({ date: packDate, span: fc.option(fc.integer({ min: 0, max: 800 })) });

  function packOf(events: { date: string; span: number | null }[]): Pack {
    const data = {
      meta: {},
      sources: [],
      actors: [],
      places: [],
      things: [],
      claims: [],
      quotes: [],
      facts: [],
      events: events.map((e, i) => ({
        id: `e${i}`,
        date: e.date,
        // A span of days from the event's first day: some runs reach across the range asked for.
        ...(e.span !== null && e.date.length === 10
          ? { endDate: new Date(Date.parse(e.date) + e.span * 86_400_000).toISOString().slice(0, 10) }
          : {}),
        places: [],
        actors: [],
        things: [],
      })),
    };
    return new Pack(data as unknown as PackData);
  }

  it('finds exactly the events a scan of every event would, in the same order (property)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), packDate, packDate, (events, a, b) => {
        const pack = packOf(events);
        const [from, to] = firstDay(a) <= firstDay(b) ? [a, b] : [b, a];
        const scan = pack.chronological.filter(
          (e) => firstDay(e.date) <= lastDay(to) && lastDay(e.endDate ?? e.date) >= firstDay(from),
        );
        expect(pack.eventsBetween(from, to).map((e) => e.id)).toEqual(scan.map((e) => e.id));
      }),
      { numRuns: 500 },
    );
  });
});
