/**
 * What kind of event it was, in a few groups a chart can key: a pack names
 * its own (`pack.categories`), or gets the defaults, written for a war. A
 * group says what happened, never which side took part.
 */
export interface EventCategory {
  id: string;
  label: string;
  /** A name from the colour-blind-safe palette the pictures use. */
  colour: CategoryColour;
  /** Legend order, and which of the four shapes it is drawn with. */
  index: number;
  types: readonly string[];
}

/** The Okabe–Ito colours, by name, that the pictures can draw a category in. */
export const CATEGORY_COLOURS = ['orange', 'bluish-green', 'blue', 'reddish-purple', 'sky-blue', 'vermillion'] as const;
export type CategoryColour = (typeof CATEGORY_COLOURS)[number];

/** Each category is drawn with its own shape, so the legend reads without colour; there are four. */
export const MAX_CATEGORIES = 4;

const DEFAULT_CATEGORIES: readonly Omit<EventCategory, 'index'>[] = [
  {
    id: 'fighting',
    label: 'Fighting',
    colour: 'orange',
    types: ['clash', 'offensive', 'shelling', 'air-strike', 'capture', 'casualties'],
  },
  {
    id: 'talks',
    label: 'Ceasefires & talks',
    colour: 'bluish-green',
    types: ['ceasefire', 'agreement', 'diplomacy', 'phone-call'],
  },
  {
    id: 'politics',
    label: 'Politics & statements',
    colour: 'blue',
    types: ['statement', 'political', 'protest', 'mobilisation', 'martial-law'],
  },
  { id: 'other', label: 'Arms & other', colour: 'reddish-purple', types: ['arms-deal', 'exercise', 'other'] },
];

/** A pack's own category as declared; the schema's PackCategory, named here so the schema can build on this file. */
interface DeclaredCategory {
  id: string;
  label: string;
  colour?: CategoryColour;
  types: readonly string[];
}

/** What filing needs of an event: its type. */
interface Typed {
  type: string;
}

/** The pack's categories in legend order, each with a colour: its own, or the next unused one. */
export function categoriesOf(meta: { categories?: readonly DeclaredCategory[] }): EventCategory[] {
  const declared = meta.categories ?? DEFAULT_CATEGORIES;
  const taken = new Set(declared.flatMap((c) => (c.colour ? [c.colour] : [])));
  const free = CATEGORY_COLOURS.filter((c) => !taken.has(c));
  return declared.map((c, index) => ({
    id: c.id,
    label: c.label,
    colour: c.colour ?? (free.shift() as CategoryColour),
    index,
    types: c.types,
  }));
}

const DEFAULTS = categoriesOf({});
const DEFAULT_BY_TYPE = new Map(DEFAULTS.flatMap((c) => c.types.map((t) => [t, c] as const)));
const OF_EVENT = new WeakMap<Typed, EventCategory>();

/** Files each event of a pack under its pack's category, so a picture given only events can key them. */
export function fileCategories(events: Iterable<Typed>, categories: readonly EventCategory[]): void {
  const byType = new Map(categories.flatMap((c) => c.types.map((t) => [t, c] as const)));
  const last = categories[categories.length - 1] as EventCategory;
  for (const event of events) OF_EVENT.set(event, byType.get(event.type) ?? last);
}

/** An event's category: as its pack files it, or by the default groups for an event built outside a pack. */
export function categoryOfEvent(event: Typed): EventCategory {
  return OF_EVENT.get(event) ?? DEFAULT_BY_TYPE.get(event.type) ?? (DEFAULTS[DEFAULTS.length - 1] as EventCategory);
}
