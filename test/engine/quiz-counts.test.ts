import { afterAll, describe, expect, it } from 'vitest';
import { type ChannelRef, PostError } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import type { Store } from '../../src/core/store.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { COUNT_EDIT_LEASE_MS, showDueCounts } from '../../src/engine/quiz/live-count.js';
import { countQueue, type GameState, keys } from '../../src/engine/quiz/state.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import { redisUrlOrFail, uniquePrefix } from '../support/backends.js';
import { clickBurst } from '../support/click-burst.js';
import { TestClock } from '../support/clock.js';
import { type Harness, harness, RecordingPoster } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';
import { sleep } from '../support/sleep.js';

const pack = richPack();
const channel = { platform: 'discord', channelId: 'c1' } as const;

/** The platform: every edit of every instance, with the (test) time it was made. */
class TimedPoster extends RecordingPoster {
  readonly editedAt: number[] = [];
  constructor(private readonly clock: TestClock) {
    super();
  }
  override async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    this.editedAt.push(this.clock.ms);
    await super.edit(channel, messageId, reply);
  }
}

/** The counts the round message showed, edit by edit. */
function countsShown(poster: RecordingPoster): number[] {
  return poster.edits.map((e) => Number(/(\d+) answers? so far/.exec(e.reply.footer ?? '')?.[1]));
}

async function game(h: Harness): Promise<GameState> {
  const g = await h.store.get<GameState>(keys.game(channel));
  if (!g) throw new Error('no game running');
  return g;
}

/** The first option's button on the question posted last. */
function firstOption(h: Harness): string {
  const question = [...h.poster.posts].reverse().find((p) => p.reply.choices?.length);
  return question?.reply.choices?.[0]?.action as string;
}

/** `players` click the first option in turns across `instances` (test/support/click-burst.ts). */
async function burst(instances: Harness[], players: number, spanMs: number, tickOffsetMs = 0): Promise<void> {
  const action = firstOption(instances[0] as Harness);
  await clickBurst({
    clock: (instances[0] as Harness).clock,
    players,
    spanMs,
    tickOffsetMs,
    ticks: instances.map((h) => () => showDueCounts(h)),
    click: async (i) => {
      const by = instances[i % instances.length] as Harness;
      expect((await by.click(action, { userId: `p${i}`, userName: `Player ${i}` })).text).toMatch(/^Locked in/);
    },
  });
}

/** A quiz started at a whole second, then 400 ms on: the clicks begin between two ticks. */
async function startedRound(h: Harness): Promise<void> {
  h.clock.ms = Math.ceil(h.clock.ms / 1000) * 1000;
  await h.run('/quiz start rounds:2 seconds:30');
  h.clock.advance(400);
}

