/**
 * One backend's share of bench/quiz-burst.ts, in a process of its own so
 * that its RSS and CPU are its own and no backend runs on a heap or JIT
 * another left behind. Usage: `quiz-burst-run.ts memory|sqlite|redis GAMES
 * [REDIS_URL]`; prints one JSON line of figures.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import type { Store } from '../src/core/store.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { playBurst } from '../test/resilience/burst.js';
import { TestClock } from '../test/support/clock.js';

/** Games of the untimed warm-up: enough to compile the quiz path, too few to weigh on the heap. */
const WARM_UP_GAMES = 100;

const [backend, gamesArg, redisUrl] = process.argv.slice(2);
const games = Number(gamesArg);

interface Opened {
  store: Store;
  clock: TestClock;
  /** Removes what the store left: its file, or its keys on a Redis others may share. */
  dispose(): Promise<void>;
}

async function open(): Promise<Opened> {
  if (backend === 'memory') {
    // The memory store follows the test clock; the others keep TTLs on the real one.
    const clock = new TestClock();
    return { store: new MemoryStore(() => clock.ms), clock, dispose: async () => undefined };
  }
  if (backend === 'sqlite') {
    // On the same disk as ./data would be (tmpdir here is not a RAM disk), so commits cost what they cost.
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-quiz-burst-'));
    const store = await SqliteStore.open(`sqlite://${path.join(dir, 'chronicle.sqlite')}`);
    return {
      store,
      clock: new TestClock(Date.now()),
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (backend === 'redis' && redisUrl) {
    const prefix = `bench:quiz-burst:${randomUUID().slice(0, 8)}:`;
    const store = await RedisStore.open(redisUrl, { prefix });
    return {
      store,
      clock: new TestClock(Date.now()),
      dispose: async () => {
        await store.close();
        const client = createClient({ url: redisUrl });
        await client.connect();
        for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 }))
          if (batch.length > 0) await client.unlink(batch);
        await client.quit();
      },
    };
  }
  throw new Error(`unknown backend "${backend}" (memory, sqlite, or redis with a URL)`);
}

/** Plays on a fresh store, and removes what it left even when the burst failed. */
async function played<T>(play: (opened: Opened) => Promise<T>): Promise<T> {
  const opened = await open();
  try {
    return await play(opened);
  } finally {
    await opened.dispose();
  }
}

await played((warm) => playBurst(warm.store, warm.clock, WARM_UP_GAMES));
const { figures, used } = await played(async (timed) => {
  const cpu = process.cpuUsage();
  const figures = await playBurst(timed.store, timed.clock, games);
  return { figures, used: process.cpuUsage(cpu) };
});

console.log(
  JSON.stringify({
    backend,
    ...figures,
    cpuMs: Math.round((used.user + used.system) / 1000),
    // The process's high-water mark, warm-up included: what a host must have free.
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
