import type { Actor } from '../src/content/schema.js';
import { defineCommand, onChoice } from '../src/core/command.js';
import { resolveEntity } from '../src/core/parse/topic.js';
import { whoSection } from '../src/engine/entity-pages.js';
import { whoReply } from '../src/engine/facts.js';

export default defineCommand({
  name: 'who',
  description: 'A person, government body, armed force or organisation: roles, statements, events',
  order: 50,
  options: [
    {
      name: 'actor',
      description: 'A name, or any spelling of it the pack knows',
      type: 'string',
      required: true,
      autocomplete: 'actor',
      sample: 'actor',
    },
  ],
  async run(args, ctx) {
    const entity = resolveEntity(ctx.pack, args.actor, 'actor');
    return whoReply(ctx.pack, entity.item as Actor);
  },
  actions: [
    onChoice(whoSection, ({ id, section, page }, ctx) => {
      const actor = ctx.pack.actors.get(id);
      return actor && whoReply(ctx.pack, actor, { section, page });
    }),
  ],
});
