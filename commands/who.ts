import type { Actor } from '../src/content/schema.js';
import type { Command } from '../src/core/command.js';
import { resolveEntity } from '../src/core/parse/topic.js';
import { readSectionAction } from '../src/engine/entity-pages.js';
import { whoReply } from '../src/engine/facts.js';

export const whoCommand: Command = {
  name: 'who',
  description: 'A person, government body, armed force or organisation: roles, statements, events',
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
    const entity = resolveEntity(ctx.pack, args.actor ?? '', 'actor');
    return whoReply(ctx.pack, entity.item as Actor);
  },
  async onChoice(action, ctx) {
    // who:<statements|events>:<page>:<actor id>
    const { item, view } = readSectionAction(action, (id) => ctx.pack.actors.get(id));
    return whoReply(ctx.pack, item, view);
  },
};
