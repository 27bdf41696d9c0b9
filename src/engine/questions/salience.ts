import type { Pack } from '../../content/pack.js';
import type { Claim, Event } from '../../content/schema.js';
import type { Draft } from './types.js';

/**
 * How much a question matters to someone learning the story. Deaths,
 * displacement, ceasefires and who started the fighting come before job
 * titles and side remarks; the events the pack says most about come before
 * ones it mentions in passing; what the warring states and their leaders
 * said comes before what a commentator said.
 */

/** By the default types; a pack's own types weigh 1 until salience learns them. */
const EVENT_TYPE: Record<string, number> = {
  offensive: 3,
  clash: 3,
  ceasefire: 3,
  agreement: 3,
  casualties: 3,
  capture: 2.5,
  'martial-law': 2.5,
  shelling: 2.5,
  'air-strike': 2.5,
  mobilisation: 2,
  diplomacy: 1.5,
  statement: 1.5,
  political: 1.5,
  exercise: 1.2,
  'arms-deal': 1.2,
  protest: 1.2,
  other: 1,
};

const CLAIM_KIND: Record<Claim['kind'], number> = {
  casualties: 3,
  humanitarian: 3,
  responsibility: 3,
  territory: 2.5,
  'military-action': 2,
  'equipment-losses': 2,
  forces: 1.5,
  arms: 1.5,
  diplomatic: 1.5,
  political: 1.2,
  economic: 1,
  other: 1,
};

/** Words that mark what a war's history turns on. */
const GRAVE =
  /\b(killed|deaths?|dead|lives|casualt|displaced|refugees?|ceasefire|truce|war|martial law|mobili[sz]ation|seized|captured)\b/i;

/** Actors whose words move the story: the two states and those who lead them. */
function isKeyActor(pack: Pack, id: string | undefined): boolean {
  if (!id) return false;
  const actor = pack.actors.get(id);
  if (!actor) return false;
  if (actor.kind === 'state') return true;
  const leads = actor.roles.some((r) =>
    /\b(president|prime minister|foreign minister|defen[cs]e minister)\b/i.test(r.title),
  );
  return leads || actor.kind === 'government-body' || actor.kind === 'armed-force';
}

/** How much an event's kind matters to the story: fighting and ceasefires 3, exercises and arms deals 1.2, a pack's own types 1. */
export function typeWeight(event: Event): number {
  return EVENT_TYPE[event.type] ?? 1;
}

/** An event weighs by its type and by how much the pack reports of it. */
export function eventWeight(pack: Pack, event: Event): number {
  const reported = pack.claimsFor(event.id).length + pack.quotesFor(event.id).length + pack.factsFor(event.id).length;
  const background = event.episode === 'background' ? 1.2 : 1;
  return typeWeight(event) * background * (1 + Math.min(reported, 10) / 10);
}

export function claimWeight(pack: Pack, claim: Claim): number {
  const event = claim.event ? pack.events.get(claim.event) : undefined;
  const context = event ? Math.sqrt(eventWeight(pack, event) / 2) : 1;
  return CLAIM_KIND[claim.kind] * (isKeyActor(pack, claim.statedBy) ? 1.3 : 1) * context;
}

/** The weight a draft's question carries, from what it is about. */
export function draftWeight(pack: Pack, draft: Draft): number {
  const subjects = draft.subjects ?? [];
  let weight = 0;
  for (const id of subjects) {
    const claim = pack.claims.get(id);
    if (claim) weight = Math.max(weight, claimWeight(pack, claim));
    const quote = pack.quotes.get(id);
    if (quote) {
      const event = quote.event ? pack.events.get(quote.event) : undefined;
      const base = (isKeyActor(pack, quote.speaker) ? 1.5 : 1) * (GRAVE.test(quote.text) ? 1.5 : 1);
      weight = Math.max(weight, base * (event ? Math.sqrt(eventWeight(pack, event) / 2) : 1));
    }
    // Where a place is matters less than what happened there.
    if (pack.places.has(id)) {
      const event = pack.eventsInvolving(id)[0];
      weight = Math.max(weight, event ? Math.sqrt(eventWeight(pack, event) / 2) : 1);
    }
    const fact = pack.facts.get(id);
    if (fact) weight = Math.max(weight, (GRAVE.test(fact.statement) ? 2 : 1.2) * (fact.date ? 1 : 0.9));
  }
  if (weight === 0) {
    const events = draft.eventIds.map((id) => pack.events.get(id)).filter((e): e is Event => e !== undefined);
    const first = events[0];
    weight = first ? eventWeight(pack, first) : 1;
  }
  return Math.round(weight * 100) / 100;
}