describe('the live answer count on a quiz question', () => {
  it('shows 100 clicks in 2 s in at most 3 edits, the last showing 100', async () => {
    const clock = new TestClock();
    const h = await harness({ pack, clock, poster: new TimedPoster(clock) });
    await startedRound(h);
    await burst([h], 100, 2_000);
    const counts = countsShown(h.poster);
    expect(counts.length).toBeLessThanOrEqual(3);
    expect(counts.at(-1)).toBe(100);
    // Always the latest count, so it only grows.
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(h.poster.edits.map((e) => e.messageId))).toEqual(new Set([(await game(h)).messageId]));
  });

  it('spaces the edits by QUIZ_COUNT_EVERY_MS when it is longer than a second', async () => {
    const clock = new TestClock();
    const poster = new TimedPoster(clock);
    const h = await harness({ pack, clock, poster, quizCountEveryMs: 5_000 });
    await startedRound(h);
    await burst([h], 100, 2_000);
    clock.advance(5_000);
    await showDueCounts(h);
    expect(countsShown(poster).at(-1)).toBe(100);
    const windows = poster.editedAt.map((ms) => Math.floor(ms / 5_000));
    expect(new Set(windows).size).toBe(windows.length);
  });

  const redisUrl = redisUrlOrFail();
  const opened: Store[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });
  const shared: [string, (clock: TestClock) => Promise<[Store, Store]>][] = [
    [
      'one in-memory Store',
      async (clock) => {
        const store = new MemoryStore(() => clock.ms);
        return [store, store];
      },
    ],
  ];
  if (redisUrl) {
    shared.push([
      'Redis, each instance with its own connection',
      async () => {
        const prefix = uniquePrefix('quiz-counts');
        const pair = [await RedisStore.open(redisUrl, { prefix }), await RedisStore.open(redisUrl, { prefix })] as [
          Store,
          Store,
        ];
        opened.push(...pair);
        return pair;
      },
    ]);
  }

  const cases = shared.flatMap(([name, open]) => [
    [name, 'tick together', 0, open] as const,
    [name, 'tick 300 ms apart', 300, open] as const,
  ]);
  it.each(cases)(
    'keeps one schedule for two instances sharing %s that %s: at most one edit a second',
    async (_n, _t, offset, open) => {
      const clock = new TestClock();
      const poster = new TimedPoster(clock);
      const [storeA, storeB] = await open(clock);
      const a = await harness({ pack, clock, poster, store: storeA });
      const b = await harness({ pack, clock, poster, store: storeB });
      await startedRound(a);
      await burst([a, b], 100, 2_000, offset);
      const counts = countsShown(poster);
      expect(counts.length).toBeLessThanOrEqual(3);
      expect(counts.at(-1)).toBe(100);
      const seconds = poster.editedAt.map((ms) => Math.floor(ms / 1000));
      expect(new Set(seconds).size).toBe(seconds.length);
      // Every pending count was taken: nothing is left for a later tick to edit.
      expect(await storeA.due(countQueue('discord'), clock.ms, 10)).toEqual([]);
    },
  );

  it('drops a count still pending when the round is revealed: nothing edits the question after it', async () => {
    const h = await harness({ pack });
    await startedRound(h);
    await h.click(firstOption(h));
    h.clock.advance(30_000);
    expect(await closeDueQuizRounds(h)).toBe(1);
    expect(await showDueCounts(h)).toBe(0);
    expect(h.poster.edits).toEqual([]);
    expect(await h.store.due(countQueue('discord'), h.clock.ms, 10)).toEqual([]);
  });

  it('edits nothing once a closer has claimed the round, even before the reveal is posted', async () => {
    const h = await harness({ pack });
    await startedRound(h);
    await h.click(firstOption(h));
    const { id, round } = await game(h);
    // Another instance is closing the round: it holds the claim and is about to post the reveal.
    await h.store.claim(keys.close(id, round), 60_000);
    h.clock.advance(1_000);
    expect(await showDueCounts(h)).toBe(0);
    expect(h.poster.edits).toEqual([]);
  });

  it.each([
    ['the deadline closes the round', (h: Harness) => closeDueQuizRounds(h)],
    ['the starter stops the quiz', (h: Harness) => h.run('/quiz stop')],
  ])('holds the next post until a count edit on its way has landed when %s', async (_, close) => {
    const clock = new TestClock();
    const poster = new GatedPoster();
    const h = await harness({ pack, clock, poster });
    await startedRound(h);
    // A click late in the round, its count edit slow to land, the deadline passing meanwhile.
    clock.advance(29_000);
    await h.click(firstOption(h));
    clock.advance(600);
    const tick = showDueCounts(h);
    await poster.editStarted;
    clock.advance(500);
    const closing = close(h);
    await sleep(200);
    expect(poster.log).toEqual(['edit started']);
    poster.release();
    await Promise.all([tick, closing]);
    expect(poster.log.slice(0, 3)).toEqual(['edit started', 'edit landed', 'post']);
  });

  it('shows a count a crash left pending at the next tick of whichever instance is still running', async () => {
    const clock = new TestClock();
    const store = new MemoryStore(() => clock.ms);
    const crashed = await harness({ pack, clock, store });
    await startedRound(crashed);
    await crashed.click(firstOption(crashed));
    await crashed.click(firstOption(crashed), { userId: 'u2', userName: 'Babken' });
    // `crashed` never ticks again; its successor (or a sibling) shares the Store.
    const survivor = await harness({ pack, clock, store });
    clock.advance(1_000);
    expect(await showDueCounts(survivor)).toBe(1);
    expect(countsShown(survivor.poster)).toEqual([2]);
  });

  it('reveals a round whose count editor crashed mid-edit once its lease lapses', async () => {
    const h = await harness({ pack });
    await startedRound(h);
    const { id, round } = await game(h);
    // An editor took the lease and died before the edit came back.
    await h.store.claim(keys.countEdit(id, round), COUNT_EDIT_LEASE_MS);
    h.clock.advance(30_000);
    expect(await closeDueQuizRounds(h)).toBe(1);
    expect(h.poster.posts.map((p) => p.reply.title)).toContainEqual(expect.stringMatching(/^Answer to question 1/));
  });

  it('tries a rate-limited count edit again at a later tick, and gives up on a deleted message', async () => {
    const clock = new TestClock();
    const poster = new FailingPoster();
    const h = await harness({ pack, clock, poster });
    await startedRound(h);
    await h.click(firstOption(h));
    poster.failures.push(new PostError('Discord rate limit', '429', false, 1_500));
    clock.advance(1_000);
    expect(await showDueCounts(h)).toBe(0);
    clock.advance(1_000);
    expect(await showDueCounts(h)).toBe(0); // Retry-After not over yet
    clock.advance(1_000);
    expect(await showDueCounts(h)).toBe(1);
    expect(countsShown(poster)).toEqual([1]);

    await h.click(firstOption(h), { userId: 'u2', userName: 'Babken' });
    poster.failures.push(new PostError('Discord refused: Unknown Message', '10008', true));
    clock.advance(1_000);
    expect(await showDueCounts(h)).toBe(0);
    expect(await h.store.due(countQueue('discord'), clock.ms + 60_000, 10)).toEqual([]);
  });
});

/** A platform whose edits take until the test releases them; it logs what reached it, in order. */
class GatedPoster extends RecordingPoster {
  readonly log: string[] = [];
  release: () => void = () => undefined;
  private started: () => void = () => undefined;
  readonly editStarted = new Promise<void>((resolve) => {
    this.started = resolve;
  });
  override async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    if (this.posts.length > 0) this.log.push('post');
    return super.post(channel, reply);
  }
  override async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    this.log.push('edit started');
    const released = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    this.started();
    await released;
    await super.edit(channel, messageId, reply);
    this.log.push('edit landed');
  }
}

/** A platform that refuses the next edits with the errors queued in `failures`. */
class FailingPoster extends RecordingPoster {
  readonly failures: Error[] = [];
  override async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    await super.edit(channel, messageId, reply);
  }
}
