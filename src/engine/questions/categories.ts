import type { Actor, Place } from '../../content/schema.js';

/**
 * The categories options are compared in. A player who sees one head of
 * state among three think-tanks, or one bare "Tovuz" among "… District"s,
 * picks it without knowing anything; so every option of a question shares
 * one of these.
 */

/** What a person's roles make them, broadly: leaders with leaders, spokespeople with spokespeople. */
export function personClass(actor: Actor): string {
  const titles = actor.roles.map((r) => r.title.toLowerCase()).join(' | ');
  if (/spokes|press secretary|press service/.test(titles)) return 'spokesperson';
  // The head of a research centre comments; a "secretary-general" of the UN does not.
  if (/\b(research|studies|institute|university|think.tank)\b/.test(titles)) return 'commentator';
  if (/\b(president|prime minister|chancellor|king|leader|head of state)\b/.test(titles) && !/vice/.test(titles))
    return 'leader';
  if (
    /minister|secretary of state|secretary-general|high representative|foreign policy chief|commissioner/.test(titles)
  )
    return 'official';
  if (/general|commander|colonel|officer|soldier|chief of/.test(titles)) return 'military';
  if (/analyst|expert|fellow|professor|researcher|scholar|director|editor|journalist|correspondent|author/.test(titles))
    return 'commentator';
  return 'other';
}

/**
 * Officials, spokespeople and officers all speak for a state; analysts
 * comment; residents and recruits tell what they saw. Finer classes leave
 * too few of each to set against one another.
 */
const PERSON_STANDING: Record<string, string> = {
  leader: 'leader',
  official: 'official',
  spokesperson: 'official',
  military: 'official',
  commentator: 'commentator',
  other: 'witness',
};

export function actorCategory(actor: Actor): string {
  if (actor.kind === 'person') return `person:${PERSON_STANDING[personClass(actor)]}`;
  // Ministries and armed forces speak for a state; groups ("Turkish officials", "173 French lawmakers") are set
  // against groups; parties, think-tanks and papers against each other.
  if (actor.kind === 'government-body' || actor.kind === 'armed-force') return 'body';
  if (actor.kind === 'organisation' || actor.kind === 'alliance' || actor.kind === 'media') return 'organisation';
  return actor.kind;
}

/** A district with districts, a town with towns and cities, a village with villages ("the capture of seven villages"). */
export function placeLevel(place: Place): string {
  return ['city', 'town'].includes(place.kind) ? 'town' : place.kind;
}

const KIND_WORDS = /\b(district|province|region|republic|oblast|marz|rayon|city|mountains?|river|sea|base|airport)$/i;

/** The naming form: "Tovuz District" and "Tovuz" read as different kinds of thing. */
export function placeCategory(place: Place): string {
  const suffix = KIND_WORDS.exec(place.name)?.[1]?.toLowerCase() ?? '-';
  return `place:${placeLevel(place)}:${suffix}`;
}
