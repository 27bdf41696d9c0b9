import { type CategoryColour, categoryOfEvent, type EventCategory } from '../content/categories.js';
import type { Event } from '../content/schema.js';
import { OKABE_ITO } from './palette.js';

/**
 * The pack's event categories as the timeline draws them. A category has a
 * colour and a shape, so the legend reads without colour vision.
 */
export type Shape = 'circle' | 'diamond' | 'square' | 'triangle';

export interface Category {
  id: string;
  label: string;
  colour: string;
  shape: Shape;
  /** Legend order. */
  index: number;
}

const SHAPES: readonly Shape[] = ['circle', 'diamond', 'square', 'triangle'];

const HEX: Record<CategoryColour, string> = {
  orange: OKABE_ITO.orange,
  'bluish-green': OKABE_ITO.bluishGreen,
  blue: OKABE_ITO.blue,
  'reddish-purple': OKABE_ITO.reddishPurple,
  'sky-blue': OKABE_ITO.skyBlue,
  vermillion: OKABE_ITO.vermillion,
};

/** Each pack category drawn once: the chart asks for every event's, on packs of 20,000 events. */
const drawn = new WeakMap<EventCategory, Category>();

export function categoryOf(event: Event): Category {
  const c = categoryOfEvent(event);
  let category = drawn.get(c);
  if (!category) {
    category = { id: c.id, label: c.label, colour: HEX[c.colour], shape: SHAPES[c.index] as Shape, index: c.index };
    drawn.set(c, category);
  }
  return category;
}

/** The categories present in these events, in legend order. */
export function categoriesIn(events: readonly Event[]): Category[] {
  const present = new Map<number, Category>();
  for (const event of events) {
    const category = categoryOf(event);
    present.set(category.index, category);
  }
  return [...present.values()].sort((a, b) => a.index - b.index);
}
