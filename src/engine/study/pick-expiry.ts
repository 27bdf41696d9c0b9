import type { Services } from '../../core/command.js';
import type { Store } from '../../core/store.js';

/**
 * A review's order question keeps the events placed so far in a Store list,
 * and a list has no TTL. A finished answer deletes its list at once; one
 * left half-ordered is deleted by the quiz clock when its review session
 * would have expired anyway. Member = the list's key.
 */
export const PICKS_EXPIRY_QUEUE = 'study-picks-expiry';

export async function expirePicksLater(store: Store, key: string, at: number): Promise<void> {
  await store.schedule(PICKS_EXPIRY_QUEUE, key, at);
}

export async function deletePicks(store: Store, key: string): Promise<void> {
  await store.delete(key);
  await store.unschedule(PICKS_EXPIRY_QUEUE, key);
}

/** Deletes the pick lists whose time has come. Idempotent, so every instance may run it. */
export async function expireAbandonedPicks(services: Pick<Services, 'store' | 'now'>, limit = 50): Promise<number> {
  const due = await services.store.due(PICKS_EXPIRY_QUEUE, services.now().getTime(), limit);
  for (const { member } of due) await deletePicks(services.store, member);
  return due.length;
}
