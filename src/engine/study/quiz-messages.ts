import type { Choice, Reply } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import type { Question } from '../questions/types.js';
import type { Answer, GameState } from '../quiz/state.js';
import { makeReply, plural } from '../text.js';
import { swappedPairs } from './kendall.js';
import { teamStandingsText } from './teams.js';

export const ORDER_MENU = 'Pick the earliest event you have not placed yet';

/** `quiz:pick:<game>:<round>:<item>`: one click while ordering a chronology round. */
export function pickAction(gameId: string, round: number, item: number): string {
  return `quiz:pick:${gameId}:${round}:${item}`;
}

export function parsePickAction(action: string): { gameId: string; round: number; item: number } | undefined {
  const m = /^quiz:pick:([A-Za-z0-9_-]{1,40}):(\d{1,3}):(\d)$/.exec(action);
  if (!m) return undefined;
  return { gameId: m[1] as string, round: Number(m[2]), item: Number(m[3]) };
}

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
    choices: orderChoices(question, (i) => pickAction(game.id, game.round, i)),
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
