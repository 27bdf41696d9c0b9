import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { verifyExcerpts } from '../../src/content/verify.js';

const SEEDS = path.resolve('../shared/seeds');
const haveSeeds = existsSync(SEEDS);
if (!haveSeeds) {
  console.warn(`SKIPPED excerpt verification: ${SEEDS} is absent, so excerpts cannot be checked against the articles.`);
}

describe.skipIf(!haveSeeds)('every excerpt stands word for word in its article', () => {
  it('in the Caucasus pack', async () => {
    const pack = await loadPack('content/caucasus');
    expect(pack.claims.size + pack.quotes.size + pack.facts.size).toBeGreaterThan(0);
    for (const event of pack.events.values()) expect(event.evidence.length, event.id).toBeGreaterThan(0);
    expect(await verifyExcerpts(pack, SEEDS)).toEqual([]);
  });

  it('in the test fixture pack', async () => {
    expect(await verifyExcerpts(await loadPack('test/fixtures/pack'), SEEDS)).toEqual([]);
  });

  it('catches an excerpt that was paraphrased', async () => {
    const pack = await loadPack('test/fixtures/pack');
    const claim = pack.claims.get('claim-armenia-killed-2020-09-27');
    if (!claim) throw new Error('fixture changed');
    const altered = { ...claim, excerpt: 'Armenia said that 16 people were killed' };
    (pack.claims as Map<string, typeof claim>).set(claim.id, altered);
    const problems = await verifyExcerpts(pack, SEEDS);
    expect(problems).toEqual([
      expect.objectContaining({ id: claim.id, problem: expect.stringContaining('does not stand word for word') }),
    ]);
  });

  it('takes an excerpt with a verdict elided as "[…]", each part verbatim and in order, and nothing more left out', async () => {
    const pack = await loadPack('test/fixtures/pack');
    const claim = pack.claims.get('claim-armenia-killed-2020-09-27');
    if (!claim) throw new Error('fixture changed');
    const check = async (excerpt: string) => {
      (pack.claims as Map<string, typeof claim>).set(claim.id, { ...claim, excerpt });
      return (await verifyExcerpts(pack, SEEDS)).filter((p) => p.id === claim.id);
    };
    expect(await check('Armenia said that there were […] killed and over 100 injured…')).toEqual([]);
    expect(await check('over 100 injured […] Armenia said that there were 16 killed')).toHaveLength(1);
    expect(await check('Large-scale military clashes erupted […] over 100 injured')).toHaveLength(1);
  });

  it('catches an event whose evidence was paraphrased', async () => {
    const pack = await loadPack('test/fixtures/pack');
    const event = pack.events.get('tovuz-clashes-2020-07');
    if (!event) throw new Error('fixture changed');
    const evidence = [
      { source: 'wsws-2020-09-28', excerpt: 'In July, Armenian-Azerbaijani clashes erupted at Tavush' },
    ];
    (pack.events as Map<string, typeof event>).set(event.id, { ...event, evidence });
    expect(await verifyExcerpts(pack, SEEDS)).toEqual([
      {
        type: 'event',
        id: event.id,
        source: 'wsws-2020-09-28',
        fault: 'excerpt',
        problem: expect.stringMatching(/^evidence 1 does not stand word for word/),
      },
    ]);
  });
});

describe('the Apollo 11 test pack, whose articles sit beside it', () => {
  it('has every excerpt word for word in its article, found beside the file that names it', async () => {
    expect(await verifyExcerpts(await loadPack('test/fixtures/apollo'))).toEqual([]);
  });
});

describe('article text normalisation', () => {
  it('reads escaped dollars and page breaks as the printed text', async () => {
    const { normalizeArticleText } = await import('../../src/content/normalize.js');
    expect(normalizeArticleText('a \\$1.8 billion deal under martial\n\n\nlaw')).toBe(
      'a $1.8 billion deal under martial law',
    );
  });
});
