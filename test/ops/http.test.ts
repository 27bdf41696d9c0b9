import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { UserError } from '../../src/core/errors.js';
import type { Store } from '../../src/core/store.js';
import { silentLogger } from '../../src/log.js';
import { PlatformRegistry } from '../../src/ops/health.js';
import { createOpsHandler, type OpsServer, startOpsServer } from '../../src/ops/http.js';
import { withInteraction } from '../../src/ops/interaction.js';
import { Lifecycle } from '../../src/ops/lifecycle.js';
import { Metrics } from '../../src/ops/metrics.js';
import { startOps } from '../../src/ops/start.js';
import { pictureHostFor } from '../../src/pictures/hosting.js';
import { MemoryStore } from '../../src/store/memory.js';

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(
  deps: { store?: Store; platforms?: PlatformRegistry; metrics?: Metrics; lifecycle?: Lifecycle } = {},
) {
  const metrics = deps.metrics ?? new Metrics({ defaults: false });
  const handler = createOpsHandler({
    store: deps.store ?? new MemoryStore(),
    platforms: deps.platforms ?? new PlatformRegistry(),
    metrics,
    lifecycle: deps.lifecycle,
    log: silentLogger,
    storeTimeoutMs: 300,
  });
  const server = await startOpsServer({ port: 0, host: '127.0.0.1', handler, log: silentLogger });
  servers.push(server);
  return { base: `http://127.0.0.1:${server.port}`, metrics };
}

/** A Discord configuration whose ops server takes any free loopback port. */
function discordOnAnyPort(extra: Record<string, string> = {}) {
  return parseConfig({ PORT: '0', HOST: '127.0.0.1', DISCORD_TOKEN: 'a.b.c', DISCORD_APPLICATION_ID: '1', ...extra });
}

/** A store whose backend has gone away: ping says no. */
class DownStore extends MemoryStore {
  override async ping(): Promise<boolean> {
    return false;
  }
}

/** A store whose backend hangs: ping never answers. */
class HungStore extends MemoryStore {
  override ping(): Promise<boolean> {
    return new Promise(() => {});
  }
}

describe('/healthz', () => {
  it('is 200 with a JSON body when the store answers and every platform is connected', async () => {
    const platforms = new PlatformRegistry();
    platforms.report('discord', 'connected');
    platforms.report('slack', 'connected');
    const { base } = await serve({ platforms });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      status: 'ok',
      store: { reachable: true, latencyMs: expect.any(Number) },
      platforms: { discord: 'connected', slack: 'connected' },
    });
  });

  it('is 503 while a platform is disconnected, naming it', async () => {
    const platforms = new PlatformRegistry();
    platforms.report('discord', 'connected');
    platforms.report('slack', 'disconnected');
    const { base } = await serve({ platforms });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unhealthy', platforms: { slack: 'disconnected' } });
    platforms.report('slack', 'connected');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('is 503 when the store is unreachable', async () => {
    const { base } = await serve({ store: new DownStore() });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unhealthy', store: { reachable: false } });
  });

  it('answers 503 promptly when the store hangs instead of hanging with it', async () => {
    const { base } = await serve({ store: new HungStore() });
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ store: { reachable: false } });
  });

  it('says "stopping" with 503 once a shutdown has begun, so load balancers drain the instance', async () => {
    const lifecycle = new Lifecycle({ graceMs: 1_000 });
    const { base } = await serve({ lifecycle });
    await lifecycle.stop('test');
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'stopping' });
  });
});

