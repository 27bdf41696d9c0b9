import { formatDate } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Evidence } from '../../content/schema.js';
import type { QuotedEvidence } from '../../core/reply.js';
import { clip } from '../text.js';
import type { Draft } from './types.js';
import { asExcerpt } from './wording.js';

const MOST = 2;
const LONGEST = 320;

/** Words that date a sentence: a month, a weekday, a year, or "yesterday". */
const DATE_CUE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|weekend|(19|20)\d\d)\b/i;

/**
 * The cut of an event's evidence that backs what a kind asks: its date for
 * the date and order kinds, the place for a place; else its first entries.
 */
function eventEvidence(pack: Pack, draft: Pick<Draft, 'kind' | 'correct'>, eventId: string): Evidence[] {
  const evidence = pack.events.get(eventId)?.evidence ?? [];
  const wanted = (e: Evidence): boolean => {
    if (draft.kind === 'event-date' || draft.kind === 'which-first') return DATE_CUE.test(e.excerpt);
    if (draft.kind === 'event-place') return draft.correct.keys?.some((k) => e.excerpt.includes(k)) ?? false;
    return false;
  };
  const preferred = evidence.filter(wanted);
  return (preferred.length ? preferred : evidence).slice(0, MOST);
}

function itemEvidence(pack: Pack, draft: Draft, id: string): Evidence[] {
  const item = pack.claims.get(id) ?? pack.quotes.get(id) ?? pack.facts.get(id);
  if (item) return [{ source: item.source, excerpt: item.excerpt }];
  return pack.events.has(id) ? eventEvidence(pack, draft, id) : [];
}

function quoted(pack: Pack, cut: Evidence): QuotedEvidence[] {
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
