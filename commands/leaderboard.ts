import { type CommandContext, choicesOf, defineCommand } from '../src/core/command.js';
import { parseTimeZone } from '../src/core/parse/timezone.js';
import { leaderboard, leaderboardReply } from '../src/engine/study/leaderboard.js';
import { PERIODS } from '../src/engine/study/periods.js';
import { memberOf, type Subscription, subscriptionKey } from '../src/schedule/subscriptions.js';

/** The zone weeks and months start in: the one asked for, else this channel's briefing's, else UTC. */
async function boardTimeZone(raw: string | undefined, ctx: CommandContext): Promise<string> {
  if (raw?.trim()) return parseTimeZone(raw);
  const sub = await ctx.store.get<Subscription>(subscriptionKey(memberOf(ctx.caller)));
  return sub?.timeZone ?? 'UTC';
}

export default defineCommand({
  name: 'leaderboard',
  description: 'Quiz points in this server or workspace: this week, this month or all time',
  order: 100,
  options: [
    {
      name: 'period',
      description: 'week (from Monday), month or all',
      type: 'string',
      choices: choicesOf(PERIODS),
      example: 'week',
    },
    {
      name: 'timezone',
      description: "Where weeks and months start, e.g. Europe/Paris (default: this channel's briefing zone, or UTC)",
      type: 'string',
      example: 'Europe/Paris',
    },
  ],
  help: 'Players rank by quiz points, then right answers. A new week or month starts a fresh board at midnight in the timezone given, else in the timezone of this channel’s /briefing, else UTC; nothing is lost: "all" keeps every game, and the footer names last period’s leader.',
  async run(args, ctx) {
    const period = args.period ?? 'week';
    const timeZone = await boardTimeZone(args.timezone, ctx);
    const now = ctx.now().getTime();
    const where = { platform: ctx.caller.platform, serverId: ctx.caller.serverId };
    const board = await leaderboard(ctx, where, period, now, timeZone);
    return leaderboardReply(period, now, board, ctx.caller.userId, timeZone);
  },
});
