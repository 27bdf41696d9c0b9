import { type CommandContext, defineCommand, onChoice } from '../src/core/command.js';
import { packMemo } from '../src/core/pack-memo.js';
import { parsePeriod } from '../src/core/parse/period.js';
import { resolveTopic } from '../src/core/parse/topic.js';
import type { Reply } from '../src/core/reply.js';
import { timeline, timelinePage } from '../src/engine/timeline.js';
import { packMentionsWord } from '../src/engine/topics.js';
import { timelineStripFor } from '../src/pictures/timeline.js';

/** Pages already built, picture included: the same page asked again costs a lookup. */
const pages = packMemo<Reply>(500);

/** Each page as a page turn (replacing the message clicked): one object per page, so adapters can reuse its rendering. */
const turns = new WeakMap<Reply, Reply>();
function asTurn(page: Reply): Reply {
  let turn = turns.get(page);
  if (!turn) {
    turn = { ...page, replaceOriginal: true };
    turns.set(page, turn);
  }
  return turn;
}

function run(when: string, topicText: string | undefined, page: number, ctx: CommandContext): Reply {
  const period = parsePeriod(when);
  const topic = topicText ? resolveTopic(ctx.pack, topicText, (w) => packMentionsWord(ctx.pack, w)) : undefined;
  const topicKey = topic?.kind === 'entity' ? topic.entity.item.id : topic?.word;
  return pages(ctx.pack, `${period.text}|${topic?.kind ?? ''}:${topicKey ?? ''}|${page}`, () => ({
    ...timeline(ctx.pack, { period, topic, topicKey, page }),
    image: timelineStripFor(ctx.pack, period, topic),
  }));
}

export default defineCommand({
  name: 'timeline',
  description: 'Events of a period, oldest first, optionally about one place, actor, thing or word',
  order: 10,
  options: [
    {
      name: 'when',
      description: 'YYYY, YYYY-MM, YYYY-MM-DD or a range A..B',
      type: 'string',
      required: true,
      example: 'YYYY-MM',
      sample: 'month',
    },
    {
      name: 'topic',
      description: 'A place, actor, thing or word; any spelling the pack knows works',
      type: 'string',
      autocomplete: 'topic',
      sample: 'topic',
    },
  ],
  help: 'Long periods come a page at a time with Previous/Next buttons. An empty period names the nearest events before and after it.',
  async run(args, ctx) {
    return run(args.when, args.topic, 1, ctx);
  },
  actions: [onChoice(timelinePage, ({ page, when, topic }, ctx) => asTurn(run(when, topic, page, ctx)))],
});
