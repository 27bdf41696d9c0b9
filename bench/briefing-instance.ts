/**
 * One Chronicle instance for bench/briefing-fanout.ts: its own Redis client,
 * the real BriefingScheduler, and a Poster that calls the fake platform API
 * over HTTP the way an adapter would (429 → PostError with retryAfterMs).
 */
import path from 'node:path';
import { loadPack } from '../src/content/load.js';
import type { Services } from '../src/core/command.js';
import { type ChannelRef, PostError, type Poster } from '../src/core/poster.js';
import type { Reply } from '../src/core/reply.js';
import { BriefingScheduler } from '../src/schedule/briefings.js';
import { RedisStore } from '../src/store/redis.js';

const env = process.env;
const api = env.API_URL as string;

class HttpPoster implements Poster {
  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    const res = await fetch(`${api}/channels/${channel.channelId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: reply.text.slice(0, 2000) }),
    });
    const body = (await res.json()) as { id?: string; retry_after?: number; code?: number; message?: string };
    if (res.status === 429)
      throw new PostError('rate limited', '429', false, Math.ceil((body.retry_after ?? 1) * 1000));
    if (!res.ok)
      throw new PostError(
        body.message ?? res.statusText,
        String(body.code ?? res.status),
        res.status === 403 || res.status === 404,
      );
    return { messageId: body.id as string };
  }
  async edit(): Promise<void> {}
}

const pack = await loadPack(path.resolve(import.meta.dirname, '../test/fixtures/pack'));
const store = await RedisStore.open(env.REDIS_URL as string, { prefix: env.PREFIX });
const now = () => new Date(Date.now() + Number(env.CLOCK_OFFSET ?? 0));
const services: Services = { pack, store, poster: new HttpPoster(), now };
const scheduler = new BriefingScheduler(services, {
  owner: `bench-${env.INSTANCE}`,
  limits: { discordPerSecond: Number(env.PER_SECOND ?? 50) },
  concurrency: 16,
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const idleRss = process.memoryUsage().rss;
process.send?.({ type: 'ready', idleRss });

process.on('message', async (message: { type: string }) => {
  if (message.type === 'go') {
    let sent = 0;
    let storeErrors = 0;
    while (true) {
      const report = await scheduler.tick();
      sent += report.sent;
      storeErrors += report.storeErrors;
      if (report.due === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    process.send?.({ type: 'done', sent, storeErrors, peakRss: Math.max(peakRss, process.memoryUsage().rss), idleRss });
  }
  if (message.type === 'exit') {
    clearInterval(sampler);
    await store.close();
    process.exit(0);
  }
});
