import { defineAction, wholeNumber } from '../../core/action.js';
import type { Choice, Reply } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import type { Question } from '../questions/types.js';
import type { Answer, GameState } from '../quiz/state.js';
import { makeReply, plural } from '../text.js';
import { swappedPairs } from './kendall.js';
import { teamStandingsText } from './teams.js';

export const ORDER_MENU = 'Pick the earliest event you have not placed yet';

/** The parts of a click in a quiz round: `<game>:<round>:<option or item>`, each as its encoder writes it. */
export function roundClick<T>(
  parts: readonly string[],
  make: (gameId: string, round: number, value: number) => T,
): T | undefined {
  const [gameId, round, value] = parts;
  if (parts.length !== 3 || !gameId || !/^[A-Za-z0-9_-]{1,40}$/.test(gameId)) return undefined;
  const r = wholeNumber(round, 3);
  const v = wholeNumber(value, 1);
  return r === undefined || v === undefined ? undefined : make(gameId, r, v);
}

/** `quiz:pick:<game>:<round>:<item>`: one click while ordering a chronology round. */
export const quizPick = defineAction<{ gameId: string; round: number; item: number }>({
  name: 'quiz:pick',
  encode: (a) => [a.gameId, a.round, a.item],
  parse: (parts) => roundClick(parts, (gameId, round, item) => ({ gameId, round, item })),
});

/** The ordering choices: buttons clicked from earliest to latest, or one select menu picked from repeatedly. */
export function orderChoices(question: Question, action: (item: number) => string): Choice[] {
  return question.options.map((title, i) => ({
    action: action(i),
    label: clip(`${i + 1}. ${title}`, 80),
    style: 'primary',
    group: 'order',
    menu: ORDER_MENU,
  }));
}

export function orderInstructions(question: Question): string {
  return `${question.prompt}\n\n${question.options.map((o, i) => `${i + 1}. ${o}`).join('\n')}\n\n_Click the events from earliest to latest, all ${question.options.length}. On the console, type the order, like 3 1 4 2._`;
}

/** A chronology round as posted in the channel. */
export function chronologyRoundMessage(game: GameState, answered: number): Reply {
  const question = game.questions[game.round] as Question;
  return makeReply({
    title: `Question ${game.round + 1} of ${game.questions.length}: chronology (${question.difficulty})`,
    body: orderInstructions(question),
    choices: orderChoices(question, (item) => quizPick.encode({ gameId: game.id, round: game.round, item })),
    footer: `${game.seconds} s to answer · ${plural(answered, 'answer')} so far`,
  });
}

/** How each player's order compared, best first. */
export function orderResults(
  question: Question,
  answers: readonly Answer[],
  points: ReadonlyMap<string, number>,
): string {
  if (answers.length === 0) return 'Nobody answered.';
  const truth = question.order ?? [];
  return [...answers]
    .sort((a, b) => (points.get(b.userId) ?? 0) - (points.get(a.userId) ?? 0))
    .map((a) => {
      const swapped = a.order ? swappedPairs(a.order, truth) : truth.length;
      const how = swapped === 0 ? 'perfect order' : `${plural(swapped, 'pair')} swapped`;
      return `${a.name}: ${how} (+${points.get(a.userId) ?? 0})`;
    })
    .join('\n');
}

/** The team lines under a reveal or the final standings of a team game. */
export function teamsText(game: GameState): string | undefined {
  if (!game.teams) return undefined;
  return `**Teams**\n${teamStandingsText(game.players, game.teams)}`;
}
