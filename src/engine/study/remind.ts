import type { Platform, Services } from '../../core/command.js';
import type { ChannelRef } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';
import { plural } from '../text.js';
import { dueCount } from './cards.js';
import { studyKeys } from './keys.js';

interface ReminderChange {
  userId: string;
  userName: string;
  on: boolean;
  at: number;
}

/** Opts a user in or out of the "questions due" line of this channel's briefing. Appended, never lost. */
export async function setReminder(
  services: Pick<Services, 'store'>,
  where: { platform: Platform; channelId: string },
  who: { userId: string; userName: string },
  on: boolean,
  at: number,
): Promise<void> {
  const change: ReminderChange = { ...who, on, at };
  await services.store.append(studyKeys.reminders(where.platform, where.channelId), change);
}

/** Who in this channel wants the line, by their latest choice. */
export async function remindedUsers(
  services: Pick<Services, 'store'>,
  where: { platform: Platform; channelId: string },
): Promise<{ userId: string; userName: string }[]> {
  const latest = new Map<string, ReminderChange>();
  for (const c of await services.store.list<ReminderChange>(studyKeys.reminders(where.platform, where.channelId))) {
    latest.set(c.userId, c);
  }
  return [...latest.values()].filter((c) => c.on).map(({ userId, userName }) => ({ userId, userName }));
}

/** "Due for review: Ani 3, Bob 1 (/review)", or nothing when nobody who opted in has anything due. */
export async function reviewReminderLine(
  services: Pick<Services, 'store'>,
  channel: Pick<ChannelRef, 'platform' | 'channelId'>,
  now: number,
): Promise<string | undefined> {
  const parts: string[] = [];
  for (const user of await remindedUsers(services, channel)) {
    const n = await dueCount(services, channel.platform, user.userId, now);
    if (n > 0) parts.push(`${user.userName} has ${plural(n, 'question')} due`);
  }
  return parts.length ? `Review: ${parts.join('; ')}. /review to practise.` : undefined;
}

/** The briefing with the review line added as a field (the text fallback too). */
export async function withReviewReminders(
  services: Pick<Services, 'store'>,
  channel: Pick<ChannelRef, 'platform' | 'channelId'>,
  now: number,
  reply: Reply,
): Promise<Reply> {
  const line = await reviewReminderLine(services, channel, now);
  if (!line) return reply;
  return {
    ...reply,
    fields: [...(reply.fields ?? []), { name: 'Due for review', value: line }],
    text: `${reply.text}\n\nDue for review: ${line}`,
  };
}