describe('/metrics', () => {
  it('serves command counts and latency by command and platform in Prometheus text format', async () => {
    const { base, metrics } = await serve();
    const deps = { log: silentLogger, metrics, lifecycle: new Lifecycle() };
    await withInteraction(deps, { platform: 'discord', command: 'timeline' }, async () => 'ok');
    await withInteraction(deps, { platform: 'discord', command: 'timeline' }, async () => 'ok');
    await expect(
      withInteraction(deps, { platform: 'slack', command: 'quiz' }, async () => {
        throw new UserError('rounds must be 1 to 20');
      }),
    ).rejects.toThrow(UserError);
    await expect(
      withInteraction(deps, { platform: 'slack', command: 'quiz' }, async () => {
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain(
      'chronicle_commands_total{command="timeline",platform="discord",kind="command",outcome="ok"} 2',
    );
    expect(text).toContain(
      'chronicle_commands_total{command="quiz",platform="slack",kind="command",outcome="user_error"} 1',
    );
    expect(text).toContain(
      'chronicle_commands_total{command="quiz",platform="slack",kind="command",outcome="error"} 1',
    );
    expect(text).toContain('chronicle_command_duration_seconds_count{command="timeline",platform="discord"} 2');
    expect(text).toMatch(/chronicle_command_duration_seconds_bucket\{le="3",command="timeline",platform="discord"\} 2/);
  });

  it('serves active quiz games and briefings sent and failed', async () => {
    const { base, metrics } = await serve();
    let running = 2;
    metrics.countActiveQuizGamesWith(async () => running);
    metrics.briefingSent('slack');
    metrics.briefingSent('slack');
    metrics.briefingFailed('discord');
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('chronicle_active_quiz_games 2');
    expect(text).toContain('chronicle_briefings_total{platform="slack",result="sent"} 2');
    expect(text).toContain('chronicle_briefings_total{platform="discord",result="failed"} 1');
    expect(text).toContain('chronicle_briefings_total{platform="discord",result="sent"} 0');
    running = 1;
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('chronicle_active_quiz_games 1');
  });

  it('includes the process metrics (memory, event loop) a dashboard expects', async () => {
    const { base } = await serve({ metrics: new Metrics() });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('chronicle_process_resident_memory_bytes');
    expect(text).toContain('chronicle_nodejs_eventloop_lag_seconds');
  });
});

describe('the ops server', () => {
  it('answers 404 for other paths and 405 for other methods', async () => {
    const { base } = await serve();
    expect((await fetch(`${base}/`)).status).toBe(404);
    const post = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('runs its own server on PORT when Slack is not in HTTP mode', async () => {
    const config = discordOnAnyPort();
    const lifecycle = new Lifecycle({ graceMs: 1_000 });
    const ops = await startOps({
      config,
      store: new MemoryStore(),
      log: silentLogger,
      lifecycle,
      platforms: new PlatformRegistry(),
    });
    expect(ops.server).toBeDefined();
    const res = await fetch(`http://127.0.0.1:${ops.server?.port}/healthz`);
    expect(res.status).toBe(200);
    await lifecycle.stop('test');
    await expect(fetch(`http://127.0.0.1:${ops.server?.port}/healthz`)).rejects.toThrow();
  });

  it('leaves PORT to Slack in HTTP mode and hands over routes for Bolt to mount', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '0', HOST: '127.0.0.1' });
    const ops = await startOps({ config, store: new MemoryStore(), log: silentLogger, lifecycle: new Lifecycle() });
    expect(ops.server).toBeUndefined();
    expect(ops.routes.map((r) => [r.path, r.method])).toEqual([
      ['/healthz', ['GET', 'HEAD']],
      ['/metrics', ['GET', 'HEAD']],
    ]);
  });

  it('with PUBLIC_URL, serves /pictures/ beside /healthz on its own server and in the routes it hands Bolt', async () => {
    const config = discordOnAnyPort({ PUBLIC_URL: 'https://chronicle.example.org' });
    const store = new MemoryStore();
    const pictures = pictureHostFor(config, store);
    const link = await pictures!.link({ png: new Uint8Array([137, 80, 78, 71]), filename: 'x.png', alt: 'x' });
    const lifecycle = new Lifecycle({ graceMs: 1_000 });
    const ops = await startOps({ config, store, log: silentLogger, lifecycle, pictures });
    const res = await fetch(link.replace('https://chronicle.example.org', `http://127.0.0.1:${ops.server?.port}`));
    expect(res.status).toBe(200);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([137, 80, 78, 71]);
    expect((await fetch(`http://127.0.0.1:${ops.server?.port}/healthz`)).status).toBe(200);
    expect(ops.routes.map((r) => r.path)).toEqual(['/healthz', '/metrics', '/pictures/:file']);
    await lifecycle.stop('test');
  });

  it('without PUBLIC_URL there is no picture host, and /pictures/ is not served', async () => {
    const config = discordOnAnyPort();
    expect(pictureHostFor(config, new MemoryStore())).toBeUndefined();
    const lifecycle = new Lifecycle({ graceMs: 1_000 });
    const ops = await startOps({ config, store: new MemoryStore(), log: silentLogger, lifecycle });
    expect((await fetch(`http://127.0.0.1:${ops.server?.port}/pictures/${'0'.repeat(32)}.png`)).status).toBe(404);
    expect(ops.routes.map((r) => r.path)).toEqual(['/healthz', '/metrics']);
    await lifecycle.stop('test');
  });

  it('in console-only mode with PORT unset, no server is started at all', async () => {
    const ops = await startOps({
      config: parseConfig({}),
      store: new MemoryStore(),
      log: silentLogger,
      lifecycle: new Lifecycle(),
    });
    expect(ops.server).toBeUndefined();
    expect(ops.routes.map((r) => r.path)).toEqual(['/healthz', '/metrics']);
  });

  it('in console-only mode, a busy port is a warning and the console still starts', async () => {
    const { base } = await serve();
    const port = Number(new URL(base).port);
    const config = parseConfig({ PORT: String(port), HOST: '127.0.0.1' });
    const ops = await startOps({ config, store: new MemoryStore(), log: silentLogger, lifecycle: new Lifecycle() });
    expect(ops.server).toBeUndefined();
  });

  it('with a chat platform configured, a busy port stops startup', async () => {
    const { base } = await serve();
    const config = parseConfig({
      PORT: new URL(base).port,
      HOST: '127.0.0.1',
      DISCORD_TOKEN: 'a.b.c',
      DISCORD_APPLICATION_ID: '1',
    });
    await expect(
      startOps({ config, store: new MemoryStore(), log: silentLogger, lifecycle: new Lifecycle() }),
    ).rejects.toThrow(/already in use \(PORT=\d+\): stop what holds it, or set PORT to a free port/);
  });
});
