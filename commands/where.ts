import type { Place } from '../src/content/schema.js';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { resolveEntity } from '../src/core/parse/topic.js';
import { whereReply } from '../src/engine/facts.js';

export const whereCommand: Command = {
  name: 'where',
  description: 'A place: where it is, what it is called, what happened there',
  options: [
    {
      name: 'place',
      description: 'A place name or alias (Toyuz finds Tovuz)',
      type: 'string',
      required: true,
      autocomplete: 'place',
      example: 'Tovuz',
    },
  ],
  async run(args, ctx) {
    const entity = resolveEntity(ctx.pack, args.place ?? '', 'place');
    return whereReply(ctx.pack, entity.item as Place);
  },
  async onChoice(action, ctx) {
    // where:<statements|events>:<page>:<place id>
    const [, section, page, id] = action.split(':');
    const item = id ? ctx.pack.places.get(id) : undefined;
    if ((section !== 'statements' && section !== 'events') || !page || !/^\d+$/.test(page) || !item)
      throw new UserError('That button is no longer active.');
    return whereReply(ctx.pack, item, { section, page: Number(page) });
  },
};
