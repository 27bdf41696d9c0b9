/**
 * Where an event sits in a story told on its face, earliest first: a war
 * starts it, then a new government or an outbreak; fighting comes next;
 * then the measures and consequences that answer fighting (martial law,
 * fire landing across a border); then words about it (calls, statements,
 * reports); then a ceasefire; last, what says it came after something else
 * ("again", "a new war"). The ties and means behind the story (a pact, aid,
 * a gas deal) are background, no step of it. A player who takes four events
 * for one story orders them by these roles without knowing any date: blind
 * reviews 28 to 32 found 4 to 12 of 100 order questions answered so.
 */
export const STORY_ROLES = [
  'background',
  'war',
  'origin',
  'fighting',
  'measure',
  'words',
  'closing',
  'sequel',
] as const;
export type StoryRole = (typeof STORY_ROLES)[number];
