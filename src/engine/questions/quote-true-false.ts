import type { Pack } from '../../content/pack.js';
import { pushTo } from '../../content/push-to.js';
import type { Quote } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeQuote } from '../attribution.js';
import { tally } from './answer-counts.js';
import { countryOf, entityDistractors, stemsOf } from './gaps.js';
import { coSpeakers, fragmentStart, namedElsewhere, startsMidSentence } from './quote-speaker.js';
import { seededRandom, seedOf } from './random.js';
import { bystanderWords, whoSaidVariant } from './true-false.js';
import { type Declined, type Draft, decline, isDeclined } from './types.js';
import { articleOf } from './wording.js';

/** Fewer words than this say nothing anyone could pin on a speaker, even with the speaker named. */
const FEWEST_WORDS = 3;

/**
 * Everyone in the pack who said words like these: a swap to one of them
 * could be true ("self-restraint" from both the Russian and the Iranian
 * foreign ministries). Once per quote, through an index of the quotes by
 * word stem: setting each quote against every other is 25 million
 * comparisons on a pack of 5,000 quotes.
 */
const saidAlike = packCache((pack, quote: Quote): ReadonlySet<string> => {
  const { stems, byStem } = quoteStems(pack, 'all');
  const mine = new Set(stems.get(quote) ?? stemsOf(quote.text));
  const shared = new Map<number, number>();
  for (const stem of mine) for (const i of byStem.get(stem) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  // In the pack's order of quotes, as a walk over them would find the speakers.
  const alike = [...shared].filter(([, n]) => n >= Math.min(2, mine.size)).map(([i]) => i);
  const out = new Set<string>();
  for (const i of alike.sort((a, b) => a - b)) {
    const other = pack.data.quotes[i] as Quote;
    if (other.speaker !== quote.speaker) out.add(other.speaker);
  }
  return out;
});

/** Each quote's word stems, and the quotes (by position in the pack) that have each stem. */
const quoteStems = packCache((pack, _: 'all') => {
  const stems = new Map<Quote, string[]>();
  const byStem = new Map<string, number[]>();
  pack.data.quotes.forEach((quote, i) => {
    const own = stemsOf(quote.text);
    stems.set(quote, own);
    for (const stem of own) pushTo(byStem, stem, i);
  });
  return { stems, byStem };
});

/**
 * True or false on who said the words. Short quotes, which cannot be pinned
 * on one speaker among four, can be asked this way: the speaker is named and
 * the question is whether the article quotes them. The false variant names
 * someone else the same article quotes, of the same standing, who said
 * nothing like it; each variant has an id of its own.
 */
export function quoteTrueFalse(pack: Pack, quote: Quote, truth: boolean): Draft | Declined {
  const speaker = pack.actors.get(quote.speaker);
  if (!speaker) return decline('its speaker is not in the pack');
  const words = quote.text.trim().replace(/[.,;:]$/, '');
  if (words.split(/\s+/).length < FEWEST_WORDS) return decline('a word or two: nothing to pin on a speaker');
  if (fragmentStart(words)) return decline('a fragment that starts mid-clause: it does not read as something said');
  // "quotes the lawmakers as saying “abandon this … neutrality”": cut from "called on Paris to …", it is no saying.
  if (startsMidSentence(words))
    return decline(
      'a phrase cut from the reporter’s sentence ("called on Paris to …"): it does not read as something said',
    );
  const bystander = bystanderWords(speaker);
  if (bystander) return bystander;
  if (quote.relays)
    return decline('relayed words: whether they are the spokesperson’s or the principal’s is no fair True/False');
  // "He reiterated calls…": words about a third person, which only their own office could have said.
  if (/^(he|she)\b/i.test(words))
    return decline('words about a third person, which only their own office could have said');
  const exclude = new Set([...coSpeakers(pack, quote), ...saidAlike(pack, quote), ...namedElsewhere(pack, quote)]);
  exclude.delete(speaker.id);
  // Someone of the speaker's own country: words said for one side, put in a bystander's mouth, are false on
  // their face ("NATO taking Azerbaijan's side"). Those of no country are set against others of none.
  const home = countryOf(pack, speaker.id);
  const others = entityDistractors(
    pack,
    { type: 'actor', item: speaker },
    {
      answers: new Map([...quoteSpeakersOf(pack, quote.source)].filter(([id]) => countryOf(pack, id) === home)),
      prompt: words,
      exclude,
      fewest: 1,
      looseCategory: true,
    },
    seededRandom(seedOf(quote.id)),
  );
  if (isDeclined(others)) return others;
  const wrong = pack.actors.get(others[0]?.facet?.entity ?? '');
  if (!wrong) return decline('no one else quoted in the pack to put in the speaker’s place');
  return whoSaidVariant({
    item: quote,
    truth,
    speaker,
    wrong,
    say: (name) => `True or false: ${articleOf(pack, quote.source)} quotes ${name} as saying “${words}”.`,
    attribution: attributeQuote(pack, quote),
    source: quote.source,
  });
}

/** Everyone one article quotes: the True/False swap of a quote names someone else that article quotes. */
const quoteSpeakersOf = packCache((pack, sourceId: string) =>
  tally(pack.data.quotes.filter((q) => q.source === sourceId).map((q) => q.speaker)),
);
