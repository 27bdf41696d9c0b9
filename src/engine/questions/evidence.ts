import { formatDate, MONTH_NAMES, WEEKDAY_NAMES } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Evidence } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import type { QuotedEvidence } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { isSidesAccount } from '../attribution.js';
import type { Draft } from './types.js';
import { asExcerpt, bareExcerpt } from './wording.js';

const MOST = 2;
// Whole sentences: a cut inside "200 artillery or multiple…" leaves the reader guessing. Excerpts run to about 330 characters.
const LONGEST = 600;

/** Words that date a sentence: a month, a weekday, a year, or "yesterday". */
const DATE_CUE = new RegExp(
  `\\b(${[...MONTH_NAMES, ...WEEKDAY_NAMES].join('|')}|yesterday|today|weekend|(19|20)\\d\\d)\\b`,
  'i',
);

/** Words of four letters or more, folded: what ties an excerpt to a title. */
function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 6)));
}

/**
 * The cuts of an event's evidence that back what a kind asks, best first: one
 * that names the event (its title's words) and, for the date and order kinds,
 * dates it; for a place, one naming the place. A bare dateline ("4 October
 * 2020") backs the article's date, but says nothing to a player.
 */
function eventEvidence(pack: Pack, draft: Pick<Draft, 'kind' | 'correct'>, eventId: string): Evidence[] {
  const event = pack.events.get(eventId);
  const evidence = (event?.evidence ?? []).filter((e) => e.excerpt.trim().split(/\s+/).length >= 5);
  const title = words(event?.title ?? '');
  const fits = (e: Evidence): boolean => {
    if (draft.kind === 'event-date' || draft.kind === 'which-first') return DATE_CUE.test(e.excerpt);
    if (draft.kind === 'event-place') return draft.correct.keys?.some((k) => e.excerpt.includes(k)) ?? false;
    return false;
  };
  const ranked = evidence
    .map((e, i) => {
      const own = words(e.excerpt);
      const named = [...title].filter((w) => own.has(w)).length;
      // Naming the event counts most: a bound's own sentence ("clashes erupted yesterday") dates, but another event.
      // One side's account of who started it, quoted alone, would read as the answer's word on it.
      return { e, i, named, score: named * 3 + (fits(e) ? 2 : 0) - (sidesAccount(pack, e) ? 10 : 0) };
    })
    .sort((a, b) => b.score - a.score || a.i - b.i);
  // Where some cut names the event, one that does not (a bound's sentence about another event) only distracts.
  const naming = ranked.filter((x) => x.named > 0);
  return (naming.length ? naming : ranked).slice(0, MOST).map((x) => x.e);
}

/** An excerpt's words, past a leading "[According to the Armenian version of events]", which the curator wrote. */
function ownWords(excerpt: string): string {
  return bareExcerpt(excerpt.replace(/^\[[^\]]*\],?\s*/, ''));
}

/** The words of every side's account in the pack, read once. */
const accounts = packCache((pack, _: 'all') => pack.data.claims.filter(isSidesAccount).map((c) => ownWords(c.excerpt)));

/** Is the cut a side's account of who attacked whom (a disputed claim's words), or part of one? */
function sidesAccount(pack: Pack, cut: Evidence): boolean {
  const mine = ownWords(cut.excerpt);
  return accounts(pack, 'all').some((theirs) => theirs.includes(mine) || mine.includes(theirs));
}

function itemEvidence(pack: Pack, draft: Draft, id: string): Evidence[] {
  const item = pack.claims.get(id) ?? pack.quotes.get(id) ?? pack.facts.get(id);
  // The date's own sentence, where the excerpt does not give it ("Large-scale clashes erupted yesterday…").
  if (item)
    return [item.excerpt, item.dateExcerpt].flatMap((excerpt) => (excerpt ? [{ source: item.source, excerpt }] : []));
  return pack.events.has(id) ? eventEvidence(pack, draft, id) : [];
}

/** A cut as a reader sees it: "…" where the sentence goes on, with its outlet and the article's date. */
export function quoted(pack: Pack, cut: Evidence): QuotedEvidence[] {
  const source = pack.sources.get(cut.source);
  if (!source) return [];
  return [{ excerpt: clip(asExcerpt(cut.excerpt), LONGEST), outlet: source.outlet, date: formatDate(source.date) }];
}

/** The one sentence of each event's evidence that best dates it: what an order round's reveal quotes. */
export function datingEvidence(pack: Pack, eventIds: readonly string[]): QuotedEvidence[] {
  return eventIds.flatMap((id) =>
    eventEvidence(pack, { kind: 'which-first', correct: { text: '' } }, id)
      .slice(0, 1)
      .flatMap((cut) => quoted(pack, cut)),
  );
}

/**
 * The article's own words behind a question's answer, for its reveal: the
 * draft's chosen cut, else the excerpt of the item it teaches (a claim,
 * quote or fact), else its event's evidence.
 */
export function evidenceOf(pack: Pack, draft: Draft): QuotedEvidence[] {
  const cuts =
    draft.evidence ??
    [...(draft.subjects ?? []), ...draft.eventIds].map((id) => itemEvidence(pack, draft, id)).find((e) => e.length) ??
    [];
  return cuts.flatMap((cut) => quoted(pack, cut));
}
