import { MONTH_NAMES, precisionOf } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { type Expected, MAX_ANSWER_LENGTH } from '../answers/index.js';
import { generateQuestions } from './generate.js';
import type { Scope } from './scope.js';
import type { Question, QuestionKind } from './types.js';

/**
 * The kinds whose right answer can be typed from memory: a date, a figure,
 * or an actor, place or thing of the pack. Orders and True/False have no
 * such answer.
 */
const TYPED_KINDS: readonly QuestionKind[] = [
  'event-date',
  'figure',
  'event-place',
  'place-country',
  'quote-speaker',
  'claim-speaker',
  'report-gap',
];

/** A question asked without options: what the matcher holds the typed answer to, and how to ask for it. */
export interface TypedQuestion extends Question {
  expects: Expected;
  /** What kind of answer is wanted, shown with the prompt and on the answer box: "Type a date". */
  wants: string;
  /** An example of the form, never the answer: "like 27 September 2020". */
  example?: string;
}

export function isTyped(question: Question): question is TypedQuestion {
  return 'expects' in question && (question as TypedQuestion).expects !== undefined;
}

/** Example dates far from any pack's story; the second stands in when the answer shares the first's month. */
const EXAMPLE_DAYS = ['1999-03-05', '1987-06-14'] as const;

/** How to ask for a date of this precision, with an example of the form that is never the answer's month or year. */
function dateAsk(date: string): { wants: string; example: string } {
  const precision = precisionOf(date);
  const length = precision === 'year' ? 4 : 7;
  const day = EXAMPLE_DAYS.find((d) => d.slice(0, length) !== date.slice(0, length)) ?? EXAMPLE_DAYS[0];
  if (precision === 'year') return { wants: 'Type a year', example: `like ${day.slice(0, 4)}` };
  const [month, year] = [MONTH_NAMES[Number(day.slice(5, 7)) - 1], day.slice(0, 4)];
  if (precision === 'month') return { wants: 'Type a month', example: `like ${month} ${year}` };
  return { wants: 'Type a date', example: `like ${Number(day.slice(8))} ${month} ${year} or ${day}` };
}

/** The example number is nowhere near the answer, so the form it shows never hints at the size. */
function numberExample(value: number): string {
  return Math.abs(value - 12_000) <= 6_000 ? 'like 300 or 1.5k' : 'like 12,000 or 12k';
}

/** "Type a place", "Type a country", "Type a person or body": the kind of name, never which one. */
function nameWanted(pack: Pack, id: string): string {
  if (pack.places.has(id)) return pack.places.get(id)?.kind === 'country' ? 'Type a country' : 'Type a place';
  const actor = pack.actors.get(id);
  if (actor?.kind === 'state') return 'Type a country';
  if (actor) return 'Type the name of a person or body';
  return 'Type a name';
}

/**
 * What a question's right answer is, as the matcher takes it; undefined for
 * a question that cannot be asked typed. Derived from the question and the
 * pack, so a quiz and a review of the same id expect the same answer.
 */
function typedForm(pack: Pack, question: Question): Omit<TypedQuestion, keyof Question> | undefined {
  if (!(TYPED_KINDS as readonly string[]).includes(question.kind)) return undefined;
  if (question.kind === 'event-date') {
    const event = pack.events.get(question.eventIds[0] ?? '');
    if (!event) return undefined;
    const when = { date: event.date, endDate: event.endDate, dateKind: event.dateKind };
    return { expects: { kind: 'date', when }, ...dateAsk(event.date) };
  }
  if (question.kind === 'figure') {
    const m = /^figure:(.+)#(\d+)$/.exec(question.id);
    const figure = m ? pack.claims.get(m[1] as string)?.figures[Number(m[2])] : undefined;
    if (!figure) return undefined;
    return { expects: { kind: 'figure', figure }, wants: 'Type a number', example: numberExample(figure.value) };
  }
  const id = question.facets?.[question.answer]?.entity;
  if (!id) return undefined;
  return { expects: { kind: 'name', id }, wants: nameWanted(pack, id) };
}

/** The question made typed, or undefined when it cannot be. */
export function asTyped(pack: Pack, question: Question): TypedQuestion | undefined {
  const form = typedForm(pack, question);
  return form ? { ...question, ...form } : undefined;
}

/**
 * Up to `count` questions to answer by typing: the pack's own questions of
 * the typed kinds, drawn as a mixed game draws them (weights, no give-aways
 * between rounds), each with what it expects.
 */
export function typedQuestions(pack: Pack, options: { count: number; seed: number; scope?: Scope }): Question[] {
  return generateQuestions(pack, { ...options, kinds: TYPED_KINDS })
    .map((q) => asTyped(pack, q))
    .filter((q): q is TypedQuestion => q !== undefined);
}

/** "**Type a date**, like 5 March 1999.": what a typed question wants, and the form of it. */
export function wantedLine(question: TypedQuestion, wants = `**${question.wants}**`): string {
  return `${wants}${question.example ? `, ${question.example}` : ''}.`;
}

/** The text sent as an answer, trimmed; nothing typed is refused before anything is looked up. */
export function typedText(text: string): string {
  const typed = text.trim();
  if (typed === '') throw new UserError('Type an answer first.');
  return typed;
}

/** What a choice click on a typed question is told: a forged or stale option is no answer to it. */
export const TYPE_IT = 'This question is answered by typing: click Answer.';

/** The private note and answer box a click on Answer opens, in a quiz round or a review alike. */
export function answerBox(title: string, question: TypedQuestion, action: string): Reply {
  return {
    text: `${title}: ${wantedLine(question, question.wants.toLowerCase())}`,
    visibility: 'private',
    input: {
      action,
      title,
      label: question.wants,
      ...(question.example ? { placeholder: question.example } : {}),
      maxLength: MAX_ANSWER_LENGTH,
    },
  };
}
