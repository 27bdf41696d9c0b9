import { wordStems } from '../../content/normalize.js';
import type { Event } from '../../content/schema.js';
import { STORY_ROLES, type StoryRole } from '../../content/story-roles.js';
import { itemCache } from '../../core/pack-memo.js';

// The roles are a pack's vocabulary too (an event's `storyRole`), so the content layer names them.
export { STORY_ROLES, type StoryRole };

const SEQUEL_WORDS =
  /\b(again|new (war|border fighting|fighting|clashes)|renewed|resumes?|continues?|continued|still|despite|after the)\b/i;
const ORIGIN_WORDS = /\b(begins?|breaks? out|outbreak|erupts?|comes? to power)\b/i;
/** "The full-scale war in which …": a whole war, named with its article, reads as where the story starts. */
const WAR_WORDS = /^the .*\bwar\b/i;
const FIGHTING_TYPES: ReadonlySet<string> = new Set([
  'clash',
  'offensive',
  'shelling',
  'air-strike',
  'capture',
  'casualties',
]);
/**
 * Ties and means that sit behind a story rather than in it: a pact, aid, a
 * budget, a gas deal, a mediators' mandate, unless the title ties them to
 * the fighting.
 */
const BACKGROUND_WORDS = /\b(pact|aid|spending|gas deal|overseeing talks|exercises?)\b/i;
const TIED_TO_FIGHTING = /\b(fighting|clash(es)?|war|ceasefire|hostilities|neutrality|losses)\b/i;
const SPILLOVER = /\blands? in\b|\bspills? (over|into)\b/i;
/** "Armenian authorities report a LORA missile strike": the report is words about the fighting. */
const REPORTED = /^\S+( \S+)? reports?\b|\btweets?\b/i;

/** Once per event: every trio an order question weighs asks again of each of its four. */
export const storyRole = itemCache((event: Pick<Event, 'title' | 'type' | 'storyRole'>): StoryRole => {
  // The curator's word, where the title's own words do not say it: a mission's launch opens its story.
  if (event.storyRole) return event.storyRole;
  if (SEQUEL_WORDS.test(event.title)) return 'sequel';
  if (event.type === 'ceasefire') return 'closing';
  if (WAR_WORDS.test(event.title)) return 'war';
  if (ORIGIN_WORDS.test(event.title)) return 'origin';
  if (REPORTED.test(event.title)) return 'words';
  // "Mortar fire lands in Iran": fire that spills over a border answers fighting that began elsewhere.
  if (SPILLOVER.test(event.title)) return 'measure';
  if (FIGHTING_TYPES.has(event.type)) return 'fighting';
  if (event.type === 'martial-law') return 'measure';
  if (BACKGROUND_WORDS.test(event.title) && !TIED_TO_FIGHTING.test(event.title)) return 'background';
  return 'words';
});

const rank = (role: StoryRole) => STORY_ROLES.indexOf(role);

/**
 * Does the answer's role alone pick it? Asked which came first: it alone
 * holds the earliest role of the four; asked which came last, the latest.
 * Background (a pact, a gas deal) is no step of the story: a reader sets it
 * aside, so it neither shares a role nor stands out, except as first where
 * it is the only background among story events, or where the answer is the
 * only story event among background, asked either way. Where another option shares
 * the answer's role, or the cue points at a wrong option, it tells nothing.
 */
export function roleGivesAway(answer: StoryRole, others: readonly StoryRole[], first: boolean): boolean {
  const story = others.filter((r) => r !== 'background');
  if (answer === 'background') return first && story.length === others.length && others.length > 0;
  // The one story event among background reads as the story itself, first or last: "The full-scale war…"
  // first among a pact, aid and a gas deal that all assume the conflict.
  if (story.length === 0) return others.length > 0;
  const mine = rank(answer);
  return story.every((r) => (first ? rank(r) > mine : rank(r) < mine));
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

const CALLS_FOR_CEASEFIRE = /\bcalls? (for|on [^,]+ to) (a |an )?(ceasefire|truce|halt|the fighting to stop)\b/i;
/** Once per event: every trio weighed asks it of each pair of the four. */
const callsForCeasefire = itemCache((event: Pick<Event, 'title'>) => CALLS_FOR_CEASEFIRE.test(event.title));

/** "Turkey rejects calls for an immediate ceasefire", "Macron criticises Turkey's statements": a reply, and what to. */
const REPLY = /\b(rejects|criticises|criticizes|answers|denies|responds to)\b(.*)$/i;
/** The word stems of what a title replies to, and of the title itself: once per event, as every trio asks. */
const replyStems = itemCache(
  (event: Pick<Event, 'title'>) => new Set(wordStems(REPLY.exec(event.title)?.[2] ?? '', 4, 5)),
);
const titleStems = itemCache((event: Pick<Event, 'title'>) => new Set(wordStems(event.title, 4, 5)));

/**
 * Does one title reply to what another names ("rejects calls for an
 * immediate ceasefire" beside "CSTO calls for a ceasefire")? A reader puts
 * the reply after it, whatever the dates: the two are not set in one order
 * question.
 */
export function repliesTo(reply: Pick<Event, 'title' | 'type'>, other: Pick<Event, 'title' | 'type'>): boolean {
  // A ceasefire answers a call for one: "CSTO calls for a ceasefire" reads as before "Moscow brokers a
  // border ceasefire", whatever the fights (a review picked it so).
  if (reply.type === 'ceasefire' && callsForCeasefire(other)) return true;
  const theirs = titleStems(other);
  return [...replyStems(reply)].some((w) => theirs.has(w));
}
