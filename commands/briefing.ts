import { type CommandContext, choicesOf, defineCommand, defineSubcommand, onChoice } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { describeInstant, localDateOf } from '../src/core/local-time.js';
import { parseTimeOfDay } from '../src/core/parse/time.js';
import { parseTimeZone } from '../src/core/parse/timezone.js';
import type { Reply } from '../src/core/reply.js';
import { buildBriefing } from '../src/engine/briefing/build.js';
import { briefingAnswer } from '../src/engine/briefing/question-of-the-day.js';
import { revealBriefingAnswer } from '../src/engine/briefing/reveal.js';
import { withReviewReminders } from '../src/engine/study/remind.js';
import { privateNote } from '../src/engine/text.js';
import {
  briefingQueueOf,
  cursorKey,
  firstSend,
  type LastResult,
  lastResultKey,
  memberOf,
  type Subscription,
  saveSubscription,
  subscriptionKey,
} from '../src/schedule/subscriptions.js';

const DAYS = ['daily', 'weekdays'] as const;

function member(ctx: CommandContext): string {
  return memberOf({ platform: ctx.caller.platform, channelId: ctx.caller.channelId });
}

async function current(ctx: CommandContext): Promise<Subscription> {
  const sub = await ctx.store.get<Subscription>(subscriptionKey(member(ctx)));
  if (!sub)
    throw new UserError(
      'This channel has no daily briefing. Start one with /briefing subscribe time:08:00 timezone:Europe/Paris',
    );
  return sub;
}

function schedule(sub: Subscription): string {
  return `${sub.days === 'daily' ? 'every day' : 'on weekdays'} at ${sub.time} ${sub.timeZone}`;
}

function nextLine(sub: Subscription, now: Date): string {
  const next = firstSend(sub, now.getTime());
  return describeInstant(next.at, sub.timeZone);
}

function lastLine(last: LastResult | undefined): string {
  if (!last) return 'none yet';
  const detail = last.detail ? `: ${last.detail}` : '';
  return `${last.outcome} for ${last.localDate}${detail}`;
}

