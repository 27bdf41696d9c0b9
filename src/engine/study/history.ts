import { foldName } from '../../content/normalize.js';
import type { Platform, Services } from '../../core/command.js';
import type { Store } from '../../core/store.js';
import { countAnswer } from './accuracy.js';
import { studyKeys } from './keys.js';
import { monthOf } from './periods.js';

/** The board's first month is kept as a claim that never lapses in practice. */
const CENTURY_MS = 100 * 365 * 86_400_000;

/** One answer, as kept forever in the answering user's history. */
export interface AnswerRecord {
  questionId: string;
  kind: string;
  /** The pack episode the question is about, when it has one. */
  episode?: string;
  correct: boolean;
  /** 1 right, 0 wrong, in between for a partly right order. */
  credit: number;
  /** From the question being shown to the answer. */
  ms: number;
  /** ms since epoch. */
  at: number;
  platform: Platform;
  userId: string;
  userName: string;
  serverId: string;
  channelId: string;
  /** A quiz game's points (0 in a review). */
  points: number;
  via: 'quiz' | 'review';
  gameId?: string;
}

/** A server's leaderboard entry: small, because a board reads many of them. */
export interface BoardEntry {
  u: string;
  n: string;
  p: number;
  c: 0 | 1;
  at: number;
}

export async function userHistory(services: Pick<Services, 'store'>, platform: Platform, userId: string) {
  return services.store.list<AnswerRecord>(studyKeys.history(platform, userId));
}

/**
 * Appends an answer to the user's history, a quiz answer also to its
 * server's board for the month, and remembers the user's name in that
 * server. Every write is an append or an idempotent set: two instances
 * recording at once lose nothing.
 */
export async function recordAnswer(services: Pick<Services, 'store'>, record: AnswerRecord): Promise<void> {
  await appendAnswer(services.store, record);
  await rememberName(services.store, record);
  if (record.via === 'quiz') await noteBoardMonth(services.store, record, monthOf(record.at));
}

/**
 * The appends of `recordAnswer`: the history, the question's tally and, for
 * a quiz, the board. A quiz round makes them per answer and the rest once
 * (src/engine/study/record-round.ts).
 */
export async function appendAnswer(store: Store, record: AnswerRecord): Promise<void> {
  await store.append(studyKeys.history(record.platform, record.userId), record);
  await countAnswer(store, record.questionId, record.correct);
  if (record.via !== 'quiz') return;
  const entry: BoardEntry = {
    u: record.userId,
    n: record.userName,
    p: record.points,
    c: record.correct ? 1 : 0,
    at: record.at,
  };
  await store.append(studyKeys.board(record.platform, record.serverId, monthOf(record.at)), entry);
}

/** `/stats Ani` finds Ani by the name last seen in the server. */
export async function rememberName(
  store: Store,
  who: Pick<AnswerRecord, 'platform' | 'serverId' | 'userName' | 'userId'>,
): Promise<void> {
  await store.set(studyKeys.member(who.platform, who.serverId, foldName(who.userName)), who.userId);
}

/**
 * Keeps the server's first board month at or before `month`. It only ever
 * moves back, so a read that finds it no later is all a busy night costs;
 * claim sets it once, and an earlier one found later overwrites it.
 */
export async function noteBoardMonth(
  store: Store,
  where: Pick<AnswerRecord, 'platform' | 'serverId'>,
  month: string,
): Promise<void> {
  const startKey = studyKeys.boardStart(where.platform, where.serverId);
  const seen = await store.get<string>(startKey);
  if (seen !== undefined && seen <= month) return;
  if (seen === undefined && (await store.claim(startKey, CENTURY_MS, month))) return;
  const start = seen ?? (await store.get<string>(startKey));
  if (start && month < start) await store.set(startKey, month);
}
