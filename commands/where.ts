import type { Place } from '../src/content/schema.js';
import { defineCommand, onChoice } from '../src/core/command.js';
import { resolveEntity } from '../src/core/parse/topic.js';
import { whereSection } from '../src/engine/entity-pages.js';
import { whereReply } from '../src/engine/facts.js';

export default defineCommand({
  name: 'where',
  description: 'A place: where it is, what it is called, what happened there',
  order: 60,
  options: [
    {
      name: 'place',
      description: 'A place name, or any spelling of it the pack knows',
      type: 'string',
      required: true,
      autocomplete: 'place',
      sample: 'place',
    },
  ],
  async run(args, ctx) {
    const entity = resolveEntity(ctx.pack, args.place, 'place');
    return whereReply(ctx.pack, entity.item as Place);
  },
  actions: [
    onChoice(whereSection, ({ id, section, page }, ctx) => {
      const place = ctx.pack.places.get(id);
      return place && whereReply(ctx.pack, place, { section, page });
    }),
  ],
});
