import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import type { Services } from '../../src/core/command.js';
import type { ChannelRef, Poster } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import { BriefingScheduler } from '../../src/schedule/briefings.js';
import { briefingQueueOf, memberOf, type Subscription, subscriptionKey } from '../../src/schedule/subscriptions.js';
import { RedisStore } from '../../src/store/redis.js';
import { FIXTURE_DIR } from '../support/fixture-pack.js';
import { sleep } from '../support/sleep.js';

/** The platform side of a fleet test: counts every post per channel, shared by all instances. */
export class CountingPoster implements Poster {
  readonly counts = new Map<string, number>();
  total = 0;
  async post(channel: ChannelRef, _reply: Reply): Promise<{ messageId: string }> {
    this.counts.set(channel.channelId, (this.counts.get(channel.channelId) ?? 0) + 1);
    this.total++;
    return { messageId: `m${this.total}` };
  }
  async edit(): Promise<void> {}

  duplicates(): string[] {
    return [...this.counts].filter(([, n]) => n > 1).map(([id]) => id);
  }
  missing(channelIds: string[]): string[] {
    return channelIds.filter((id) => !this.counts.has(id));
  }
}

/** Files `count` subscriptions due at `dueAt` (08:00 UTC daily), the way /briefing subscribe would. */
export async function subscribeMany(store: RedisStore, count: number, dueAt: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `chan${String(i).padStart(5, '0')}`);
  for (let i = 0; i < ids.length; i += 200) {
    await Promise.all(
      ids.slice(i, i + 200).map(async (channelId) => {
        const sub: Subscription = {
          platform: 'discord',
          channelId,
          serverId: 'g1',
          time: '08:00',
          timeZone: 'UTC',
          days: 'daily',
          createdBy: 'u1',
          createdAt: '2024-05-01T00:00:00Z',
        };
        await store.set(subscriptionKey(memberOf(sub)), sub);
        await store.schedule(briefingQueueOf(memberOf(sub)), memberOf(sub), dueAt);
      }),
    );
  }
  return ids;
}

export interface Instance {
  store: RedisStore;
  scheduler: BriefingScheduler;
}

/**
 * `n` instances, each with its own Redis client, sharing one poster. Their
 * clock runs at real speed from `startIso`, so pacing sleeps are real.
 */
export async function startFleet(
  n: number,
  options: {
    url: string;
    prefix: string;
    poster: Poster;
    startIso: string;
    perSecond: number;
    commandTimeoutMs?: number;
  },
): Promise<{ instances: Instance[]; pack: Pack }> {
  const pack = await loadPack(FIXTURE_DIR);
  const offset = Date.parse(options.startIso) - Date.now();
  const now = () => new Date(Date.now() + offset);
  const instances: Instance[] = [];
  for (let i = 0; i < n; i++) {
    const store = await RedisStore.open(options.url, {
      prefix: options.prefix,
      commandTimeoutMs: options.commandTimeoutMs,
    });
    const services: Services = { pack, store, poster: options.poster, now };
    const scheduler = new BriefingScheduler(services, {
      owner: `instance-${i}`,
      limits: { discordPerSecond: options.perSecond },
    });
    instances.push({ store, scheduler });
  }
  return { instances, pack };
}

/** Each instance ticks every `everyMs` (a fast stand-in for node-cron's minute) until `done()` or the deadline. */
export async function runTicks(
  instances: Instance[],
  done: () => boolean,
  options: { everyMs: number; deadlineMs: number },
): Promise<{ storeErrors: number }> {
  const deadline = Date.now() + options.deadlineMs;
  let storeErrors = 0;
  await Promise.all(
    instances.map(async ({ scheduler }) => {
      while (!done() && Date.now() < deadline) {
        storeErrors += (await scheduler.tick()).storeErrors;
        await sleep(options.everyMs);
      }
    }),
  );
  return { storeErrors };
}
