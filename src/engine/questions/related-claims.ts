import type { Pack } from '../../content/pack.js';
import { pushTo } from '../../content/push-to.js';
import type { Claim } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';

/**
 * The claims that list a claim as related, in the pack's order: each
 * figure asks who points at it, and a walk over every claim for each is
 * 400 million steps on a pack of 20,000.
 */
const pointingAt = packCache((pack, _: 'all') => {
  const out = new Map<string, Claim[]>();
  for (const claim of pack.data.claims) for (const id of new Set(claim.related)) pushTo(out, id, claim);
  return out;
});

/** The claims whose `related` names this one. */
export function claimsRelatingTo(pack: Pack, claimId: string): readonly Claim[] {
  return pointingAt(pack, 'all').get(claimId) ?? [];
}
