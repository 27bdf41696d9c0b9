import { type Random, seededRandom } from './random.js';
import { type Declined, type Draft, isDeclined } from './types.js';

/**
 * How often each entity is the right answer of a kind, over the whole pack.
 * Distractors are drawn in proportion to it, so an option's record across
 * the pool (right once in four showings) says nothing about this question.
 * Each kind settles its own tally beside its builder (quoteSpeakerAnswers in
 * quote-speaker.ts and so on), so this file depends on none of them.
 */
export function tally(ids: Iterable<string | undefined>): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of ids) if (id) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** One question a kind would ask, by its right answer, built against a given tally. */
interface Ask {
  answer: string;
  build(answers: ReadonlyMap<string, number>, random: Random): Draft | Declined;
}

/** A few draws per question: one draw can fail where another, with other distractors, would not. */
const TRIES = 3;
const ROUNDS = 4;

/** Each try's draft, the declined left out. */
function drafts(ask: Ask, answers: ReadonlyMap<string, number>): Draft[] {
  const out: Draft[] = [];
  for (let k = 1; k <= TRIES; k++) {
    const draft = ask.build(answers, seededRandom(k));
    if (!isDeclined(draft)) out.push(draft);
  }
  return out;
}

/**
 * The tally of right answers whose own questions can be built when their
 * distractors come from the same tally. An answer whose question cannot be
 * asked (a name shaped unlike every other) would otherwise be offered
 * again and again and never be right; dropping it can leave another
 * without distractors, so this runs until nothing more drops.
 *
 * Then the weights are evened out. An answer the texts often name (Armenia,
 * in reports that mention Armenia) cannot be a distractor there, so it turns
 * up wrong less often than it is right, and a player who has seen the pool
 * would learn to pick it. Each round weighs every answer by how far its
 * showings as a distractor fall short of, or exceed, the even share: the
 * options beside each right answer.
 */
export function settle(asks: readonly Ask[]): Map<string, number> {
  let answers = tally(asks.map((a) => a.answer));
  for (let round = 0; round < ROUNDS; round++) {
    const next = tally(asks.filter((a) => drafts(a, answers).length > 0).map((a) => a.answer));
    if (next.size === answers.size) break;
    answers = next;
  }
  const weights = new Map(answers);
  for (let round = 0; round < ROUNDS; round++) {
    const right = new Map<string, number>();
    const wrong = new Map<string, number>();
    let slots = 0;
    for (const ask of asks) {
      if (!answers.has(ask.answer)) continue;
      for (const draft of drafts(ask, weights)) {
        right.set(ask.answer, (right.get(ask.answer) ?? 0) + 1);
        slots += draft.distractors.length;
        for (const d of draft.distractors)
          if (d.facet?.entity) wrong.set(d.facet.entity, (wrong.get(d.facet.entity) ?? 0) + 1);
      }
    }
    const perRight =
      slots /
      Math.max(
        1,
        [...right.values()].reduce((a, b) => a + b, 0),
      );
    for (const [id, w] of weights) {
      const due = (right.get(id) ?? 0) * perRight;
      const ratio = (due + 1) / ((wrong.get(id) ?? 0) + 1);
      weights.set(id, Math.min(50, Math.max(0.02, w * Math.sqrt(ratio))));
    }
  }
  return weights;
}
