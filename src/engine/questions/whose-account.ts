import type { Pack } from '../../content/pack.js';
import type { Actor, Claim } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeClaim, opposedBy } from '../attribution.js';
import { contextOnly } from './context-only.js';
import { entityOption, mentions } from './finalize.js';
import { countryOf, hints } from './gaps.js';
import { type Declined, type Draft, decline, isDeclined } from './types.js';

/**
 * The other side's accounts of the same fight: claims this one opposes, or
 * that oppose it, made for another state. Their speakers' states are the
 * second option; their accounts, the reveal's other half.
 */
function otherSidesAccounts(pack: Pack, claim: Claim, side: string): Claim[] {
  const linked = [...claim.opposes.map((id) => pack.claims.get(id)), ...(opposedBy(pack, 'all').get(claim.id) ?? [])];
  const out = new Map<string, Claim>();
  for (const other of linked) {
    if (!other || other.event !== claim.event) continue;
    const country = countryOf(pack, other.statedBy);
    if (country && country !== side) out.set(other.id, other);
  }
  return [...out.values()];
}

/**
 * "In the Tavush–Tovuz border clashes (July 2020), each side blamed the other. Which side
 * said that the clashes started after a group of the other side's soldiers
 * violated its state border in a UAZ vehicle?": who started a fight, asked
 * as who said what. Named sides would answer it unread (the accused never
 * says it), so the curator writes the account with the sides unnamed
 * (`account`), and the options are the two states. The reveal gives both
 * accounts, each attributed, and states neither as fact.
 */
export function whoseAccount(pack: Pack, claim: Claim): Draft | Declined {
  const account = claim.account;
  if (!account) return decline('the curator gives it no account with the sides unnamed');
  const context = contextOnly(claim);
  if (context) return decline(context);
  const event = claim.event ? pack.events.get(claim.event) : undefined;
  if (!event) return decline('its fight is not in the pack');
  const sideId = countryOf(pack, claim.statedBy);
  const side = sideId ? pack.actors.get(sideId) : undefined;
  if (!side) return decline('its speaker speaks for no state, so there is no side to name');
  const theirs = otherSidesAccounts(pack, claim, side.id);
  const others = [...new Set(theirs.map((c) => countryOf(pack, c.statedBy) as string))];
  if (others.length !== 1)
    return decline(
      others.length === 0
        ? 'it contradicts no other side’s account of the same fight'
        : 'it contradicts the accounts of more than one other side',
    );
  const other = pack.actors.get(others[0] as string) as Actor;
  const named = [side, other].find((s) => hints(account, s));
  if (named) return decline(`its account names ${named.name}, which tells whose it is`);
  // "…opened fire on its positions in the Tovuz district": a place of one side's country says whose.
  const placed = [...pack.places.values()].find(
    (p) => (p.country === side.id || p.country === other.id) && mentions(account, [p.name, ...p.aliases]),
  );
  if (placed)
    return decline(`its account names ${placed.name}, a place in one side's country, which tells whose it is`);
  const episode = pack.meta.episodes.find((e) => e.id === event.episode)?.name;
  const fight = episode ? `the ${episode}` : `“${event.title}”`;
  // Opposed counts of the dead are no blame: only where one of the two accounts says who started it.
  const blame = [claim, ...theirs].some((c) => c.kind === 'responsibility');
  return {
    kind: 'whose-account',
    subject: claim.id,
    prompt: `In ${fight}, ${blame ? 'each side blamed the other' : 'the two sides’ accounts differ'}. Which side said that ${account.replace(/[.]$/, '')}?`,
    correct: entityOption(side, 'state'),
    distractors: [entityOption(other, 'state')],
    difficulty: 'medium',
    pair: true,
    // The attribution names the side; it ends on the other side's account ("Against that, Armenia's account was that …").
    explanation: attributeClaim(pack, claim, { brief: true }),
    sourceIds: [...new Set([claim.source, ...theirs.map((c) => c.source)])],
    eventIds: [event.id],
    subjects: [claim.id],
  };
}

/** Is the claim asked as which side gave its account? Then no who-said or True/False asks it again. */
export const accountAsked = packCache((pack, claimId: string): boolean => {
  const claim = pack.claims.get(claimId);
  return claim !== undefined && !isDeclined(whoseAccount(pack, claim));
});
