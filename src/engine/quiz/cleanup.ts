import { PLATFORMS, type Services } from '../../core/command.js';
import type { Store } from '../../core/store.js';
import { studyKeys } from '../study/keys.js';
import {
  type Answer,
  CLEANUP_QUEUE,
  cleanupMember,
  deadlineQueue,
  GAME_TTL_MS,
  type GameState,
  KEEP_AFTER_END_MS,
  keys,
  parseCleanupMember,
  parseDeadlineMember,
} from './state.js';

/**
 * A game's answer and pick lists have no TTL of their own (a Store list
 * never expires), so each game files a cleanup time in the Store: at start,
 * late enough to outlive the game state itself (an abandoned game is cleaned
 * up too); at its end, moved to a week later. Study history and the last
 * standings live under other keys and are never touched here.
 */
export async function scheduleCleanup(
  services: Pick<Services, 'store'>,
  game: Pick<GameState, 'id' | 'questions'>,
  at: 'start' | 'end',
  now: number,
): Promise<void> {
  const after = at === 'start' ? GAME_TTL_MS + KEEP_AFTER_END_MS : KEEP_AFTER_END_MS;
  await services.store.schedule(CLEANUP_QUEUE, cleanupMember(game), now + after);
}

/** Deletes the per-round lists of every game whose cleanup time has come. Idempotent, so every instance may run it. */
export async function expireFinishedGames(services: Services, limit = 50): Promise<number> {
  const due = await services.store.due(CLEANUP_QUEUE, services.now().getTime(), limit);
  for (const { member } of due) {
    const parsed = parseCleanupMember(member);
    if (parsed) await deleteGameLists(services.store, parsed.gameId, parsed.rounds);
    await services.store.unschedule(CLEANUP_QUEUE, member);
  }
  return due.length;
}

async function deleteGameLists(store: Store, gameId: string, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const answers = await store.list<Answer>(keys.answers(gameId, round));
    const pickers = await store.list<string>(keys.pickers(gameId, round));
    const users = new Set([...answers.map((a) => a.userId), ...pickers]);
    for (const userId of users) await store.delete(studyKeys.picks(`quiz:${gameId}:${round}`, userId));
    await store.delete(keys.pickers(gameId, round));
    await store.delete(keys.answers(gameId, round));
  }
}

/**
 * Games running across every instance: each running game has its open round
 * on the deadline queue (at most `cap` are counted, to bound a scrape).
 */
export async function countActiveGames(store: Store, cap = 100_000): Promise<number> {
  const open = await Promise.all(PLATFORMS.map((p) => store.due(deadlineQueue(p), Number.MAX_SAFE_INTEGER, cap)));
  return new Set(
    open
      .flat()
      .map((e) => parseDeadlineMember(e.member)?.gameId)
      .filter(Boolean),
  ).size;
}
