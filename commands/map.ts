import { defineCommand } from '../src/core/command.js';
import { mapReply } from '../src/pictures/map-reply.js';

export default defineCommand({
  name: 'map',
  description: 'A map of the places named by the events of a period, optionally about one topic',
  order: 20,
  options: [
    {
      name: 'when',
      description: 'YYYY, YYYY-MM, YYYY-MM-DD or a range A..B; all events when left out',
      type: 'string',
      example: 'YYYY',
      sample: 'year',
    },
    {
      name: 'topic',
      description: 'A place, actor, thing or word; any spelling the pack knows works',
      type: 'string',
      autocomplete: 'topic',
      sample: 'topic',
    },
  ],
  help: 'Dots are towns and sites; dashed rings are areas whose position is approximate. Bigger marks mean more events. The map is framed on where the pack’s events happen; a place far from the rest is listed under the title instead of stretching the map, and countries, seas and places with no position on Earth are listed in words.',
  async run(args, ctx) {
    return mapReply(ctx.pack, args.when, args.topic);
  },
});
