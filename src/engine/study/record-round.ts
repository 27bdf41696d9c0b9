import type { Services } from '../../core/command.js';
import type { Question } from '../questions/types.js';
import type { Answer, GameState } from '../quiz/state.js';
import { reviewCard } from './cards.js';
import { recordAnswer } from './history.js';
import type { Scored } from './score.js';
import { episodeOf } from './topics.js';

/**
 * After a quiz round is scored: each answer goes into its player's history
 * and the server's board, and grades the player's review card for that
 * question. Called by the round's one closer, so nothing is counted twice.
 */
export async function recordRound(
  services: Services,
  game: GameState,
  round: number,
  answers: readonly Answer[],
  scores: ReadonlyMap<string, Scored>,
): Promise<void> {
  const question = game.questions[round] as Question;
  const episode = episodeOf(services.pack, question);
  for (const a of answers) {
    const scored = scores.get(a.userId);
    if (!scored) continue;
    const who = { platform: game.channel.platform, userId: a.userId };
    await recordAnswer(services, {
      questionId: question.id,
      kind: question.kind,
      ...(episode ? { episode } : {}),
      correct: scored.correct,
      credit: scored.credit,
      ms: Math.max(0, a.at - game.roundStartedAt),
      at: a.at,
      platform: who.platform,
      userId: a.userId,
      userName: a.name,
      serverId: game.channel.serverId,
      channelId: game.channel.channelId,
      points: scored.points,
      via: 'quiz',
      gameId: game.id,
    });
    await reviewCard(services, who, question.id, scored.credit, a.at, question.options);
  }
}
