import type { CommandContext } from '../../core/command.js';
import type { Reply } from '../../core/reply.js';
import type { Question } from '../questions/types.js';
import { answerRound, channelOf, loadGame, missingGame } from '../quiz/game.js';
import { keys } from '../quiz/state.js';
import { privateNote } from '../text.js';
import { foldPicks } from './kendall.js';
import { studyKeys } from './keys.js';

/** "So far: 1. X, 2. Y": what a player has placed while ordering. */
export function progressNote(question: Question, order: readonly number[]): string {
  const placed = order.map((item, i) => `${i + 1}. ${question.options[item]}`).join('\n');
  return `Your order so far:\n${placed}\nPick the next earliest of the rest.`;
}

/**
 * Records the player's pick of the next earliest event. Picks are appended
 * (atomic on every Store), so fast clicks are never lost; the order is
 * complete, and locked in like any answer, once every event is placed.
 */
export async function pickInOrder(ctx: CommandContext, gameId: string, round: number, item: number): Promise<Reply> {
  const channel = channelOf(ctx);
  const game = await loadGame(ctx, channel);
  if (!game || game.id !== gameId) return missingGame(ctx, channel, gameId, game);
  if (round !== game.round) return privateNote(`Question ${round + 1} is closed; answer the current one.`);
  const question = game.questions[round];
  if (!question?.order || item < 0 || item >= question.options.length) {
    return privateNote('That is not one of the events.');
  }
  if (ctx.now().getTime() > game.deadline) return privateNote('Time is up for this question.');
  if ((await ctx.store.get(keys.answered(gameId, round, ctx.caller.userId))) !== undefined) {
    return privateNote('You already answered this question.');
  }
  const key = studyKeys.picks(`quiz:${gameId}:${round}`, ctx.caller.userId);
  // The first pick records the picker, so the game's cleanup can find this list (src/engine/quiz/cleanup.ts).
  if ((await ctx.store.append(key, item)) === 1) await ctx.store.append(keys.pickers(gameId, round), ctx.caller.userId);
  const order = foldPicks(await ctx.store.list<number>(key), question.options.length);
  if (order.length < question.options.length) return privateNote(progressNote(question, order));
  return answerRound(ctx, gameId, round, order[0] as number, order);
}
