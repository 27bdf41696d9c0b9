import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { MAX_ANSWER_LENGTH, matchAnswer } from '../answers/index.js';
import { answerBox, isTyped, type TypedQuestion, typedText } from '../questions/typed.js';
import { privateNote } from '../text.js';
import { channelOf, fileAnswer, loadGame, missingGame } from './game.js';
import { type Answer, GAME_TTL_MS, type GameState, keys } from './state.js';
import { typedAnswer } from './typed-action.js';

const ROUND_CLOSED = 'That round has closed.';

/**
 * The open typed round an action names, or why it cannot take an answer:
 * the game gone, a later round on, the deadline past, or its reveal under way.
 */
async function openTypedRound(
  ctx: CommandContext,
  gameId: string,
  round: number,
): Promise<{ game: GameState; question: TypedQuestion } | { refused: Reply }> {
  const channel = channelOf(ctx);
  const game = await loadGame(ctx, channel);
  if (!game || game.id !== gameId) return { refused: await missingGame(ctx, channel, gameId, game) };
  const question = game.questions[round];
  if (!question || !isTyped(question)) return { refused: privateNote('That is not a typed question.') };
  const closed =
    round !== game.round ||
    ctx.now().getTime() > game.deadline ||
    (await ctx.store.get(keys.close(gameId, round))) !== undefined;
  if (closed) return { refused: privateNote(ROUND_CLOSED) };
  return { game, question };
}

async function alreadyAnswered(ctx: CommandContext, gameId: string, round: number): Promise<boolean> {
  return (await ctx.store.get(keys.answered(gameId, round, ctx.caller.userId))) !== undefined;
}

const ALREADY = 'You already answered this question; your first answer stands.';

/**
 * A click on Answer: the answer box, or, when the round cannot take this
 * player's answer, the reason instead of a box typed into for nothing.
 */
export async function askTypedAnswer(ctx: CommandContext, gameId: string, round: number): Promise<Reply> {
  const open = await openTypedRound(ctx, gameId, round);
  if ('refused' in open) return open.refused;
  if (await alreadyAnswered(ctx, gameId, round)) return privateNote(ALREADY);
  const { game, question } = open;
  return answerBox(
    `Question ${round + 1} of ${game.questions.length}`,
    question,
    typedAnswer.encode({ gameId, round }),
  );
}

/**
 * A typed answer sent: graded now, kept private until the reveal, one per
 * player per round. A refusal (the round closed, a second answer, nothing
 * typed) is a UserError, so a modal can show it on its box; the first answer
 * is never replaced.
 */
export async function submitTypedAnswer(
  ctx: CommandContext,
  gameId: string,
  round: number,
  text: string,
): Promise<Reply> {
  const typed = typedText(text);
  if (typed.length > MAX_ANSWER_LENGTH)
    throw new UserError(`Keep the answer under ${MAX_ANSWER_LENGTH} characters; yours was not counted.`);
  const open = await openTypedRound(ctx, gameId, round);
  if ('refused' in open) throw new UserError(`${open.refused.text} Your answer was not counted.`);
  const { game, question } = open;
  const userId = ctx.caller.userId;
  if (!(await ctx.store.claim(keys.answered(gameId, round, userId), GAME_TTL_MS, typed))) throw new UserError(ALREADY);
  const answer: Answer = {
    userId,
    name: ctx.caller.userName,
    typed,
    verdict: matchAnswer(ctx.pack, question.expects, typed),
    at: ctx.now().getTime(),
  };
  await fileAnswer(ctx, game, round, answer);
  return privateNote('Answer received. It stays private until the reveal.');
}
