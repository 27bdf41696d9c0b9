import type { SourceLine } from '../../core/reply.js';

export const QUESTION_KINDS = [
  'event-date',
  'event-place',
  'quote-speaker',
  'figure',
  'organisation-or-weapon',
  'which-first',
  'true-false',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** What a quiz round can ask: a generated kind, or a chronology round (src/engine/study/chronology.ts). */
export type RoundKind = QuestionKind | 'chronology';
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
  eventIds: string[];
  /** Chronology rounds: indexes into `options` from earliest to latest (`answer` is the earliest). */
  order?: number[];
}

/**
 * An option with every spelling it could be read as: the shown text plus,
 * for a named thing, its name and all aliases. Two options may share none.
 */
export interface Option {
  text: string;
  keys?: string[];
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
  /** True/false keeps its two options in the order True, False. */
  fixedOrder?: boolean;
}
