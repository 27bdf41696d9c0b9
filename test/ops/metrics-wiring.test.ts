import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createDiscordAdapter } from '../../src/adapters/discord/client.js';
import { reportDiscordConnection } from '../../src/adapters/discord/connection.js';
import { parseConfig } from '../../src/config.js';
import { PostError } from '../../src/core/poster.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { silentLogger } from '../../src/log.js';
import { PlatformRegistry } from '../../src/ops/health.js';
import { createOpsHandler, type OpsServer, startOpsServer } from '../../src/ops/http.js';
import { Lifecycle } from '../../src/ops/lifecycle.js';
import { Metrics } from '../../src/ops/metrics.js';
import { meterServices } from '../../src/ops/wiring.js';
import { BriefingScheduler } from '../../src/schedule/briefings.js';
import { MemoryStore } from '../../src/store/memory.js';
import { FAKE_APPLICATION_ID, FAKE_TOKEN, FakeDiscord } from '../fakes/discord/server.js';
import { TestClock } from '../support/clock.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** /healthz and /metrics over HTTP, for the given metrics and registry. */
async function serve(metrics: Metrics, platforms = new PlatformRegistry()) {
  const handler = createOpsHandler({ store: new MemoryStore(), platforms, metrics, log: silentLogger });
  const server: OpsServer = await startOpsServer({ port: 0, host: '127.0.0.1', handler, log: silentLogger });
  cleanups.push(() => server.close());
  const base = `http://127.0.0.1:${server.port}`;
  return {
    metrics: async () => (await fetch(`${base}/metrics`)).text(),
    health: async () => (await fetch(`${base}/healthz`)).json() as Promise<{ platforms: Record<string, string> }>,
  };
}

describe('/metrics, wired to the engine and the scheduler as main.ts wires them', () => {
  it('counts a quiz game as active from its start until its final standings', async () => {
    const h = await harness({ pack: richPack() });
    const metrics = new Metrics({ defaults: false });
    meterServices(h, metrics);
    const ops = await serve(metrics);
    expect(await ops.metrics()).toContain('chronicle_active_quiz_games 0');

    await h.run('/quiz start rounds:2 seconds:20');
    await h.run('/quiz start rounds:1 seconds:20', { channelId: 'c2' });
    expect(await ops.metrics()).toContain('chronicle_active_quiz_games 2');

    // Round 1 of both closes; the two-round game goes on, the one-round game ends.
    h.clock.advance(20_001);
    await closeDueQuizRounds(h);
    expect(await ops.metrics()).toContain('chronicle_active_quiz_games 1');
    h.clock.advance(20_001);
    await closeDueQuizRounds(h);
    expect(h.poster.posts.filter((p) => p.reply.title?.startsWith('Quiz over'))).toHaveLength(2);
    expect(await ops.metrics()).toContain('chronicle_active_quiz_games 0');
  });

  it('counts briefings sent and failed by platform', async () => {
    const h = await harness({ clock: new TestClock(Date.parse('2024-05-01T07:59:00Z')) });
    await h.run('/briefing subscribe time:08:00', { canManage: true, channelId: 'ok' });
    await h.run('/briefing subscribe time:08:00', { canManage: true, channelId: 'gone' });
    const post = h.poster.post.bind(h.poster);
    h.poster.post = async (channel, reply) => {
      if (channel.channelId === 'gone') throw new PostError('Missing Access', '50001', true);
      return post(channel, reply);
    };
    const metrics = new Metrics({ defaults: false });
    const scheduler = new BriefingScheduler(h, meterServices(h, metrics));
    const ops = await serve(metrics);
    h.clock.advance(60_000);
    await scheduler.tick();
    const text = await ops.metrics();
    expect(text).toContain('chronicle_briefings_total{platform="discord",result="sent"} 1');
    expect(text).toContain('chronicle_briefings_total{platform="discord",result="failed"} 1');
    expect(text).toContain('chronicle_briefings_total{platform="slack",result="sent"} 0');
  });

  it('shows Discord connected on /healthz once the gateway is ready, and not after it drops', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const config = parseConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    const store = new MemoryStore();
    const adapter = createDiscordAdapter(config, store, silentLogger, { commands, lifecycle: new Lifecycle() });
    cleanups.push(() => adapter.stop());
    const platforms = new PlatformRegistry();
    const ops = await serve(new Metrics({ defaults: false }), platforms);
    reportDiscordConnection(adapter.client, platforms);
    expect((await ops.health()).platforms).toEqual({ discord: 'connecting' });
    await adapter.start({ pack: richPack(), store, now: () => new Date(), poster: adapter.poster });
    expect((await ops.health()).platforms).toEqual({ discord: 'connected' });

    await fake.close();
    await expect.poll(async () => (await ops.health()).platforms.discord, { timeout: 5_000 }).not.toBe('connected');
  });
});
