import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { attributeQuote } from '../../src/engine/attribution.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

describe('when a quote was said', () => {
  it('gives the day the article dates the words to', () => {
    const quote = pack.quotes.get('quote-pashinyan-live-with-coronavirus-2020-09-24');
    expect(quote?.dated).toBe('said');
    expect(attributeQuote(pack, quote as NonNullable<typeof quote>)).toMatch(/^Nikol Pashinyan, 24 September 2020 /);
  });

  it('gives only when the article printed words it does not date, never as the day they were said', () => {
    for (const quote of pack.quotes.values()) {
      if (quote.dated !== 'reported') continue;
      const line = attributeQuote(pack, quote);
      const printed = pack.sources.get(quote.source)?.date;
      expect(line, quote.id).toMatch(/, quoted in an article of \d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(quote.date, quote.id).toBe(printed);
    }
  });
});
