import { defineCommand, onChoice } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { eventDetail, eventReply, eventShow } from '../src/engine/facts.js';

export default defineCommand({
  name: 'event',
  description: 'One event with its claims, each with who said it and the source',
  order: 30,
  options: [
    {
      name: 'event',
      description: 'An event id from /timeline, or words from its title',
      type: 'string',
      required: true,
      autocomplete: 'event',
      sample: 'event',
    },
  ],
  help: 'Claims are shown as accounts by whoever made them; opposed accounts (who started it) are shown side by side.',
  async run(args, ctx) {
    return eventReply(ctx.pack, args.event);
  },
  actions: [
    onChoice(eventShow, ({ eventId }, ctx) => {
      const event = ctx.pack.events.get(eventId);
      if (!event) throw new UserError('That event is no longer in the pack.');
      return eventDetail(ctx.pack, event);
    }),
  ],
});
