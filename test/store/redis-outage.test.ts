import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/store/errors.js';
import { RedisStore } from '../../src/store/redis.js';
import { redisUrlOrFail, uniquePrefix } from '../support/backends.js';
import { sleep } from '../support/sleep.js';
import { OwnRedis } from '../support/spawn-redis.js';

const haveRedis = redisUrlOrFail() !== undefined && spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!haveRedis)('RedisStore when Redis dies', () => {
  let redis: OwnRedis;
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown) => unhandled.push(error);

  beforeAll(async () => {
    redis = await OwnRedis.start();
    process.on('uncaughtException', onUnhandled);
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUnhandled);
    process.off('unhandledRejection', onUnhandled);
    await redis.stop();
  });

  it('rejects every operation with StoreUnavailableError, then works again after a restart, keeping claims', async () => {
    const store = await RedisStore.open(redis.url, { prefix: uniquePrefix('outage'), commandTimeoutMs: 500 });
    expect(await store.claim('brief:slack:C1:2024-05-01', 86_400_000, { state: 'claimed' })).toBe(true);

    await redis.kill();
    const failures = await Promise.allSettled([
      store.get('x'),
      store.set('x', 1),
      store.claim('y', 1000),
      store.append('l', 1),
      store.due('q', Date.now(), 10),
      store.schedule('q', 'm', 1),
      store.reserve('p', 20, Date.now()),
    ]);
    for (const result of failures) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    }
    expect(await store.ping()).toBe(false);

    await redis.restart();
    for (let attempt = 0; attempt < 100 && !(await store.ping()); attempt++) {
      await sleep(50);
    }
    expect(await store.ping()).toBe(true);
    // The claim taken before the crash was acknowledged, so it is still held.
    expect(await store.claim('brief:slack:C1:2024-05-01', 86_400_000)).toBe(false);
    await store.set('x', 2);
    expect(await store.get('x')).toBe(2);
    await store.close();
    expect(unhandled).toEqual([]);
  });

  it('refuses to start with a clear message when Redis is not there', async () => {
    await expect(RedisStore.open('redis://127.0.0.1:1', { connectTimeoutMs: 300 })).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1.*Start redis-server/,
    );
  });
});
