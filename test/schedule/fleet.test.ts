import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { redisUrlOrFail, uniquePrefix } from '../support/backends.js';
import { sleep } from '../support/sleep.js';
import { OwnRedis } from '../support/spawn-redis.js';
import { CountingPoster, type Instance, runTicks, startFleet, subscribeMany } from './fleet.js';

const url = redisUrlOrFail();
const DUE = Date.parse('2024-05-01T08:00:00Z');
const START = '2024-05-01T08:00:20Z';

describe.skipIf(!url)('three instances on one Redis', () => {
  const opened: Instance[] = [];
  afterAll(async () => {
    for (const i of opened) await i.store.close();
  });

  it('posts each of 500 briefings due in the same minute exactly once', async () => {
    const poster = new CountingPoster();
    const { instances } = await startFleet(3, {
      url: url as string,
      prefix: uniquePrefix('fleet'),
      poster,
      startIso: START,
      perSecond: 1000,
    });
    opened.push(...instances);
    const ids = await subscribeMany(instances[0]!.store, 500, DUE);
    await runTicks(instances, () => poster.total >= 500, { everyMs: 100, deadlineMs: 20_000 });
    // A few more ticks after the last post: nothing may go out twice.
    await runTicks(instances, () => false, { everyMs: 50, deadlineMs: 500 });
    expect(poster.missing(ids)).toEqual([]);
    expect(poster.duplicates()).toEqual([]);
    expect(poster.total).toBe(500);
    const shares = await Promise.all(instances.map((i) => i.store.due('briefings', DUE + 3_600_000, 1000)));
    expect(shares.every((due) => due.length === 0)).toBe(true);
  });
});

const canSpawn = url !== undefined && spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!canSpawn)('three instances when Redis is killed and restarted mid-run', () => {
  let redis: OwnRedis | undefined;
  const opened: Instance[] = [];
  afterAll(async () => {
    for (const i of opened) await i.store.close();
    await redis?.stop();
  });

  it('still posts each of 500 briefings exactly once', async () => {
    redis = await OwnRedis.start();
    const poster = new CountingPoster();
    const { instances } = await startFleet(3, {
      url: redis.url,
      prefix: uniquePrefix('fleet-kill'),
      poster,
      startIso: START,
      perSecond: 250,
      commandTimeoutMs: 500,
    });
    opened.push(...instances);
    const ids = await subscribeMany(instances[0]!.store, 500, DUE);
    const own = redis;
    let atRestart = 0;
    const chaos = (async () => {
      while (poster.total < 150) await sleep(5);
      await own.kill();
      await sleep(1_000);
      atRestart = poster.total;
      await own.restart();
    })();
    const started = Date.now();
    const run = await runTicks(instances, () => poster.total >= 500, { everyMs: 100, deadlineMs: 60_000 });
    await chaos;
    console.log(
      `killed-redis run: ${poster.total} posts in ${Date.now() - started} ms, ${atRestart} by the restart, ${run.storeErrors} store errors`,
    );
    await runTicks(instances, () => false, { everyMs: 100, deadlineMs: 1_000 });
    // The outage hit the middle of the fan-out: most briefings went out after Redis came back.
    expect(atRestart).toBeLessThan(400);
    expect(poster.duplicates()).toEqual([]);
    expect(poster.missing(ids)).toEqual([]);
    expect(poster.total).toBe(500);
  }, 90_000);
});
