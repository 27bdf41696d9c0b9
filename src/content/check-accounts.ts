import type { Report } from './check-types.js';
import type { PackData } from './pack.js';

/**
 * An account is asked as "which side said that …": it needs the fight it
 * is an account of, and the other side's account it is set against, or
 * the question has no fight to name and no second side to offer.
 */
export function checkAccounts(pack: PackData, report: Report): void {
  for (const claim of pack.claims) {
    if (claim.account === undefined) continue;
    if (!claim.event)
      report(claim, ['account'], 'an account is asked by the fight it tells of: give the claim its `event`');
    if (claim.opposes.length === 0)
      report(
        claim,
        ['account'],
        'an account is asked against the other side’s: list the claim it contradicts in `opposes`',
      );
  }
}
