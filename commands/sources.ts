import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { sourcesReply } from '../src/engine/facts.js';

export const sourcesCommand: Command = {
  name: 'sources',
  description: 'Every article in the pack: outlet, date, headline and a note on its perspective',
  options: [],
  async run(_args, ctx) {
    return sourcesReply(ctx.pack, 1);
  },
  async onChoice(action, ctx) {
    const page = action.split(':')[2];
    if (!page || !/^\d+$/.test(page)) throw new UserError('That button is no longer active.');
    return { ...sourcesReply(ctx.pack, Number(page)), replaceOriginal: true };
  },
};
