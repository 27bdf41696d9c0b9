import type { Event } from '../content/schema.js';
import { OKABE_ITO } from './palette.js';

/**
 * Event types folded into four groups for the timeline's marks. A group has
 * a colour and a shape, so the legend reads without colour vision. Groups
 * describe what kind of event it was, never which side took part.
 */
export type Shape = 'circle' | 'diamond' | 'square' | 'triangle';

export interface Category {
  id: string;
  label: string;
  colour: string;
  shape: Shape;
}

export const CATEGORIES = {
  fighting: { id: 'fighting', label: 'Fighting', colour: OKABE_ITO.orange, shape: 'circle' },
  talks: { id: 'talks', label: 'Ceasefires & talks', colour: OKABE_ITO.bluishGreen, shape: 'diamond' },
  politics: { id: 'politics', label: 'Politics & statements', colour: OKABE_ITO.blue, shape: 'square' },
  other: { id: 'other', label: 'Arms & other', colour: OKABE_ITO.reddishPurple, shape: 'triangle' },
} as const satisfies Record<string, Category>;

const BY_TYPE: Record<Event['type'], Category> = {
  clash: CATEGORIES.fighting,
  offensive: CATEGORIES.fighting,
  shelling: CATEGORIES.fighting,
  'air-strike': CATEGORIES.fighting,
  capture: CATEGORIES.fighting,
  casualties: CATEGORIES.fighting,
  ceasefire: CATEGORIES.talks,
  agreement: CATEGORIES.talks,
  diplomacy: CATEGORIES.talks,
  statement: CATEGORIES.politics,
  political: CATEGORIES.politics,
  protest: CATEGORIES.politics,
  mobilisation: CATEGORIES.politics,
  'martial-law': CATEGORIES.politics,
  'arms-deal': CATEGORIES.other,
  exercise: CATEGORIES.other,
  other: CATEGORIES.other,
};

export function categoryOf(event: Event): Category {
  return BY_TYPE[event.type];
}

/** The categories present in these events, in legend order. */
export function categoriesIn(events: readonly Event[]): Category[] {
  const present = new Set(events.map((e) => categoryOf(e).id));
  return Object.values(CATEGORIES).filter((c) => present.has(c.id));
}