export default defineCommand({
  name: 'briefing',
  description: 'A daily briefing in this channel: on this day, who said what, a question of the day',
  order: 120,
  subcommands: [
    defineSubcommand({
      name: 'subscribe',
      requires: 'manage',
      description: 'Post a briefing here every day (or weekday) at a local time',
      options: [
        {
          name: 'time',
          description: 'Local time, HH:MM on a 24-hour clock (default 08:00)',
          type: 'string',
          example: '08:00',
        },
        { name: 'timezone', description: 'IANA timezone (default UTC)', type: 'string', example: 'Europe/Paris' },
        {
          name: 'days',
          description: 'Every day, or Monday to Friday',
          type: 'string',
          choices: choicesOf(DAYS),
          example: 'daily',
        },
      ],
      async run(args, ctx) {
        const time = parseTimeOfDay(args.time ?? '08:00').text;
        const timeZone = parseTimeZone(args.timezone ?? 'UTC');
        const days = args.days ?? 'daily';
        const previous = await ctx.store.get<Subscription>(subscriptionKey(member(ctx)));
        const sub: Subscription = {
          platform: ctx.caller.platform,
          channelId: ctx.caller.channelId,
          serverId: ctx.caller.serverId,
          time,
          timeZone,
          days,
          createdBy: previous?.createdBy ?? ctx.caller.userId,
          createdAt: previous?.createdAt ?? ctx.now().toISOString(),
        };
        const next = await saveSubscription(ctx.store, sub, ctx.now().getTime());
        const verb = previous ? 'Updated' : 'Subscribed';
        return privateNote(
          `${verb}: this channel gets a briefing ${schedule(sub)}. The next one: ${next ? describeInstant(next.at, timeZone) : 'none'}.${previous?.paused ? ' (It was paused; subscribing again resumes it.)' : ''}`,
        );
      },
    }),
    defineSubcommand({
      name: 'unsubscribe',
      requires: 'manage',
      description: 'Stop the daily briefing in this channel',
      options: [],
      async run(_args, ctx) {
        await current(ctx);
        await ctx.store.unschedule(briefingQueueOf(member(ctx)), member(ctx));
        await ctx.store.delete(subscriptionKey(member(ctx)));
        await ctx.store.delete(cursorKey(member(ctx)));
        return privateNote('Unsubscribed: no more daily briefings in this channel.');
      },
    }),
    defineSubcommand({
      name: 'status',
      description: 'When the next briefing is due here, and how the last one went',
      options: [],
      async run(_args, ctx) {
        const sub = await ctx.store.get<Subscription>(subscriptionKey(member(ctx)));
        if (!sub)
          return privateNote(
            'This channel has no daily briefing. Start one with /briefing subscribe time:08:00 timezone:Europe/Paris',
          );
        const last = await ctx.store.get<LastResult>(lastResultKey(member(ctx)));
        const lines = [`Schedule: ${schedule(sub)}.`];
        if (sub.paused) {
          lines.push(
            sub.paused.by === 'error'
              ? `Paused since ${sub.paused.at}: ${sub.paused.reason}. Fix the bot's access to this channel, then /briefing resume.`
              : `Paused since ${sub.paused.at} (${sub.paused.reason}). /briefing resume starts it again.`,
          );
        } else {
          lines.push(`Next: ${nextLine(sub, ctx.now())}.`);
        }
        lines.push(`Last: ${lastLine(last)}.`);
        return privateNote(lines.join('\n'));
      },
    }),
    defineSubcommand({
      name: 'preview',
      description: "Show today's briefing to you alone, now (nothing is recorded)",
      options: [],
      async run(_args, ctx) {
        const sub = await ctx.store.get<Subscription>(subscriptionKey(member(ctx)));
        const timeZone = sub?.timeZone ?? 'UTC';
        const cursor = (await ctx.store.get<number>(cursorKey(member(ctx)))) ?? 0;
        const built = buildBriefing(ctx.pack, {
          channelKey: member(ctx),
          localDate: localDateOf(ctx.now().getTime(), timeZone),
          cursor,
        });
        // As it would be posted, with the opted-in members' review line.
        const reply = await withReviewReminders(ctx, ctx.caller, ctx.now().getTime(), built.reply);
        return {
          ...reply,
          visibility: 'private',
          footer: `Preview, seen only by you.${reply.footer ? ` ${reply.footer}` : ''}`,
        } satisfies Reply;
      },
    }),
    defineSubcommand({
      name: 'pause',
      requires: 'manage',
      description: 'Pause the daily briefing here (resume keeps its settings)',
      options: [],
      async run(_args, ctx) {
        const sub = await current(ctx);
        if (sub.paused) return privateNote(`Already paused (${sub.paused.reason}).`);
        await saveSubscription(
          ctx.store,
          { ...sub, paused: { reason: `paused by ${ctx.caller.userName}`, at: ctx.now().toISOString(), by: 'user' } },
          ctx.now().getTime(),
        );
        return privateNote('Paused. /briefing resume starts it again with the same time and timezone.');
      },
    }),
    defineSubcommand({
      name: 'resume',
      requires: 'manage',
      description: 'Resume a paused daily briefing',
      options: [],
      async run(_args, ctx) {
        const sub = await current(ctx);
        if (!sub.paused) return privateNote(`The briefing is not paused; next: ${nextLine(sub, ctx.now())}.`);
        const { paused: _, ...running } = sub;
        const next = await saveSubscription(ctx.store, running, ctx.now().getTime());
        return privateNote(
          `Resumed: ${schedule(sub)}. The next one: ${next ? describeInstant(next.at, sub.timeZone) : 'none'}.`,
        );
      },
    }),
  ],
  help: [
    'subscribe [time:08:00] [timezone:UTC] [days:daily|weekdays]: one briefing a day in this channel, at that local time.',
    'Each briefing has events that happened on this day in any year (or else the next step of a walk through the timeline), one attributed statement with its source, and a question of the day whose answer only you see.',
    'subscribe, unsubscribe, pause and resume need Manage Server/Manage Channels on Discord or workspace admin on Slack. status and preview are for anyone, and only you see them.',
    'If the bot loses access to the channel the briefing pauses itself; /briefing status says why.',
  ].join('\n'),
  actions: [onChoice(briefingAnswer, (a, ctx) => revealBriefingAnswer(ctx, a.seed, a.index, a.option))],
});
