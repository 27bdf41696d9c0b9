import { addDays, weekdayOf } from '../content/calendar.js';
import type { Platform } from '../core/command.js';
import { instantAt, localDateOf } from '../core/local-time.js';
import type { ChannelRef } from '../core/poster.js';
import type { Store } from '../core/store.js';

/** A channel's daily briefing, as /briefing subscribe records it. */
export interface Subscription {
  platform: Platform;
  channelId: string;
  serverId: string;
  /** HH:MM, local to `timeZone`. */
  time: string;
  /** IANA name. */
  timeZone: string;
  days: 'daily' | 'weekdays';
  createdBy: string;
  createdAt: string;
  /** Set while paused: by someone with /briefing pause, or by the scheduler when the channel cannot be posted to. */
  paused?: { reason: string; at: string; by: 'user' | 'error'; code?: string };
}

/** The outcome of the latest attempt, shown by /briefing status. */
export interface LastResult {
  localDate: string;
  outcome: 'sent' | 'failed' | 'retrying' | 'paused' | 'lost';
  at: string;
  messageId?: string;
  detail?: string;
}

/** What the per-day marker holds. It is claimed before posting and never deleted. */
export type Marker =
  | { state: 'claimed'; owner: string; at: number }
  | { state: 'retry'; attempt: number; retryAt: number; code: string; owner: string; at: number }
  | { state: 'sent'; messageId: string; at: number }
  | { state: 'failed'; code: string; permanent: boolean; at: number };

/** Due briefings, one queue per platform: an instance reads only those of the platforms it serves. */
export function briefingQueue(platform: Platform): string {
  return `briefings:${platform}`;
}
/** The queue of a member (`platform:channelId`). */
export function briefingQueueOf(member: string): string {
  return briefingQueue(member.slice(0, member.indexOf(':')) as Platform);
}
/** Markers outlive any retry and any restart by days. */
export const MARKER_TTL_MS = 3 * 86_400_000;

export function memberOf(ref: { platform: Platform; channelId: string }): string {
  return `${ref.platform}:${ref.channelId}`;
}
export function subscriptionKey(member: string): string {
  return `briefing:sub:${member}`;
}
export function lastResultKey(member: string): string {
  return `briefing:last:${member}`;
}
export function cursorKey(member: string): string {
  return `briefing:cursor:${member}`;
}
/** `brief:{platform}:{channel}:{localDate}`: taken with claim, so one instance posts each day. */
export function markerKey(member: string, localDate: string): string {
  return `brief:${member}:${localDate}`;
}

export function channelOf(sub: Subscription): ChannelRef {
  return { platform: sub.platform, channelId: sub.channelId, serverId: sub.serverId };
}

export function sendsOn(sub: Pick<Subscription, 'days'>, localDate: string): boolean {
  if (sub.days === 'daily') return true;
  const day = weekdayOf(localDate);
  return day >= 1 && day <= 5;
}

/** The instant `sub` is due on `localDate` (DST gaps move it to the first valid minute). */
export function dueOn(sub: Pick<Subscription, 'time' | 'timeZone'>, localDate: string): number {
  const [hour, minute] = sub.time.split(':').map(Number) as [number, number];
  return instantAt(localDate, hour, minute, sub.timeZone);
}

/** The first send day on or after `fromDate`, and when it is due. */
export function nextSend(
  sub: Pick<Subscription, 'time' | 'timeZone' | 'days'>,
  fromDate: string,
): { localDate: string; at: number } {
  let date = fromDate;
  while (!sendsOn(sub, date)) date = addDays(date, 1);
  return { localDate: date, at: dueOn(sub, date) };
}

/** For a new or changed subscription: today if its time is still ahead, otherwise the next send day. */
export function firstSend(
  sub: Pick<Subscription, 'time' | 'timeZone' | 'days'>,
  now: number,
): { localDate: string; at: number } {
  const today = nextSend(sub, localDateOf(now, sub.timeZone));
  return today.at > now ? today : nextSend(sub, addDays(today.localDate, 1));
}

export async function saveSubscription(
  store: Store,
  sub: Subscription,
  now: number,
): Promise<{ localDate: string; at: number } | undefined> {
  const member = memberOf(sub);
  await store.set(subscriptionKey(member), sub);
  if (sub.paused) {
    await store.unschedule(briefingQueueOf(member), member);
    return undefined;
  }
  const next = firstSend(sub, now);
  await store.schedule(briefingQueueOf(member), member, next.at);
  return next;
}
