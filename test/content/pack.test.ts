import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';

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
