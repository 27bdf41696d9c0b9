import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import type { Claim } from '../../src/content/schema.js';
import { attributeClaim, attributeQuote } from '../../src/engine/attribution.js';

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

describe('a claim in a quiz reveal', () => {
  it('reads as prose: no status tag or figure list unless the claim is disputed or denied', () => {
    const claims = [...pack.claims.values()];
    const plain = claims.find((c) => c.status === 'unverified' && c.figures.length);
    const disputed = claims.find((c) => c.status === 'disputed');
    expect(attributeClaim(pack, plain as NonNullable<typeof plain>, { brief: true })).not.toMatch(
      /\[unverified\]|Figures as stated/,
    );
    const said = attributeClaim(pack, disputed as NonNullable<typeof disputed>, { brief: true });
    expect(said).toMatch(/\. (Another account in the articles disputes this|Against that, .+)\.$/);
    expect(attributeClaim(pack, plain as NonNullable<typeof plain>)).toMatch(/\[unverified\] Figures as stated: /);
  });
});

describe('a disputed claim', () => {
  it('names the account that disputes it where the pack links one, both ways', () => {
    const veliyev = pack.claims.get('claim-valiyev-armenian-losses-2020-07-17') as Claim;
    const armenia = pack.claims.get('claim-armenia-tovuz-deaths-2020-07-17') as Claim;
    expect(attributeClaim(pack, veliyev, { brief: true })).toMatch(
      /Against that, Armenia said that only four of its service members had been killed\.$/,
    );
    expect(attributeClaim(pack, armenia, { brief: true })).toContain(
      "Against that, Azerbaijan's deputy defence minister",
    );
  });
});

describe('quoted words', () => {
  it('say once when the article printed them, not again in the context', () => {
    const quote = pack.quotes.get('quote-vartanyan-signals-2020-09');
    expect(quote?.context).toMatch(/reported on 28 September 2020/);
    expect(attributeQuote(pack, quote as NonNullable<typeof quote>)).toMatch(
      /^Olesya Vartanyan, quoted in an article of 28 September 2020 \(Written on Twitter after fighting broke out\): “/,
    );
  });

  it('drop the comma that ended them in the reporter’s sentence', () => {
    // `content check` refuses a text that ends in a comma; one built in code still never shows it.
    const quote = pack.quotes.get('quote-broers-deploy-power-2022-09');
    if (!quote) throw new Error('the pack no longer has Broers’s quote');
    expect(quote.text.endsWith(',')).toBe(false);
    expect(attributeQuote(pack, { ...quote, text: `${quote.text},` })).toContain(
      'extract the maximum that it can get” (',
    );
  });
});
