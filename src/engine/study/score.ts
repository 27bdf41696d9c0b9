import { credit as creditFor } from '../answers/index.js';
import type { Question } from '../questions/types.js';
import { pointsFor } from '../quiz/scoring.js';
import type { Answer, GameState, PlayerScore } from '../quiz/state.js';
import { orderCredit } from './kendall.js';
import { assignTeam } from './teams.js';

/** Extra points for a run of right answers in one game: the 2nd in a row earns 50, up to 200 from the 5th on. */
export const STREAK_POINTS = 50;
export const STREAK_CAP = 4;

export const STREAK_RULE = `Streak bonus: the 2nd right answer in a row adds ${STREAK_POINTS}, the 3rd ${STREAK_POINTS * 2}, and so on up to ${STREAK_POINTS * STREAK_CAP} from the ${STREAK_CAP + 1}th on; a wrong or missing answer ends the streak.`;

export const TYPED_RULE =
  'Typed rounds: an answer right as written, or misspelt within the allowance, scores as a right answer; a partial one (the right month without the right day, a figure within 10%, the right figure bounded the wrong way) scores half the points of a right answer, speed included; it is not counted as right, so it ends a streak.';

export const CHRONOLOGY_RULE =
  'Chronology rounds: the points for a right answer (speed included) times the share of pairs of events you put the right way round (Kendall tau), rounded; only a perfect order counts as right for streaks.';

export function streakBonus(streak: number): number {
  return STREAK_POINTS * Math.min(Math.max(0, streak - 1), STREAK_CAP);
}

export interface Scored {
  correct: boolean;
  /** 1 for right, 0 for wrong; in between for a partly right order or a partly right typed answer. */
  credit: number;
  points: number;
  /** Right answers in a row, this one included. */
  streak: number;
  bonus: number;
}

export function scoreAnswer(
  question: Question,
  answer: Pick<Answer, 'option' | 'order' | 'verdict' | 'at'>,
  roundStartedAt: number,
  deadline: number,
  streakBefore: number,
): Scored {
  const credit = answer.verdict
    ? creditFor(answer.verdict.grade)
    : question.order && answer.order
      ? orderCredit(answer.order, question.order)
      : answer.option === question.answer && !question.order
        ? 1
        : 0;
  const correct = credit === 1;
  const streak = correct ? streakBefore + 1 : 0;
  const bonus = correct ? streakBonus(streak) : 0;
  const points = Math.round(credit * pointsFor(true, answer.at, roundStartedAt, deadline)) + bonus;
  return { correct, credit, points, streak, bonus };
}

/**
 * Scores a round into the game: each answer's points and streak, new
 * players joined (and put in a team), and the streak of anyone who joined
 * but did not answer broken. Returns each answering player's score.
 */
export function scoreRound(game: GameState, round: number, answers: readonly Answer[]): Map<string, Scored> {
  const question = game.questions[round] as Question;
  const scores = new Map<string, Scored>();
  for (const a of answers) {
    const player: PlayerScore = game.players[a.userId] ?? { name: a.name, points: 0, correct: 0 };
    if (game.teams && player.team === undefined) player.team = assignTeam(game.players, game.teams);
    const scored = scoreAnswer(question, a, game.roundStartedAt, game.deadline, player.streak ?? 0);
    scores.set(a.userId, scored);
    player.name = a.name;
    player.points += scored.points;
    player.correct += scored.correct ? 1 : 0;
    player.streak = scored.streak;
    game.players[a.userId] = player;
  }
  for (const [userId, player] of Object.entries(game.players)) if (!scores.has(userId)) player.streak = 0;
  return scores;
}
