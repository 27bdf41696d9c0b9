import type { Services } from '../../core/command.js';
import { eachAtMost } from '../../core/each-at-most.js';
import { PostError, platformsServed } from '../../core/poster.js';
import { roundMessage } from './messages.js';
import { type Answer, countQueue, deadlineMember, type GameState, keys, parseDeadlineMember } from './state.js';

/**
 * The live answer count on a round's message. A click only files the round
 * as changed; the quiz clock shows the latest count at most once per window
 * (a second by default), whichever instance ticks first. A hundred clicks
 * in two seconds are two or three edits, not a hundred queued behind the
 * platform's rate limit and landing after the reveal.
 */

/** Discord allows a few message edits per 5 s in a channel, Slack's chat.update about one a second. */
const COUNT_EVERY_MS = 1_000;

/**
 * How long a reveal waits for a count edit on its way. An edit takes a
 * fraction of a second; the bound is what a crash in the middle of one
 * costs: the reveal is this much late, never blocked.
 */
export const COUNT_EDIT_LEASE_MS = 10_000;

const LEASE_POLL_MS = 25;

/** Edits in flight at once per instance, so one tick with many busy rounds does not take many seconds. */
const EDITS_AT_ONCE = 8;

/** A click's part: one Store write, so an answer never waits on the platform. */
export async function countChanged(
  services: Pick<Services, 'store' | 'now'>,
  game: Pick<GameState, 'channel' | 'id'>,
  round: number,
): Promise<void> {
  await services.store.schedule(
    countQueue(game.channel.platform),
    deadlineMember(game, round),
    services.now().getTime(),
  );
}

/** The quiz clock's job: shows the latest count of every round that changed. Returns how many it edited. */
export async function showDueCounts(services: Services, limit = 100): Promise<number> {
  const now = services.now().getTime();
  // One window for the whole tick, so a tick that runs past a second boundary cannot use the next one too.
  const window = Math.floor(now / (services.quizCountEveryMs ?? COUNT_EVERY_MS));
  let shown = 0;
  for (const platform of platformsServed(services.poster)) {
    const queue = countQueue(platform);
    const due = await services.store.due(queue, now, limit);
    await eachAtMost(EDITS_AT_ONCE, due, async ({ member }) => {
      if (await showCount(services, queue, member, window)) shown++;
    });
  }
  return shown;
}

async function showCount(services: Services, queue: string, member: string, window: number): Promise<boolean> {
  const { store } = services;
  const parsed = parseDeadlineMember(member);
  if (!parsed) {
    await store.unschedule(queue, member);
    return false;
  }
  const { channel, gameId, round } = parsed;
  const every = services.quizCountEveryMs ?? COUNT_EVERY_MS;
  // The shared schedule: one edit per round per window across every instance.
  if (!(await store.claim(keys.countSlot(gameId, round, window), 2 * every))) return false;
  // Taken before the round is looked at; awaitCountEdit says why that order matters.
  const lease = keys.countEdit(gameId, round);
  if (!(await store.claim(lease, COUNT_EDIT_LEASE_MS))) return false;
  const started = performance.now();
  try {
    const game = await store.get<GameState>(keys.game(channel));
    const open =
      game?.id === gameId && game.round === round && (await store.get(keys.close(gameId, round))) === undefined;
    if (!open) {
      await store.unschedule(queue, member);
      return false;
    }
    // Clicked before the round's message id was saved: left pending for the next tick.
    if (!game.messageId) return false;
    // Off the queue before the count is read: a click after this files the round again, so its count is not lost.
    await store.unschedule(queue, member);
    const count = (await store.list<Answer>(keys.answers(gameId, round))).length;
    try {
      await services.poster.edit(channel, game.messageId, roundMessage(game, count));
      return true;
    } catch (error) {
      services.log?.warn({ err: error, gameId, round }, 'could not update the answer count on a quiz question');
      // A deleted message stays deleted; after a rate limit or a network fault the count is tried again.
      if (!(error instanceof PostError && error.permanent)) {
        const retryAfter = error instanceof PostError ? (error.retryAfterMs ?? 0) : 0;
        await store.schedule(queue, member, services.now().getTime() + retryAfter);
      }
      return false;
    }
  } finally {
    // An edit slower than its lease may since have been overtaken by the reveal and another editor's lease.
    if (performance.now() - started < COUNT_EDIT_LEASE_MS) {
      await store.delete(lease);
    } else {
      services.log?.warn({ gameId, round }, 'a quiz count edit outlasted its lease and may have landed after a reveal');
    }
  }
}

/**
 * Waits until no count edit of the round is on its way, so none lands after
 * the reveal. The closer calls it after claiming the round; an editor takes
 * its lease before it checks that claim. With both orders so, one always
 * sees the other: the editor backs off, or the closer waits here. A lease
 * left by a crashed editor lapses, so the wait is bounded.
 */
export async function awaitCountEdit(
  services: Pick<Services, 'store' | 'log'>,
  gameId: string,
  round: number,
): Promise<void> {
  const lease = keys.countEdit(gameId, round);
  const until = performance.now() + COUNT_EDIT_LEASE_MS;
  while ((await services.store.get(lease)) !== undefined) {
    if (performance.now() >= until) {
      services.log?.warn({ gameId, round }, 'revealing a quiz round while its count edit is still held');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
  }
}
