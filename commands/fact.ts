import type { Command, CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { resolveTopic } from '../src/core/parse/topic.js';
import type { Reply } from '../src/core/reply.js';
import { factReply, statementsAbout } from '../src/engine/facts.js';

function show(ctx: CommandContext, topicText: string | undefined, pick: number): Reply {
  if (!topicText) return factReply(ctx.pack, statementsAbout(ctx.pack), pick, undefined, `fact:next:${pick + 1}:`);
  // A fact topic must be a named thing: statements are indexed by the ids they concern.
  const topic = resolveTopic(ctx.pack, topicText, () => false);
  if (topic.kind !== 'entity') throw new UserError('Name a place, actor or weapon.');
  const id = topic.entity.item.id;
  return factReply(ctx.pack, statementsAbout(ctx.pack, id), pick, topic.label, `fact:next:${pick + 1}:${id}`);
}

export const factCommand: Command = {
  name: 'fact',
  description: 'An attributed claim, quote or report, optionally about a place, actor or weapon',
  options: [
    {
      name: 'topic',
      description: 'A place, actor or weapon',
      type: 'string',
      autocomplete: 'topic',
      example: 'Tovuz',
    },
  ],
  help: 'Every fact names who said it, as of when, and the article. The Another button shows the next one.',
  async run(args, ctx) {
    // The minute of the day picks the statement: varied across the day, stable for a test's fixed clock.
    const now = ctx.now();
    return show(ctx, args.topic, now.getUTCHours() * 60 + now.getUTCMinutes());
  },
  async onChoice(action, ctx) {
    const [, kind, pick, id] = action.split(':');
    if (kind !== 'next' || !pick || !/^\d+$/.test(pick)) throw new UserError('That button is no longer active.');
    return show(ctx, id || undefined, Number(pick));
  },
};
