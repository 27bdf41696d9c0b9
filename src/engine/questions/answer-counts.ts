import { packCache } from '../../core/pack-memo.js';
import { claimFamily, claimSpeaker, speakerGap } from './claim-speaker.js';
import { eventPlace, eventPlaceAnswers } from './events.js';
import { askableQuote, quoteSpeaker } from './quote-speaker.js';
import { type Random, seededRandom } from './random.js';
import { reportGap, reportGapTarget } from './report-gap.js';
import { isDeclined } from './types.js';

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

/** One question a kind would ask, by its right answer, and whether it can be built against a given tally. */
interface Ask {
  answer: string;
  builds(answers: ReadonlyMap<string, number>): boolean;
}

/** A few draws per question: one draw can fail where another, with other distractors, would not. */
const TRIES = 3;
const ROUNDS = 4;

function tries(build: (random: Random) => unknown): boolean {
  for (let k = 1; k <= TRIES; k++) if (!isDeclined(build(seededRandom(k)))) return true;
  return false;
}

/**
 * The tally of right answers whose own questions can be built when their
 * distractors come from the same tally. An answer whose question cannot be
 * asked (a name shaped unlike every other) would otherwise be offered
 * again and again and never be right; dropping it can leave another
 * without distractors, so this runs until nothing more drops.
 */
function settle(asks: readonly Ask[]): Map<string, number> {
  let answers = tally(asks.map((a) => a.answer));
  for (let round = 0; round < ROUNDS; round++) {
    const next = tally(asks.filter((a) => a.builds(answers)).map((a) => a.answer));
    if (next.size === answers.size) return next;
    answers = next;
  }
  return answers;
}

export const quoteSpeakerAnswers = packCache((pack, _: 'all') =>
  settle(
    pack.data.quotes
      .filter((q) => askableQuote(pack, q))
      .map((q) => ({ answer: q.speaker, builds: (answers) => tries((r) => quoteSpeaker(pack, q, r, answers)) })),
  ),
);

/** Per family of claim: who reports battlefield results is set against others who do, not against lawmakers. */
export const claimSpeakerAnswers = packCache((pack, family: string) =>
  settle(
    pack.data.claims
      .filter((c) => claimFamily(c) === family && !isDeclined(speakerGap(pack, c)))
      .map((c) => ({ answer: c.statedBy, builds: (answers) => tries((r) => claimSpeaker(pack, c, r, answers)) })),
  ),
);

/** Everyone who makes a claim of the family: the True/False swap needs a believable speaker, not a right answer. */
export const claimSpeakersOf = packCache((pack, family: string) =>
  tally(pack.data.claims.filter((c) => claimFamily(c) === family).map((c) => c.statedBy)),
);

export const reportGapAnswers = packCache((pack, _: 'all') =>
  settle(
    pack.data.facts.flatMap((f) => {
      const target = reportGapTarget(pack, f);
      return target
        ? [{ answer: target, builds: (answers) => tries((r) => reportGap(pack, f, target, r, answers)) }]
        : [];
    }),
  ),
);

export const eventPlaceTally = packCache((pack, _: 'all') =>
  settle(
    pack.chronological.flatMap((e) =>
      eventPlaceAnswers(pack, e).map((p) => ({
        answer: p.id,
        builds: (answers) => tries((r) => eventPlace(pack, e, p.id, r, answers)),
      })),
    ),
  ),
);
