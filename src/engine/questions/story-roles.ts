import type { Event } from '../../content/schema.js';

/**
 * Where an event sits in a story told on its face: a war opens with fighting
 * or martial law, closes with a ceasefire, and is talked about in between.
 * A player who takes four events for one story orders them by these roles
 * without knowing any date.
 */
export type StoryRole = 'opening' | 'middle' | 'closing';

const OPENING_TYPES: ReadonlySet<string> = new Set(['clash', 'offensive', 'martial-law']);
const CLOSING_TYPES: ReadonlySet<string> = new Set(['ceasefire']);
const OPENING_WORDS =
  /\b(begins?|breaks? out|outbreak|erupts?|comes? to power|declares? (martial law|a state of siege|war))\b/i;
/** Words that say something came before: "a new war", "clashes continue", "after the 2020 war". */
const CLOSING_WORDS = /\b(new war|again|renewed|resumes?|continues?|continued|still|after the|peacekeepers?)\b/i;

export function storyRole(event: Pick<Event, 'title' | 'type'>): StoryRole {
  if (CLOSING_WORDS.test(event.title) || CLOSING_TYPES.has(event.type)) return 'closing';
  if (OPENING_WORDS.test(event.title) || OPENING_TYPES.has(event.type)) return 'opening';
  return 'middle';
}

/**
 * Does the answer's role alone pick it? Asked which came first: the one
 * opening among events that are not, or the one that is not a closing
 * among closings. Asked which came last: the reverse. A review found 12 of
 * 100 order questions answered so ("Azerbaijan declares a state of siege"
 * first among a strike report, a call and a gas deal). Where two options
 * share the cue, or it points at a wrong one, it tells nothing.
 */
export function roleGivesAway(answer: StoryRole, others: readonly StoryRole[], first: boolean): boolean {
  const [lead, tail] = first ? (['opening', 'closing'] as const) : (['closing', 'opening'] as const);
  if (answer === lead && !others.includes(lead)) return true;
  return answer !== tail && others.length > 0 && others.every((r) => r === tail);
}

/** The option a player ordering by roles alone would pick, if the roles single one out. */
export function roleGuess(roles: readonly StoryRole[], first: boolean): number | undefined {
  const picked = roles.findIndex((r, i) =>
    roleGivesAway(
      r,
      roles.filter((_, j) => j !== i),
      first,
    ),
  );
  return picked < 0 ? undefined : picked;
}
