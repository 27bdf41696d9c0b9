import { randomUUID } from 'node:crypto';
import type { CommandContext, Services } from '../../core/command.js';
import { eachAtMost } from '../../core/each-at-most.js';
import { UserError } from '../../core/errors.js';
import { hashString } from '../../core/parse/seed.js';
import { holds } from '../../core/permissions.js';
import { type ChannelRef, platformsServed } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';
import { generateQuestions } from '../questions/generate.js';
import type { Scope } from '../questions/scope.js';
import { isTyped, TYPE_IT, typedQuestions } from '../questions/typed.js';
import { withMeasuredDifficulty } from '../study/accuracy.js';
import { chronologyQuestions } from '../study/chronology.js';
import { recordRound } from '../study/record-round.js';
import { scoreRound } from '../study/score.js';
import { makeReply, plural, privateNote } from '../text.js';
import { scheduleCleanup } from './cleanup.js';
import { awaitCountEdit, countChanged } from './live-count.js';
import { finalMessage, letter, revealMessage, roundMessage, standingsText } from './messages.js';
import {
  type Answer,
  deadlineMember,
  deadlineQueue,
  GAME_TTL_MS,
  type GameState,
  keys,
  parseDeadlineMember,
} from './state.js';

/** A round is closed by whoever claims it first; the claim lapses so a crashed closer can be retried. */
const CLOSE_CLAIM_MS = 60_000;

export function channelOf(ctx: CommandContext): ChannelRef {
  return { platform: ctx.caller.platform, channelId: ctx.caller.channelId, serverId: ctx.caller.serverId };
}

/** When a request read its game, on both clocks: the services clock (tests move it) and the real one. */
interface ReadAt {
  at: number;
  real: number;
}

const stamp = (services: Pick<Services, 'now'>): ReadAt => ({ at: services.now().getTime(), real: performance.now() });

/** Each loaded game object's read time, for closeRound's use of a request's own copy. */
const readAt = new WeakMap<GameState, ReadAt>();

export async function loadGame(
  services: Services,
  channel: Pick<ChannelRef, 'platform' | 'channelId'>,
): Promise<GameState | undefined> {
  // Stamped before the read is issued, so the copy is never taken for younger than it is.
  const before = stamp(services);
  const game = await services.store.get<GameState>(keys.game(channel));
  if (game) readAt.set(game, before);
  return game;
}

async function saveGame(services: Services, game: GameState): Promise<void> {
  await services.store.set(keys.game(game.channel), game, GAME_TTL_MS);
}

async function openRound(services: Services, game: GameState): Promise<void> {
  const now = services.now().getTime();
  game.roundStartedAt = now;
  game.deadline = now + game.seconds * 1000;
  game.messageId = undefined;
  // State first, so a tick that fires before the post still finds the round.
  await saveGame(services, game);
  await services.store.schedule(deadlineQueue(game.channel.platform), deadlineMember(game, game.round), game.deadline);
  const { messageId } = await services.poster.post(game.channel, roundMessage(game, 0));
  const latest = await loadGame(services, game.channel);
  if (latest?.id === game.id && latest.round === game.round) {
    latest.messageId = messageId;
    game.messageId = messageId;
    await saveGame(services, latest);
  }
}

/** The game leaves the channel: kept as its last game for /quiz score, its lists cleaned up later. */
async function endGame(services: Services, channel: ChannelRef, game: GameState): Promise<void> {
  await services.store.delete(keys.game(channel));
  await services.store.set(keys.last(channel), game, GAME_TTL_MS);
  await scheduleCleanup(services, game, 'end', services.now().getTime());
}

/**
 * A game's id starts with its start time, so a click on a game the store no
 * longer holds can tell a game that ended from one a restart lost; 48
 * random bits follow, as before, since a thousand games start in one
 * millisecond on a busy night.
 */
