import { z } from 'zod';
import { CATEGORY_COLOURS, MAX_CATEGORIES } from './categories.js';
import { isRealDate } from './dates.js';
import { STORY_ROLES } from './story-roles.js';

/**
 * The content model. Every statement about the conflict is a claim made by
 * someone, as of a date, in a named article, with a verbatim excerpt: the
 * pack never holds a bare "fact" about who did what.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase words joined by hyphens, like "armenia-mod"');

/** YYYY, YYYY-MM or YYYY-MM-DD; the form is the precision. */
export const PackDate = z.preprocess(
  // YAML reads a bare year as a number; a year is still a date here.
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD')
    .refine(isRealDate, { message: 'no such date on the calendar' }),
);

const text = z.string().trim().min(1, 'must not be empty');
const aliases = z.array(text).default([]);

export const Episode = z.strictObject({
  id,
  name: text,
  start: PackDate,
  end: PackDate.optional(),
  summary: text,
});

export const Source = z.strictObject({
  id,
  outlet: text,
  /** The headline exactly as printed. */
  headline: text,
  /** Actor ids of the authors (journalists are actors, so misprinted bylines are aliases). */
  byline: z.array(id).default([]),
  date: PackDate,
  /** A second publication of the same text, e.g. a republisher and its date. */
  republished: z.strictObject({ outlet: text, date: PackDate, url: z.url().optional() }).optional(),
  url: z.url().optional(),
  /** One neutral line on the outlet's perspective. */
  perspective: text,
  /** File name of the article's text in the seeds folder, used to verify excerpts. */
  textFile: text.optional(),
});

export const ActorKind = z.enum([
  'person',
  'state',
  'government-body',
  'armed-force',
  'organisation',
  'alliance',
  'company',
  'media',
  'group',
]);

export const Role = z.strictObject({
  title: text,
  of: id.optional(),
  from: PackDate.optional(),
  to: PackDate.optional(),
  /** The date the article describes the role as current. */
  asOf: PackDate.optional(),
  source: id,
});

export const Actor = z.strictObject({
  id,
  name: text,
  kind: ActorKind,
  aliases,
  /**
   * For a state, the adjectives the articles use for it that its name does
   * not begin ("Turkish", "French"): `content check` finds "Armenian" from
   * "Armenia" itself. Not names: nothing is looked up by them.
   */
  adjectives: z.array(text).optional(),
  /**
   * For a state, its capital, which the articles use for its government
   * ("a cease-fire brokered by Moscow"): `content check` reads it as naming
   * the state. Not a name: a typed "Moscow" is not the country Russia.
   */
  capital: text.optional(),
  /** A state actor id this actor belongs to, when it has one. */
  country: id.optional(),
  /** A parent body, e.g. a ministry's government. */
  partOf: id.optional(),
  description: text,
  roles: z.array(Role).default([]),
});

export const PlaceKind = z.enum([
  'country',
  'region',
  'province',
  'district',
  'city',
  'town',
  'village',
  'border-area',
  'military-site',
  'sea',
  'landform',
  'infrastructure',
]);

export const Place = z.strictObject({
  id,
  name: text,
  kind: PlaceKind,
  aliases,
  /** A state actor id; omitted where sovereignty itself is the dispute. */
  country: id.optional(),
  /** A containing place id. */
  in: id.optional(),
  /** Where it is, when not on Earth ("Moon"): a map of Earth lists it instead of marking it. */
  body: text.optional(),
  /** Degrees on its body; both or neither, for a place the articles do not locate. */
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** How precise lat/lon are: the point itself, a town centre, or a rough region centroid. */
  precision: z.enum(['exact', 'settlement', 'region', 'approximate']).optional(),
  note: text.optional(),
});

/** Lowercase words joined by hyphens: the form of every free kind and type a pack names. */
const word = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens, like "air-strike" or "lunar-module"');

/**
 * Kinds of things packs have needed so far. A pack may name any other kind
 * (it is a free word); these are listed so curators reuse one spelling.
 */
const THING_KINDS = [
  'drone',
  'helicopter',
  'aircraft',
  'tank',
  'armoured-vehicle',
  'artillery',
  'rocket-artillery',
  'missile',
  'air-defence',
  'small-arms',
  'munition',
  'warship',
  'ship',
  'vehicle',
  'spacecraft',
  'rocket',
  'building',
  'document',
  'programme',
  'artwork',
  'other',
] as const;

/** The kinds that make a thing a weapon, so a war pack's readers still see "Weapons named". */
const WEAPON_KINDS: ReadonlySet<string> = new Set(THING_KINDS.slice(0, THING_KINDS.indexOf('warship') + 1));

/** "Weapons" when every one of them is a weapon, else "Things". */
export function thingsWord(things: readonly { kind: string }[]): 'Weapons' | 'Things' {
  return things.length > 0 && things.every((t) => WEAPON_KINDS.has(t.kind)) ? 'Weapons' : 'Things';
}

