import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Services } from '../../src/core/command.js';
import { parseCommandLine } from '../../src/core/command-line.js';
import { dispatch, dispatchChoice, resolveLine } from '../../src/core/dispatch.js';
import type { ChannelRef } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import type { Store } from '../../src/core/store.js';
import { silentLogger } from '../../src/log.js';
import { startQuizClock } from '../../src/schedule/quiz-clock.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import { redisUrlOrFail, uniquePrefix } from '../support/backends.js';
import { caller, RecordingPoster } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';
import { sleep } from '../support/sleep.js';

/**
 * The quiz clock itself, on real time with node-cron: the engine tests move
 * a test clock and call its jobs by hand; these check that it runs them.
 */

const pack = richPack();

/** The platform: what every instance edited, and when (real time). */
class TimedPoster extends RecordingPoster {
  readonly editedAt: number[] = [];
  /** While set, edits hang until it resolves: a platform slow to answer. */
  stall?: Promise<void>;
  override async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    this.editedAt.push(Date.now());
    await this.stall;
    await super.edit(channel, messageId, reply);
  }
}

function instance(store: Store, poster: TimedPoster): Services {
  return { pack, store, poster, now: () => new Date(), log: silentLogger };
}

function run(services: Services, line: string, channelId: string): Promise<Reply> {
  return dispatch(commands, resolveLine(commands, parseCommandLine(line)), {
    ...services,
    caller: caller({ channelId }),
  });
}

function firstOption(poster: TimedPoster, channelId: string): string {
  const question = poster.posts.filter((p) => p.channel.channelId === channelId && p.reply.choices?.length).at(-1);
  return question?.reply.choices?.[0]?.action as string;
}

const countOf = (reply?: Reply) => Number(/(\d+) answers? so far/.exec(reply?.footer ?? '')?.[1]);

const redisUrl = redisUrlOrFail();
const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function sharedStores(): Promise<[Store, Store]> {
  if (!redisUrl) {
    const store = new MemoryStore();
    return [store, store];
  }
  const prefix = uniquePrefix('quiz-clock');
  const pair = [await RedisStore.open(redisUrl, { prefix }), await RedisStore.open(redisUrl, { prefix })] as [
    Store,
    Store,
  ];
  opened.push(...pair);
  return pair;
}

describe('the quiz clock, running', () => {
  it(`shows the answer counts on two instances sharing ${redisUrl ? 'Redis' : 'one Store'}, one edit a second at most`, async () => {
    const poster = new TimedPoster();
    const [storeA, storeB] = await sharedStores();
    const a = instance(storeA, poster);
    const b = instance(storeB, poster);
    await run(a, '/quiz start rounds:1 seconds:30', 'busy');
    const action = firstOption(poster, 'busy');
    const clocks = [startQuizClock(a, silentLogger), startQuizClock(b, silentLogger)];
    try {
      for (let i = 0; i < 40; i++) {
        const by = i % 2 === 0 ? a : b;
        await dispatchChoice(commands, action, { ...by, caller: caller({ channelId: 'busy', userId: `p${i}` }) });
        await sleep(40);
      }
      // The last count is shown at the next tick, within a second.
      const until = Date.now() + 3_000;
      while (countOf(poster.edits.at(-1)?.reply) !== 40 && Date.now() < until) await sleep(50);
    } finally {
      await Promise.all(clocks.map((c) => c.stop()));
    }
    expect(countOf(poster.edits.at(-1)?.reply)).toBe(40);
    // About 1.6 s of clicks and the tick after: a handful of edits, not forty.
    expect(poster.edits.length).toBeLessThanOrEqual(4);
    // Ticks start each whole second; an edit is made early in its tick, so two in one second would be two in one window.
    const seconds = poster.editedAt.map((ms) => Math.floor(ms / 1000));
    expect(new Set(seconds).size).toBe(seconds.length);
  });

  it('reveals other rounds on time while one round’s count edit hangs on a slow platform, and that one after it lands', async () => {
    const poster = new TimedPoster();
    const store = new MemoryStore();
    let ahead = 0;
    const services: Services = { ...instance(store, poster), now: () => new Date(Date.now() + ahead) };
    // The slow channel's round ends first, so a closer going one round at a time would meet it first.
    await run(services, '/quiz start rounds:2 seconds:10', 'slow');
    await run(services, '/quiz start rounds:2 seconds:10', 'other');
    await dispatchChoice(commands, firstOption(poster, 'slow'), { ...services, caller: caller({ channelId: 'slow' }) });
    let land: () => void = () => undefined;
    poster.stall = new Promise<void>((resolve) => {
      land = resolve;
    });
    const clock = startQuizClock(services, silentLogger);
    const revealed = (channelId: string) =>
      poster.posts.some((p) => p.channel.channelId === channelId && p.reply.title?.startsWith('Answer'));
    const waitFor = async (done: () => boolean) => {
      const until = Date.now() + 3_000;
      while (!done() && Date.now() < until) await sleep(25);
    };
    try {
      await waitFor(() => poster.editedAt.length === 1);
      expect(poster.editedAt).toHaveLength(1); // the count edit is on its way, and stays there
      ahead = 11_000; // both deadlines pass
      await waitFor(() => revealed('other'));
      expect(revealed('other')).toBe(true);
      expect(revealed('slow')).toBe(false);
      land();
      await waitFor(() => revealed('slow'));
      expect(revealed('slow')).toBe(true);
      expect(poster.edits.map((e) => countOf(e.reply))).toEqual([1]);
    } finally {
      land();
      await clock.stop();
    }
  });
});