export function newGameId(now: number): string {
  return `${now.toString(36).padStart(9, '0')}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

function startedAtOf(gameId: string): number | undefined {
  const m = /^([0-9a-z]{9})[0-9a-f]{12}$/.exec(gameId);
  return m ? Number.parseInt(m[1] as string, 36) : undefined;
}

/**
 * A click on a game that is neither running nor the channel's last: if it
 * started within the store's keeping time, the store lost it (a Redis with
 * no persistence, restarted). The channel is told once, rather than left
 * with buttons that do nothing.
 */
export async function missingGame(
  ctx: CommandContext,
  channel: ChannelRef,
  gameId: string,
  running: GameState | undefined,
): Promise<Reply> {
  const over = privateNote('That quiz is over.');
  if (running) return over;
  if ((await ctx.store.get<GameState>(keys.last(channel)))?.id === gameId) return over;
  const started = startedAtOf(gameId);
  if (started === undefined || ctx.now().getTime() - started > GAME_TTL_MS) return over;
  const lost = 'This quiz was lost in a restart: the bot’s store no longer holds it. /quiz start begins a new one.';
  if (await ctx.store.claim(keys.lost(gameId), GAME_TTL_MS)) {
    await ctx.poster.post(channel, makeReply({ body: lost })).catch((error: unknown) => {
      ctx.log?.warn({ err: error, gameId }, 'could not tell the channel its quiz was lost');
    });
  }
  return privateNote(lost);
}

export interface StartOptions {
  rounds: number;
  seconds: number;
  scope: Scope;
  about?: string;
  /**
   * A one-person channel (the console): the starter has joined from the
   * outset, so each round ends as soon as they answer.
   */
  solo: boolean;
  /** Split joining players into this many teams. */
  teams?: number;
  /** `chronology`: every round is "put these events in order"; `typed`: every answer is typed, no options shown. */
  mode?: 'mixed' | 'chronology' | 'typed';
}

export async function startGame(ctx: CommandContext, options: StartOptions): Promise<Reply> {
  const channel = channelOf(ctx);
  const running = await loadGame(ctx, channel);
  if (running) {
    throw new UserError(
      `A quiz is already running here (question ${running.round + 1} of ${running.questions.length}). /quiz score shows it; /quiz stop ends it.`,
    );
  }
  if (!(await ctx.store.claim(keys.starting(channel), 5_000))) {
    throw new UserError('A quiz is being started here right now; wait a moment.');
  }
  try {
    const id = newGameId(ctx.now().getTime());
    const generate =
      options.mode === 'chronology'
        ? chronologyQuestions
        : options.mode === 'typed'
          ? typedQuestions
          : generateQuestions;
    const questions = await withMeasuredDifficulty(
      ctx.store,
      generate(ctx.pack, { count: options.rounds, seed: hashString(id), scope: options.scope }),
    );
    if (questions.length === 0) {
      throw new UserError(
        `The pack has no questions${options.about ? ` about ${options.about}` : ''}; try a wider period or another topic.`,
      );
    }
    const now = ctx.now().getTime();
    const starter = { userId: ctx.caller.userId, name: ctx.caller.userName };
    const game: GameState = {
      id,
      channel,
      startedBy: starter,
      about: options.about,
      seconds: options.seconds,
      questions,
      round: 0,
      roundStartedAt: now,
      deadline: now,
      players: options.solo ? { [starter.userId]: { name: starter.name, points: 0, correct: 0 } } : {},
      startedAt: now,
      ...(options.teams ? { teams: options.teams } : {}),
    };
    await scheduleCleanup(ctx, game, 'start', now);
    await openRound(ctx, game);
    const fewer =
      questions.length < options.rounds
        ? ` (the pack had ${questions.length} good questions${options.about ? ` about ${options.about}` : ''}, not ${options.rounds})`
        : '';
    const join = options.solo
      ? ''
      : ` Anyone can play: answering joins the game${options.teams ? `, and puts you in one of ${options.teams} teams` : ''}.`;
    const typed = options.mode === 'typed' ? ' Answers are typed, not picked: click Answer on each question.' : '';
    return makeReply({
      body: `${ctx.caller.userName} started a quiz: ${plural(questions.length, 'question')} of ${options.seconds} s${options.about ? ` about ${options.about}` : ''}${fewer}.${typed}${join}`,
    });
  } finally {
    await ctx.store.delete(keys.starting(channel));
  }
}

/** A click on an answer button: recorded once per player per round, privately acknowledged. */
export async function answerRound(
  ctx: CommandContext,
  gameId: string,
  round: number,
  option: number,
  /** A chronology round's whole order (src/engine/study/picks.ts); `option` is then its first item. */
  order?: number[],
): Promise<Reply> {
  const channel = channelOf(ctx);
  const game = await loadGame(ctx, channel);
  if (!game || game.id !== gameId) return missingGame(ctx, channel, gameId, game);
  if (round !== game.round) return privateNote(`Question ${round + 1} is closed; answer the current one.`);
  const question = game.questions[round];
  if (question && isTyped(question)) return privateNote(TYPE_IT);
  if (!question || option < 0 || option >= question.options.length)
    return privateNote('That is not one of the options.');
  const now = ctx.now().getTime();
  if (now > game.deadline) return privateNote('Time is up for this question.');
  const userId = ctx.caller.userId;
  if (!(await ctx.store.claim(keys.answered(gameId, round, userId), GAME_TTL_MS, option))) {
    return privateNote('You already answered this question.');
  }
  const answer: Answer = { userId, name: ctx.caller.userName, option, at: now, ...(order ? { order } : {}) };
  await fileAnswer(ctx, game, round, answer);
  if (order) return privateNote(`Locked in your order: ${order.map((i) => question.options[i]).join(' → ')}`);
  return privateNote(`Locked in: ${letter(option)}. ${question.options[option]}`);
}

/**
 * Files a player's one answer to the open round (the caller has claimed
 * their `answered` key, having loaded `game` for this click): the round
 * closes when everyone who has joined has answered, and otherwise its live
 * count is marked changed.
 *
 * The close need not hold up this player's reply, so where the services run
 * work in the background it follows the reply. Nothing waits on that: the
 * answer is in the round's list before the reply, the round's deadline is
 * still in the deadline queue until a close takes it off, and a close is
 * claimed, so whichever of this close or the quiz clock's claims the round
 * closes it, once, and a close lost with its process is done by the clock.
 */
export async function fileAnswer(ctx: CommandContext, game: GameState, round: number, answer: Answer): Promise<void> {
  const count = await ctx.store.append(keys.answers(game.id, round), answer);
  const roster = Object.keys(game.players);
  // Answers are one per player, so fewer answers than players cannot have everyone in: no need to list them.
  if (roster.length > 0 && count >= roster.length) {
    const answers = await ctx.store.list<Answer>(keys.answers(game.id, round));
    const answered = new Set(answers.map((a) => a.userId));
    if (roster.every((id) => answered.has(id))) {
      const close = async () => {
        let closed = false;
        try {
          closed = await closeRound(ctx, game.channel, game.id, round, game);
        } finally {
          // Closed, the count is never shown; otherwise whoever closes the round may yet need it.
          if (!closed) await countChanged(ctx, game, round);
        }
      };
      if (ctx.background) ctx.background(close);
      else await close();
      return;
    }
  }
  // After the append, so the count the quiz clock reads includes this answer.
  await countChanged(ctx, game, round);
}

/**
 * Ends a round: scores it, posts the reveal, then the next question or the
 * final standings. Safe to call from every instance at once: only the one
 * that claims the round does the work, and a stale call finds nothing to do.
 *
 * `known` is the game as the calling request loaded it (loadGame), which
 * saves reading it again. That copy is current once the claim is won, if it
 * was won well within CLOSE_CLAIM_MS of the read: the game moves on only
 * under a round's close claim, which nobody releases before it lapses, so a
 * close of this round since the read would still hold it. (The message id a
 * round's post saves later is not used by a close.) Otherwise the game is
 * read again.
 */
export async function closeRound(
  services: Services,
  channel: ChannelRef,
  gameId: string,
  round: number,
  known?: GameState,
): Promise<boolean> {
  let game: GameState | undefined;
  const read = known && readAt.get(known);
  if (known && read && known.id === gameId && known.round === round) {
    if (!(await services.store.claim(keys.close(gameId, round), CLOSE_CLAIM_MS))) return false;
    const now = stamp(services);
    const fresh = Math.max(now.at - read.at, now.real - read.real) < CLOSE_CLAIM_MS / 2;
    game = fresh ? known : await loadGame(services, channel);
    if (!game || game.id !== gameId || game.round !== round) return false;
  } else {
    game = await loadGame(services, channel);
    if (!game || game.id !== gameId || game.round !== round) {
      await services.store.unschedule(deadlineQueue(channel.platform), deadlineMember({ channel, id: gameId }, round));
      return false;
    }
    if (!(await services.store.claim(keys.close(gameId, round), CLOSE_CLAIM_MS))) return false;
  }
  const question = game.questions[round];
  if (!question) return false;
  const answers = await services.store.list<Answer>(keys.answers(gameId, round));
  // Streaks, partial credit for orders and team places: src/engine/study/score.ts.
  const scores = scoreRound(game, round, answers);
  const points = new Map([...scores].map(([userId, s]) => [userId, s.points]));
  // A lost history entry must not stall the game: the round is revealed either way.
  await recordRound(services, game, round, answers, scores).catch((error: unknown) => {
    services.log?.warn({ err: error, gameId, round }, 'could not record quiz answers to study history');
  });
  await services.store.unschedule(deadlineQueue(game.channel.platform), deadlineMember(game, round));
  const last = round + 1 >= game.questions.length;
  if (last) {
    // The game ends before the posts, so a failed post cannot leave it running.
    await endGame(services, channel, game);
  } else {
    game.round = round + 1;
    await saveGame(services, game);
  }
  await awaitCountEdit(services, gameId, round);
  // The round is closed and its deadline gone: a reveal the platform refuses must not keep the next round from
  // opening on its own deadline, or the game would sit unanswerable until it expires.
  await services.poster.post(channel, revealMessage(game, round, answers, points)).catch((error: unknown) => {
    services.log?.warn({ err: error, gameId, round }, 'could not post a quiz reveal; the game goes on');
  });
  if (last) await services.poster.post(channel, finalMessage(game, 'Quiz over'));
  else await openRound(services, game);
  return true;
}

/**
 * Rounds closed at once per instance: a close waits for a count edit on its
 * way (awaitCountEdit), and one edit stuck on a slow platform must not hold
 * back the reveals of other channels.
 */
const CLOSES_AT_ONCE = 8;

/** The scheduler's job: close every round whose deadline has passed. Returns how many it closed. */
export async function closeDueQuizRounds(services: Services, limit = 50): Promise<number> {
  let closed = 0;
  for (const platform of platformsServed(services.poster)) {
    const queue = deadlineQueue(platform);
    const due = await services.store.due(queue, services.now().getTime(), limit);
    await eachAtMost(CLOSES_AT_ONCE, due, async ({ member }) => {
      const parsed = parseDeadlineMember(member);
      if (!parsed) {
        await services.store.unschedule(queue, member);
        return;
      }
      if (await closeRound(services, parsed.channel, parsed.gameId, parsed.round)) closed++;
    });
  }
  return closed;
}

/** Plays out whatever remains of a channel's game at once: reveals and final standings (piped console at EOF). */
export async function finishGameNow(services: Services, channel: ChannelRef): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    const game = await loadGame(services, channel);
    if (!game) return;
    const closed = await closeRound(services, channel, game.id, game.round);
    if (!closed) return;
  }
}

export async function stopGame(ctx: CommandContext): Promise<Reply> {
  const channel = channelOf(ctx);
  const game = await loadGame(ctx, channel);
  if (!game) throw new UserError('No quiz is running here. /quiz start begins one.');
  // The declared permission covers who may stop anyone's game; the starter may always stop their own.
  if (game.startedBy.userId !== ctx.caller.userId && !holds(ctx.caller, 'manage')) {
    throw new UserError(
      `Only ${game.startedBy.name}, who started this quiz, or someone who can manage the channel can stop it.`,
    );
  }
  await ctx.store.unschedule(deadlineQueue(game.channel.platform), deadlineMember(game, game.round));
  // Claiming the open round keeps a deadline tick from revealing it after the stop.
  await ctx.store.claim(keys.close(game.id, game.round), GAME_TTL_MS);
  await endGame(ctx, channel, game);
  await awaitCountEdit(ctx, game.id, game.round);
  const played = game.round;
  await ctx.poster.post(
    channel,
    finalMessage(game, `Quiz stopped by ${ctx.caller.userName} after ${played} of ${game.questions.length} questions`),
  );
  return privateNote('Quiz stopped.');
}

export async function scoreReply(ctx: CommandContext): Promise<Reply> {
  const channel = channelOf(ctx);
  const game = await loadGame(ctx, channel);
  if (game) {
    const left = Math.max(0, Math.ceil((game.deadline - ctx.now().getTime()) / 1000));
    return makeReply({
      title: `Quiz: question ${game.round + 1} of ${game.questions.length}`,
      body: `**Standings so far**\n${standingsText(game.players)}`,
      footer: `${left} s left on this question`,
    });
  }
  const last = await ctx.store.get<GameState>(keys.last(channel));
  if (last) return makeReply({ title: 'Last quiz here', body: `**Final standings**\n${standingsText(last.players)}` });
  throw new UserError('No quiz has been played here yet. /quiz start begins one.');
}
