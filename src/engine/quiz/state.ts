import type { Platform } from '../../core/command.js';
import type { ChannelRef } from '../../core/poster.js';
import type { Verdict } from '../answers/index.js';
import type { Question } from '../questions/types.js';

/** A player's running total. Being in `players` is what "joined" means. */
export interface PlayerScore {
  name: string;
  points: number;
  correct: number;
  /** Right answers in a row in this game (src/engine/study/score.ts). */
  streak?: number;
  /** Index of the player's team in a team game. */
  team?: number;
  /** The name this game last filed for `/stats <name>` in the server, so it is written once a game, not per answer. */
  nameFiled?: string;
}

export interface Answer {
  userId: string;
  name: string;
  /** The option clicked; a typed answer has none. */
  option?: number;
  /** Typed rounds: what the player typed, kept private until the reveal. */
  typed?: string;
  /** Typed rounds: the matcher's verdict on `typed`, graded when it was sent and shown only at the reveal. */
  verdict?: Verdict;
  /** Chronology rounds: the option indexes in the order the player put them, earliest first. */
  order?: number[];
  /** ms since epoch, by the services clock. */
  at: number;
}

/** Everything a game needs to continue after a restart: it lives in the Store, never only in memory. */
export interface GameState {
  id: string;
  channel: ChannelRef;
  startedBy: { userId: string; name: string };
  /** What the game is about, for messages: "October 2020, Ganja". */
  about?: string;
  seconds: number;
  questions: Question[];
  /** 0-based index of the round being played. */
  round: number;
  roundStartedAt: number;
  deadline: number;
  /** The posted round message, edited with the count of answers. */
  messageId?: string;
  players: Record<string, PlayerScore>;
  startedAt: number;
  /** Team game: how many teams joining players are split into. */
  teams?: number;
}

/** Round deadlines, one queue per platform: an instance closes only the rounds it can post the reveal of. */
export function deadlineQueue(platform: Platform): string {
  return `quiz-deadlines:${platform}`;
}

/**
 * Rounds whose answer count changed and is not shown yet, one queue per
 * platform (member = deadlineMember). Kept in the Store, so a count a crash
 * left pending is shown by whichever instance ticks next.
 */
export function countQueue(platform: Platform): string {
  return `quiz-counts:${platform}`;
}
/** Long enough to outlive any game; short enough that abandoned state goes away. */
export const GAME_TTL_MS = 24 * 60 * 60 * 1000;

/** Finished games' answer lists go this long after the end (history and the last standings are kept elsewhere). */
export const KEEP_AFTER_END_MS = 7 * 24 * 60 * 60 * 1000;
/** When each game's per-round lists are deleted: member = cleanupMember(game), due = end + KEEP_AFTER_END_MS. */
export const CLEANUP_QUEUE = 'quiz-cleanup';

export function channelKey(channel: Pick<ChannelRef, 'platform' | 'channelId'>): string {
  return `${channel.platform}:${channel.channelId}`;
}

export const keys = {
  game: (channel: Pick<ChannelRef, 'platform' | 'channelId'>) => `quiz:game:${channelKey(channel)}`,
  last: (channel: Pick<ChannelRef, 'platform' | 'channelId'>) => `quiz:last:${channelKey(channel)}`,
  starting: (channel: Pick<ChannelRef, 'platform' | 'channelId'>) => `quiz:starting:${channelKey(channel)}`,
  answers: (gameId: string, round: number) => `quiz:answers:${gameId}:${round}`,
  answered: (gameId: string, round: number, userId: string) => `quiz:answered:${gameId}:${round}:${userId}`,
  close: (gameId: string, round: number) => `quiz:close:${gameId}:${round}`,
  /** Taken by the one instance that edits a round's count in time window `window` (src/engine/quiz/live-count.ts). */
  countSlot: (gameId: string, round: number, window: number) => `quiz:count-slot:${gameId}:${round}:${window}`,
  /** Held while a count edit of the round is on its way, so the reveal waits for it. */
  countEdit: (gameId: string, round: number) => `quiz:count-edit:${gameId}:${round}`,
  /** Claimed by the first click on a game the store lost, so the channel is told once. */
  lost: (gameId: string) => `quiz:lost:${gameId}`,
  /** Who started ordering a chronology round, so their pick lists can be found when the game is cleaned up. */
  pickers: (gameId: string, round: number) => `quiz:pickers:${gameId}:${round}`,
};

export function cleanupMember(game: Pick<GameState, 'id' | 'questions'>): string {
  return JSON.stringify([game.id, game.questions.length]);
}

export function parseCleanupMember(member: string): { gameId: string; rounds: number } | undefined {
  try {
    const [gameId, rounds] = JSON.parse(member) as [unknown, unknown];
    if (typeof gameId !== 'string' || typeof rounds !== 'number') return undefined;
    return { gameId, rounds };
  } catch {
    return undefined;
  }
}

/** The deadline queue member: platform, channel, game and round, so the tick needs no other index. */
export function deadlineMember(game: Pick<GameState, 'channel' | 'id'>, round: number): string {
  return JSON.stringify([game.channel.platform, game.channel.channelId, game.channel.serverId, game.id, round]);
}

export function parseDeadlineMember(
  member: string,
): { channel: ChannelRef; gameId: string; round: number } | undefined {
  try {
    const [platform, channelId, serverId, gameId, round] = JSON.parse(member) as [
      ChannelRef['platform'],
      string,
      string,
      string,
      number,
    ];
    if (typeof gameId !== 'string' || typeof round !== 'number') return undefined;
    return { channel: { platform, channelId, serverId }, gameId, round };
  } catch {
    return undefined;
  }
}
