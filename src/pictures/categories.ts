import { type CategoryColour, categoryOfEvent } from '../content/categories.js';
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

const drawn = new Map<string, Category>();

export function categoryOf(event: Event): Category {
  const c = categoryOfEvent(event);
  const key = `${c.index}\u0000${c.id}\u0000${c.label}\u0000${c.colour}`;
  let category = drawn.get(key);
  if (!category) {
    category = { id: c.id, label: c.label, colour: HEX[c.colour], shape: SHAPES[c.index] as Shape, index: c.index };
    drawn.set(key, category);
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