/** Whatever is neither an actor nor a place: a weapon, a vehicle, a spacecraft, a treaty, a programme. */
export const Thing = z.strictObject({
  id,
  name: text,
  kind: word,
  aliases,
  /** State actor id of the maker's country. */
  makerCountry: id.optional(),
  maker: text.optional(),
  description: text,
});

/** A verbatim sentence (or part of one) of a source that backs an event's date or summary. */
export const Evidence = z.strictObject({ source: id, excerpt: text });

/**
 * With an end date, an event is a span (it lasted from date to endDate, like
 * a war), a window (it happened once, at some point the articles do not give
 * between date and endDate, like an undated call), or ongoing (it began on
 * date and was still going on endDate, the last day an article reports it).
 */
export const DateKind = z.enum(['span', 'window', 'ongoing']);

export const Event = z
  .strictObject({
    id,
    title: text,
    date: PackDate,
    /** For spans: "this weekend" is two days, so it gets an end date. */
    endDate: PackDate.optional(),
    dateKind: DateKind.optional(),
    /** How a relative date was resolved, e.g. "'yesterday' in an article dated 28 September 2020". */
    dateNote: text.optional(),
    episode: id,
    /** A word the pack's categories list (`pack.categories`, or the defaults: clash, ceasefire, statement, other…). */
    type: word,
    places: z.array(id).default([]),
    /** Who took part, without direction: who attacked whom is a pair of claims. */
    actors: z.array(id).default([]),
    /** Things named in it (vehicles, weapons, documents…); `weapons:` is the older name and still read. */
    things: z.array(id).default([]),
    weapons: z.array(id).optional(),
    /** Neutral summary that takes no side on contested points. */
    summary: text,
    /**
     * How a date question asks about it, after "In what year" or "On what date": "did Turkey and Azerbaijan
     * make a mutual-defence pact". A headline set after a template ("In what year did this happen? Minsk
     * Group tasked with overseeing talks.") reads like a bot; a title cannot be turned into a question by rule.
     */
    whenAsked: text.optional(),
    /**
     * Why its date is not asked, though the event is ordered and shown: general knowledge dates it (a leader's
     * coming to power), so the question tests that and not the pack.
     */
    dateNotAsked: text.optional(),
    /** Kept as context: shown in timelines, facts and briefings, never asked in a quiz nor offered as an option. Say why. */
    notAsked: text.optional(),
    /**
     * Other rounds of the conflict, outside the articles, that its undated title also fits ("UN, EU and NATO
     * officials call for the fighting to stop" fits the July 2020 clashes too): no order question sets it
     * beside an event its other reading would put on the other side of the answer. Never shown; say why.
     */
    alsoFits: z.array(z.strictObject({ date: PackDate, endDate: PackDate.optional(), why: text })).optional(),
    /**
     * Where it sits in its story on its face, where its title's words do not say (a mission's launch opens
     * it, its splashdown closes it): an order question never has it as the one opening or closing of four.
     */
    storyRole: z.enum(STORY_ROLES).optional(),
    sources: z.array(id).min(1, 'an event needs at least one source'),
    /** Excerpts that back its date (or dateNote) and each sentence of its summary. */
    evidence: z
      .array(Evidence)
      .min(1, 'an event needs evidence: excerpts, word for word, that back its date and each sentence of its summary'),
  })
  .transform(({ weapons, ...event }) => (weapons ? { ...event, things: [...event.things, ...weapons] } : event));

export const Qualifier = z.enum(['exact', 'at-least', 'over', 'about', 'nearly', 'up-to', 'less-than']);

export const Figure = z.strictObject({
  value: z.number().nonnegative(),
  /** Upper bound of a stated range, e.g. 900 to 1,300. */
  valueMax: z.number().nonnegative().optional(),
  qualifier: Qualifier.default('exact'),
  /** What is counted, plural, e.g. "soldiers killed", "helicopters destroyed", "US dollars". */
  unit: text,
});

export const ClaimKind = z.enum([
  'casualties',
  'equipment-losses',
  'territory',
  'responsibility',
  'military-action',
  'forces',
  'arms',
  'diplomatic',
  'political',
  'economic',
  'humanitarian',
  'other',
]);

export const ClaimStatus = z.enum(['unverified', 'disputed', 'denied']);

export const Claim = z.strictObject({
  id,
  /** Who made the claim, and no further: "Armenian forces in Nagorno-Karabakh" is not the government of Armenia. */
  statedBy: id,
  asOf: PackDate,
  kind: ClaimKind,
  /** The claim in attributed form: "Armenia's defence ministry said ...". */
  statement: text,
  figures: z.array(Figure).default([]),
  status: ClaimStatus,
  event: id.optional(),
  /** Actors, places or weapons the claim is about (ids of any of them). */
  about: z.array(id).default([]),
  /**
   * The claim's account of how a fight went, as a that-clause with the sides
   * unnamed ("the clashes started after a group of the other side's soldiers
   * violated its state border in a UAZ vehicle"): asked as which side gave
   * it. Needs `event` and a claim of the other side that it `opposes`.
   */
  account: text.optional(),
  /** Claims that contradict this one (e.g. the other side's account of who started it). */
  opposes: z.array(id).default([]),
  /** Claims that measure the same thing differently (other span, other date, other source). */
  related: z.array(id).default([]),
  source: id,
  excerpt: text,
  /**
   * Where the excerpt does not give the date (the sentence before does: "On
   * September 13, …", "Large-scale clashes erupted yesterday…"), the
   * article's words that do, word for word from the same source.
   */
  dateExcerpt: text.optional(),
  /** Kept as context: shown in timelines, facts and briefings, never asked in a quiz nor offered as an option. Say why. */
  notAsked: text.optional(),
});

