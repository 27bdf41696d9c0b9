import type { Evidence } from '../../content/schema.js';
import type { QuotedEvidence, SourceLine } from '../../core/reply.js';
import type { StoryRole } from './story-roles.js';

export const QUESTION_KINDS = [
  'event-date',
  'event-place',
  'quote-speaker',
  'figure',
  'which-first',
  'true-false',
  'claim-speaker',
  'report-gap',
  'place-country',
  'whose-account',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/**
 * What a quiz round can ask: a generated kind, a chronology round
 * (src/engine/study/chronology.ts), or a kind no longer generated whose
 * answers still sit in players' histories.
 */
export type RoundKind = QuestionKind | 'chronology' | 'organisation-or-weapon';
export type Difficulty = 'easy' | 'medium' | 'hard';

/** One finished question: what the quiz shows and `chronicle export questions` prints. */
export interface Question {
  /** `<kind>:<subject id>`: stable across seeds for the same subject. */
  id: string;
  kind: RoundKind;
  difficulty: Difficulty;
  prompt: string;
  options: string[];
  /** Index into `options` of the one correct option. */
  answer: number;
  explanation: string;
  sources: SourceLine[];
  /** The article's words that back the right answer; absent on questions stored before it existed. */
  evidence?: QuotedEvidence[];
  eventIds: string[];
  /** Chronology rounds: indexes into `options` from earliest to latest (`answer` is the earliest). */
  order?: number[];
  /** Pack items (events, claims, quotes, facts) the question teaches: what coverage counts. */
  subjects?: string[];
  /** How much the question matters to the story (src/engine/questions/salience.ts); 1 is ordinary. */
  weight?: number;
  /** Per option, in `options` order: what the audit needs to judge it without re-reading prose. */
  facets?: OptionFacet[];
}

/** What an option is, beyond its text: its category, and the value or span it stands for. */
export interface OptionFacet {
  /** "state", "person:leader", "place:district", "date:day", "event", "number", "truth". */
  category: string;
  /** The pack entity it names, if any. */
  entity?: string;
  value?: number;
  span?: [string, string];
  /** An event's place in a story told on its face (src/engine/questions/story-roles.ts). */
  role?: StoryRole;
}

/**
 * An option with every spelling it could be read as: the shown text plus,
 * for a named thing, its name and all aliases. Two options may share none.
 */
export interface Option {
  text: string;
  keys?: string[];
  facet?: OptionFacet;
}

/** A builder's answer when it will not ask: why, in words the audit prints beside the item. */
export interface Declined {
  declined: string;
}

export function decline(reason: string): Declined {
  return { declined: reason };
}

export function isDeclined(built: unknown): built is Declined {
  return typeof built === 'object' && built !== null && 'declined' in built;
}

/** What a kind's builder produces before options are checked and shuffled. */
export interface Draft {
  kind: QuestionKind;
  subject: string;
  prompt: string;
  correct: Option;
  distractors: Option[];
  difficulty: Difficulty;
  explanation: string;
  sourceIds: string[];
  eventIds: string[];
  /** Pack items the question teaches beyond its events (a claim, a quote, a report). */
  subjects?: string[];
  /** True/false shows its two options in the order True, False, wherever the right one is. */
  fixedOrder?: boolean;
  /** The cut of an article that backs the answer, where the subject's own excerpt is not it. */
  evidence?: Evidence[];
  /** A choice between two named things (which of two countries): one distractor, shuffled like any other. */
  pair?: boolean;
}
