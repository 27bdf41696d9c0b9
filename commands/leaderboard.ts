import type { Command } from '../src/core/command.js';
import { leaderboard, leaderboardReply } from '../src/engine/study/leaderboard.js';
import { PERIODS, parseLeaderboardPeriod } from '../src/engine/study/periods.js';

export const leaderboardCommand: Command = {
  name: 'leaderboard',
  description: 'Quiz points in this server or workspace: this week, this month or all time',
  options: [
    {
      name: 'period',
      description: 'week (from Monday, UTC), month or all',
      type: 'string',
      choices: PERIODS.map((p) => ({ name: p, value: p })),
      example: 'week',
    },
  ],
  help: 'Players rank by quiz points, then right answers. A new week or month starts a fresh board; nothing is lost: "all" keeps every game, and the footer names last period’s leader.',
  async run(args, ctx) {
    const period = parseLeaderboardPeriod(args.period);
    const now = ctx.now().getTime();
    const board = await leaderboard(ctx, { platform: ctx.caller.platform, serverId: ctx.caller.serverId }, period, now);
    return leaderboardReply(period, now, board, ctx.caller.userId);
  },
};
