import { defineCommand } from '../src/core/command.js';
import { resolveUser, statsFor, statsReply } from '../src/engine/study/stats.js';

export default defineCommand({
  name: 'stats',
  description: 'Your quiz record (or someone else’s): accuracy, streaks, strongest and weakest topics',
  order: 90,
  options: [
    {
      name: 'user',
      description: 'Whose stats: a mention or the name they play under here',
      type: 'string',
      example: 'Ani',
    },
  ],
  help: [
    'Counts every answer in quizzes and reviews on this platform. Accuracy gives partial credit for a partly right chronology order.',
    'A streak is right answers in a row, across games. Topics are the pack’s episodes and the kinds of question (dates, places, who said it...); a topic needs 3 answers to count.',
  ].join('\n'),
  async run(args, ctx) {
    const { platform, serverId, userId, userName } = ctx.caller;
    const target = args.user ? await resolveUser(ctx, { platform, serverId }, args.user) : { userId, name: userName };
    const { stats, name } = await statsFor(ctx, platform, target.userId);
    return statsReply(name ?? target.name ?? target.userId, stats);
  },
});
