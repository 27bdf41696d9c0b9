import { formatSpan } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Claim } from '../../content/schema.js';
import { overlaps, span } from './calendar.js';
import { countryOf } from './gaps.js';
import type { Random } from './random.js';
import { type Declined, type Draft, decline, type Option } from './types.js';
import { fromArticle, inSentence } from './wording.js';

/**
 * "The fighting of 12–17 July 2020: which account of it did Azerbaijan's
 * Ministry of Defence give?" Asking who blamed whom teaches nothing, since
 * each side blames the other and the accused side never says it. So the
 * speaker is named, and every option is an account the same side gave of a
 * different fight: all of them blame the other side, and only knowing which
 * fight each belongs to tells them apart. The fight is named by its dates,
 * not its title: the title's place would point at the account naming it.
 */
export function blameAccount(pack: Pack, claim: Claim, random: Random): Draft | Declined {
  if (!claim.account) return decline('it gives no account of how the fighting began');
  const event = claim.event ? pack.events.get(claim.event) : undefined;
  if (!event) return decline('it is tied to no event, so the fight cannot be named');
  const speaker = pack.actors.get(claim.statedBy);
  const side = countryOf(pack, claim.statedBy);
  if (!speaker || !side) return decline('its speaker belongs to no side');
  const when = span(event.date, event.endDate);
  // Accounts of fights that overlap this one could be about it too.
  const others = pack.data.claims.filter((other) => {
    if (!other.account || other.id === claim.id || countryOf(pack, other.statedBy) !== side) return false;
    const fight = other.event ? pack.events.get(other.event) : undefined;
    return fight !== undefined && !overlaps(span(fight.date, fight.endDate), when);
  });
  if (others.length === 0) return decline('its side gave no account of another fight to set against it');
  const option = (c: Claim): Option => ({ text: c.account as string, facet: { category: 'account' } });
  const distractors = random
    .shuffle(others)
    .slice(0, 3)
    .map((c) => option(c));
  const otherSide = claim.opposes
    .map((id) => pack.claims.get(id))
    .find((c) => c !== undefined && countryOf(pack, c.statedBy) !== side);
  return {
    kind: 'blame-account',
    subject: claim.id,
    prompt: `The fighting of ${formatSpan(event.date, event.endDate)}: which account of it did ${inSentence(speaker)} give?`,
    correct: option(claim),
    distractors,
    pair: distractors.length === 1,
    difficulty: 'medium',
    explanation: [
      claim.statement,
      fromArticle(pack, claim.source, claim.excerpt),
      otherSide && `The other side: ${otherSide.statement}`,
    ]
      .filter(Boolean)
      .join(' '),
    sourceIds: [claim.source, ...(otherSide ? [otherSide.source] : [])],
    eventIds: [event.id],
    subjects: [claim.id],
  };
}
