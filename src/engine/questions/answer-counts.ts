import { packCache } from '../../core/pack-memo.js';
import { speakerGap } from './claim-speaker.js';
import { eventPlaceAnswers } from './events.js';
import { askableQuote } from './quote-speaker.js';
import { reportGapTarget } from './report-gap.js';

/**
 * How often each entity is the right answer of a kind, over the whole pack.
 * Distractors are drawn in proportion to it, so an option's record across
 * the pool (right once in four showings) says nothing about this question.
 */
function tally(ids: Iterable<string | undefined>): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of ids) if (id) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

export const quoteSpeakerAnswers = packCache((pack, _: 'all') =>
  tally(pack.data.quotes.filter((q) => askableQuote(pack, q)).map((q) => q.speaker)),
);

export const claimSpeakerAnswers = packCache((pack, _: 'all') =>
  tally(pack.data.claims.map((c) => (speakerGap(pack, c) ? c.statedBy : undefined))),
);

export const reportGapAnswers = packCache((pack, _: 'all') =>
  tally(pack.data.facts.map((f) => reportGapTarget(pack, f) ?? undefined)),
);

export const eventPlaceTally = packCache((pack, _: 'all') =>
  tally(pack.chronological.flatMap((e) => eventPlaceAnswers(pack, e).map((p) => p.id))),
);
