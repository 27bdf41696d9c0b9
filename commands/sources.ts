import { defineCommand, onChoice } from '../src/core/command.js';
import { sourcesPage, sourcesReply } from '../src/engine/facts.js';

export default defineCommand({
  name: 'sources',
  description: 'Every article in the pack: outlet, date, headline and a note on its perspective',
  order: 70,
  options: [],
  async run(_args, ctx) {
    return sourcesReply(ctx.pack, 1);
  },
  actions: [onChoice(sourcesPage, ({ page }, ctx) => ({ ...sourcesReply(ctx.pack, page), replaceOriginal: true }))],
});