export const Quote = z.strictObject({
  id,
  /** Who spoke the words on the record: the spokesperson, not the principal. */
  speaker: id,
  /** Whose message the speaker passed on ("Merkel stressed that …, spokeswoman Demmer said"). */
  relays: id.optional(),
  /** The words spoken, verbatim. */
  text,
  date: PackDate,
  /** "said": the article gives the day the words were spoken; "reported": date is only when the article printed them. */
  dated: z.enum(['said', 'reported'], {
    message:
      'say whether the article gives the day the words were said ("said") or only when it printed them ("reported")',
  }),
  /** Neutral words on where and why it was said. */
  context: text.optional(),
  event: id.optional(),
  source: id,
  excerpt: text,
  /**
   * Where the excerpt does not give the date (the sentence before does: "On
   * September 13, …", "Large-scale clashes erupted yesterday…"), the
   * article's words that do, word for word from the same source.
   */
  dateExcerpt: text.optional(),
  /**
   * The excerpt's own words that say who spoke, where they are neither the
   * speaker's name, an alias nor a surname ("The Russian and Iranian foreign
   * ministries"): `content check` then looks for these instead.
   */
  speakerNamedAs: text.optional(),
  /** Kept as context: shown in timelines, facts and briefings, never asked in a quiz nor offered as an option. Say why. */
  notAsked: text.optional(),
});

export const Fact = z.strictObject({
  id,
  /** A background statement, given as the source's report: the bot always says who reported it. */
  statement: text,
  date: PackDate.optional(),
  endDate: PackDate.optional(),
  about: z.array(id).default([]),
  event: id.optional(),
  related: z.array(id).default([]),
  source: id,
  excerpt: text,
  /**
   * Where the excerpt does not give the date (the sentence before does: "On
   * September 13, …", "Large-scale clashes erupted yesterday…"), the
   * article's words that do, word for word from the same source.
   */
  dateExcerpt: text.optional(),
  /** Kept as context: shown in timelines, facts and briefings, never asked in a quiz nor offered as an option. Say why. */
  notAsked: text.optional(),
});

/** A group of event types the timeline keys with one colour and shape. */
export const PackCategory = z.strictObject({
  id,
  label: text,
  colour: z.enum(CATEGORY_COLOURS).optional(),
  types: z.array(word).min(1, 'a category lists at least one event type'),
});

export const PackMeta = z.strictObject({
  id,
  title: text,
  description: text,
  episodes: z.array(Episode).min(1),
  /** Event types in up to four groups; omitted, the defaults (fighting, talks, politics, arms & other). */
  categories: z
    .array(PackCategory)
    .min(1)
    .max(MAX_CATEGORIES, `at most ${MAX_CATEGORIES} categories: each is drawn with its own shape`)
    .optional(),
});

/** One YAML file: any of these lists; the pack is their union. */
export const ContentFile = z.strictObject({
  pack: PackMeta.optional(),
  sources: z.array(Source).optional(),
  actors: z.array(Actor).optional(),
  places: z.array(Place).optional(),
  things: z.array(Thing).optional(),
  /** The older name of `things`, still read so packs written before it keep loading. */
  weapons: z.array(Thing).optional(),
  events: z.array(Event).optional(),
  claims: z.array(Claim).optional(),
  quotes: z.array(Quote).optional(),
  facts: z.array(Fact).optional(),
});

export type Episode = z.infer<typeof Episode>;
export type Source = z.infer<typeof Source>;
export type Actor = z.infer<typeof Actor>;
export type Role = z.infer<typeof Role>;
export type Place = z.infer<typeof Place>;
export type Thing = z.infer<typeof Thing>;
export type Event = z.infer<typeof Event>;
export type Evidence = z.infer<typeof Evidence>;
export type Figure = z.infer<typeof Figure>;
export type Claim = z.infer<typeof Claim>;
export type Quote = z.infer<typeof Quote>;
export type Fact = z.infer<typeof Fact>;
export type PackMeta = z.infer<typeof PackMeta>;
export type ContentFile = z.infer<typeof ContentFile>;

/** The collections a content file may hold, in the order the loader reports them. */
export const COLLECTIONS = ['sources', 'actors', 'places', 'things', 'events', 'claims', 'quotes', 'facts'] as const;
