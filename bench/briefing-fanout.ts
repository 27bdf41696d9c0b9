/**
 * Issue target: 2,000 briefings due at once, fanned out by three instances
 * sharing one Redis, against a fake Discord API that allows 50 requests/s
 * (a strict sliding one-second window; more gets 429). Floor: 2,000 requests
 * at exactly 50/s take (2,000 − 1) / 50 ≈ 40 s. Target: ≤ 1.15× the floor,
 * 0 duplicates, 0 misses. Then RSS per instance with 10,000 subscriptions
 * (fanned out at a higher limit so the run stays short).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { RedisStore } from '../src/store/redis.js';
// The same subscriptions /briefing subscribe files, as the fleet test makes them.
import { subscribeMany } from '../test/schedule/fleet.js';
import { freePort } from '../test/support/free-port.js';

const INSTANCES = 3;
const DUE = Date.parse('2024-05-01T08:00:00Z');
const CLOCK_OFFSET = DUE + 30_000 - Date.now();

/** A Discord-like endpoint that counts posts per channel and answers 429 above `perSecond`. */
function fakeApi(perSecond: number) {
  const accepted: number[] = [];
  const counts = new Map<string, number>();
  let limited = 0;
  let next = 1;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const m = /^\/api\/channels\/([^/]+)\/messages$/.exec(req.url ?? '');
      const now = performance.now();
      while (accepted.length > 0 && (accepted[0] as number) <= now - 1000) accepted.shift();
      res.setHeader('content-type', 'application/json');
      if (!m || req.method !== 'POST' || !body) {
        res.writeHead(404).end(JSON.stringify({ message: 'Unknown', code: 0 }));
        return;
      }
      if (accepted.length >= perSecond) {
        limited++;
        const retryAfter = ((accepted[0] as number) + 1000 - now) / 1000;
        res
          .writeHead(429)
          .end(JSON.stringify({ message: 'You are being rate limited.', retry_after: retryAfter, global: true }));
        return;
      }
      accepted.push(now);
      stamps.push(now);
      const channel = m[1] as string;
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
      res.writeHead(200).end(JSON.stringify({ id: String(next++), channel_id: channel }));
    });
  });
  const stamps: number[] = [];
  return { server, counts, stamps, limited: () => limited };
}

interface Done {
  sent: number;
  storeErrors: number;
  peakRss: number;
  idleRss: number;
}

async function run(redisUrl: string, subscriptions: number, perSecond: number) {
  const api = fakeApi(perSecond);
  const apiPort = await freePort();
  await new Promise<void>((resolve) => api.server.listen(apiPort, '127.0.0.1', resolve));
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const seeder = await RedisStore.open(redisUrl, { prefix });
  const ids = await subscribeMany(seeder, subscriptions, DUE);
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const child = fork(path.resolve(import.meta.dirname, 'briefing-instance.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        REDIS_URL: redisUrl,
        PREFIX: prefix,
        API_URL: `http://127.0.0.1:${apiPort}/api`,
        PER_SECOND: String(perSecond),
        CLOCK_OFFSET: String(CLOCK_OFFSET),
        INSTANCE: String(i),
        LOG_LEVEL: 'silent',
      },
    });
    children.push(child);
    ready.push(new Promise((resolve) => child.once('message', () => resolve())));
  }
  await Promise.all(ready);
  const start = performance.now();
  const done = children.map(
    (child) =>
      new Promise<Done>((resolve) => {
        child.on('message', (m: { type: string } & Done) => {
          if (m.type === 'done') resolve(m);
        });
      }),
  );
  for (const child of children) child.send({ type: 'go' });
  const results = await Promise.all(done);
  const elapsed = (Math.max(...api.stamps) - start) / 1000;
  for (const child of children) child.send({ type: 'exit' });
  await seeder.close();
  api.server.close();
  const duplicates = [...api.counts.values()].filter((n) => n > 1).length;
  const missing = ids.filter((id) => !api.counts.has(id)).length;
  return { elapsed, results, duplicates, missing, limited: api.limited(), posts: api.stamps.length };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const redisPort = await freePort();
const redis = spawn(
  'redis-server',
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  {
    stdio: 'ignore',
  },
);
await new Promise((resolve) => setTimeout(resolve, 300));
const redisUrl = `redis://127.0.0.1:${redisPort}`;
try {
  const fan = await run(redisUrl, Number(process.env.BENCH_SUBS ?? 2_000), 50);
  const floor = (fan.posts - 1) / 50;
  console.log(
    `fan-out: ${fan.posts} posts by ${INSTANCES} instances in ${fan.elapsed.toFixed(2)} s; floor ${floor.toFixed(2)} s; ratio ${(fan.elapsed / floor).toFixed(3)}×; duplicates ${fan.duplicates}; missing ${fan.missing}; 429s ${fan.limited}`,
  );
  console.log(`  per instance: ${fan.results.map((r) => `${r.sent} sent`).join(', ')}`);
  const big = await run(redisUrl, Number(process.env.BENCH_RSS_SUBS ?? 10_000), 1_000);
  console.log(
    `10,000 subscriptions (at 1,000/s): ${big.posts} posts in ${big.elapsed.toFixed(2)} s; duplicates ${big.duplicates}; missing ${big.missing}; 429s ${big.limited}`,
  );
  console.log(
    `  RSS per instance: idle ${big.results.map((r) => mb(r.idleRss)).join(', ')}; peak during fan-out ${big.results.map((r) => mb(r.peakRss)).join(', ')}`,
  );
  if (fan.duplicates || fan.missing || big.duplicates || big.missing) process.exitCode = 1;
} finally {
  redis.kill('SIGTERM');
}
