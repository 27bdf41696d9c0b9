import type { Services } from '../../core/command.js';
import type { Question } from '../questions/types.js';
import type { Answer, GameState } from '../quiz/state.js';
import { reviewCard } from './cards.js';
import { type AnswerRecord, appendAnswer, noteBoardMonth, rememberName } from './history.js';
import { monthOf } from './periods.js';
import type { Scored } from './score.js';
import { episodeOf } from './topics.js';

/**
 * After a quiz round is scored: each answer goes into its player's history
 * and the server's board, and grades the player's review card for that
 * question. Called by the round's one closer, so nothing is counted twice.
 * What `recordAnswer` does per answer for a review is done here once per
 * round or game where once says it all: the board's first month for the
 * round's earliest answer, and a player's name for /stats when this game has
 * not filed it yet (kept in the player's score, saved with the game).
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
  let earliest: number | undefined;
  for (const a of answers) {
    const scored = scores.get(a.userId);
    if (!scored) continue;
    const who = { platform: game.channel.platform, userId: a.userId };
    const record: AnswerRecord = {
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
    };
    await appendAnswer(services.store, record);
    const player = game.players[a.userId];
    if (player?.nameFiled !== a.name) {
      await rememberName(services.store, record);
      if (player) player.nameFiled = a.name;
    }
    earliest = Math.min(earliest ?? a.at, a.at);
    await reviewCard(services, who, question.id, scored.credit, a.at, question.options);
  }
  if (earliest !== undefined) await noteBoardMonth(services.store, game.channel, monthOf(earliest));
}
