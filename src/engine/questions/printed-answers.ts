import type { Pack } from '../../content/pack.js';
import { pushTo } from '../../content/push-to.js';
import type { Claim } from '../../content/schema.js';
import { numbersIn, sameValue } from './numbers.js';
import { bareExcerpt } from './wording.js';

/**
 * The figures (`claim-id#index`) left out because their sentence prints
 * the number another figure still asked asks, each with the first such
 * figure, and the figures kept. A figure's claim must be linked to the
 * other's: related either way, cut from the same sentence, or told of the
 * same event; such a sentence would answer that question ("nearly 7,000
 * lives, with Azerbaijan reporting 3,006…" beside "it cost nearly ___
 * lives"). Figures are taken in order, and one left out answers no later one.
 *
 * Only the figures whose number a sentence prints are looked at, found by
 * value: setting each figure against every other is 400 million checks on
 * a pack of 20,000 claims.
 */
export function leaveOutPrinters<A extends { key: string }>(
  pack: Pack,
  asks: readonly A[],
): { kept: A[]; printers: Map<string, string> } {
  const split = new Map(
    asks.map((ask) => {
      const [claimId, index] = ask.key.split('#') as [string, string];
      const claim = pack.claims.get(claimId) as Claim;
      return [ask, { claimId, claim, value: claim.figures[Number(index)]?.value }];
    }),
  );
  const parts = (ask: A) => split.get(ask) as { claimId: string; claim: Claim; value: number | undefined };
  const place = new Map(asks.map((ask, i) => [ask, i]));
  const byValue = new Map<number, A[]>();
  for (const ask of asks) {
    const { value } = parts(ask);
    if (value === undefined) continue;
    pushTo(byValue, value, ask);
  }
  // Two numbers are one value within a part in a million, so a printed number may match several.
  const matching = new Map<number, number[]>();
  const valuesNear = (n: number) => {
    let found = matching.get(n);
    if (!found) {
      found = [...byValue.keys()].filter((v) => sameValue(n, v));
      matching.set(n, found);
    }
    return found;
  };
  const bare = new Map<Claim, string>();
  const bareOf = (claim: Claim) => {
    let text = bare.get(claim);
    if (text === undefined) {
      text = bareExcerpt(claim.excerpt);
      bare.set(claim, text);
    }
    return text;
  };
  // Two claims cut from one sentence: one excerpt, its "…" marks aside, holds the other.
  const sameSentence = (a: Claim, b: Claim) => {
    const [x, y] = [bareOf(a), bareOf(b)];
    return x.includes(y) || y.includes(x);
  };
  const printers = new Map<string, string>();
  const left = new Set<A>();
  for (const ask of asks) {
    const { claimId, claim, value: own } = parts(ask);
    const printed = numbersIn(claim.excerpt).filter((n) => !sameValue(n.value, own as number));
    const candidates = new Set<A>();
    for (const n of printed)
      for (const v of valuesNear(n.value)) for (const other of byValue.get(v) ?? []) candidates.add(other);
    const inOrder = [...candidates].filter((other) => other !== ask && !left.has(other));
    inOrder.sort((a, b) => (place.get(a) as number) - (place.get(b) as number));
    const answered = inOrder.find((other) => {
      const { claimId: otherId, claim: otherClaim } = parts(other);
      return (
        otherClaim.related.includes(claimId) ||
        claim.related.includes(otherId) ||
        sameSentence(claim, otherClaim) ||
        (claim.event !== undefined && claim.event === otherClaim.event)
      );
    });
    if (answered) {
      printers.set(ask.key, answered.key);
      left.add(ask);
    }
  }
  return { kept: asks.filter((ask) => !left.has(ask)), printers };
}
