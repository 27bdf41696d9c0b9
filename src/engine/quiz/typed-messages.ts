import type { Reply } from '../../core/reply.js';
import type { Grade } from '../answers/index.js';
import { type TypedQuestion, wantedLine } from '../questions/typed.js';
import { makeReply, plural } from '../text.js';
import type { Answer, GameState } from './state.js';
import { typedAnswer } from './typed-action.js';

/** How the reveal names each grade; a forgiven misspelling is right, and its note says what was forgiven. */
const GRADE_WORD: Record<Grade, string> = { exact: 'right', close: 'right', partial: 'partly right', wrong: 'wrong' };

/** Markup another player's text could carry into the channel (a mention, bold) is dropped, and it is kept short. */
const SHOWN_MAX = 80;

export function shownAnswer(typed: string): string {
  const plain = typed
    .replace(/[<>*_~`|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > SHOWN_MAX ? `${plain.slice(0, SHOWN_MAX - 1)}…` : plain;
}

/** A typed round as posted: the question and the kind of answer it wants, no options, one Answer button. */
export function typedRoundMessage(game: GameState, question: TypedQuestion, answered: number): Reply {
  const wanted = wantedLine(question);
  return makeReply({
    title: `Question ${game.round + 1} of ${game.questions.length}: typed (${question.difficulty})`,
    body: `${question.prompt}\n\n${wanted} Click Answer to type it; answers stay private until the reveal.`,
    choices: [
      {
        action: typedAnswer.encode({ gameId: game.id, round: game.round }),
        label: 'Answer',
        style: 'primary',
        group: 'answer',
      },
    ],
    footer: `${game.seconds} s to answer · ${plural(answered, 'answer')} so far`,
  });
}

/** The verdict's note without its leading "partial:", which the grade word already says. */
function noteOf(answer: Answer): string {
  const note = answer.verdict?.note?.replace(/^partial: /, '');
  return note ? `: ${note}` : '';
}

/** What each player typed and what it earned, best first: "alice typed “Khankendi”: right (+812): Khankendi is another name for Stepanakert". */
export function typedResults(answers: readonly Answer[], points: ReadonlyMap<string, number>): string {
  if (answers.length === 0) return 'Nobody answered.';
  return [...answers]
    .sort((a, b) => (points.get(b.userId) ?? 0) - (points.get(a.userId) ?? 0) || a.at - b.at)
    .map((a) => {
      const grade = GRADE_WORD[a.verdict?.grade ?? 'wrong'];
      return `${a.name} typed “${shownAnswer(a.typed ?? '')}”: ${grade} (+${points.get(a.userId) ?? 0})${noteOf(a)}`;
    })
    .join('\n');
}
