import { type CommandContext, defineCommand, onChoice } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { resolveTopic } from '../src/core/parse/topic.js';
import type { Reply } from '../src/core/reply.js';
import { nextFromDeck } from '../src/engine/fact-deck.js';
import { factNext, factReply, statementsAbout } from '../src/engine/facts.js';

/** The channel's next unseen statement, about a topic or about anything. */
async function show(ctx: CommandContext, topicText: string | undefined): Promise<Reply> {
  let id: string | undefined;
  let label: string | undefined;
  if (topicText) {
    // A fact topic must be a named thing: statements are indexed by the ids they concern.
    const topic = resolveTopic(ctx.pack, topicText, () => false);
    if (topic.kind !== 'entity') throw new UserError('Name a place, actor or thing.');
    id = topic.entity.item.id;
    label = topic.label;
  }
  const statements = statementsAbout(ctx.pack, id);
  const pick = statements.length
    ? await nextFromDeck(ctx.store, ctx.caller, id ?? '*', statements.length, ctx.now())
    : 0;
  return factReply(ctx.pack, statements, pick, label, id);
}

export default defineCommand({
  name: 'fact',
  description: 'An attributed claim, quote or report, optionally about a place, actor or thing',
  order: 40,
  options: [
    {
      name: 'topic',
      description: 'A place, actor or thing',
      type: 'string',
      autocomplete: 'topic',
      sample: 'topic',
    },
  ],
  help: 'Every fact names who said it, as of when, and the article. A channel sees every fact once before any comes again; the Another button shows the next one.',
  async run(args, ctx) {
    return show(ctx, args.topic);
  },
  actions: [onChoice(factNext, ({ topicId }, ctx) => show(ctx, topicId))],
});
