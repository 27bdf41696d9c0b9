import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { PlatformRegistry } from '../../src/ops/health.js';
import { createOpsHandler, type OpsServer, startOpsServer } from '../../src/ops/http.js';
import { Metrics } from '../../src/ops/metrics.js';
import { answerMetricsRequests, gatherShardMetrics, type ShardChannel } from '../../src/shard/metrics.js';
import { MemoryStore } from '../../src/store/memory.js';
import { captureLog } from '../support/capture-log.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A shard process's IPC channel, in memory: messages cross as JSON on a
 * later tick, as they do over a forked child's channel. `answers: false`
 * is a shard whose event loop is stuck; `running: false` a dead one.
 */
function shardProcess(id: number, metrics: Metrics, options: { answers?: boolean; running?: boolean } = {}) {
  const parentEnd = new EventEmitter();
  const childEnd = new EventEmitter();
  const cross = (to: EventEmitter, message: unknown) =>
    setImmediate(() => to.emit('message', JSON.parse(JSON.stringify(message))));
  answerMetricsRequests(metrics, {
    send: (message) => cross(parentEnd, message),
    on: (event, listener) => childEnd.on(event, listener),
  });
  const shard: ShardChannel & { listeners(): number } = {
    id,
    process: options.running === false ? null : { connected: true },
    send: async (message) => {
      if (options.answers !== false) cross(childEnd, message);
    },
    on: (event, listener) => parentEnd.on(event, listener),
    off: (event, listener) => parentEnd.off(event, listener),
    listeners: () => parentEnd.listenerCount('message'),
  };
  return shard;
}

function capture() {
  const { log, lines: entries } = captureLog('info');
  return { log, entries };
}

function help(metrics: Metrics, seconds: number): void {
  metrics.recordCommand({ command: 'help', platform: 'discord', outcome: 'ok', seconds });
}

async function serve(metrics: Metrics) {
  const handler = createOpsHandler({
    store: new MemoryStore(),
    platforms: new PlatformRegistry(),
    metrics,
    log: silentLogger,
  });
  const server: OpsServer = await startOpsServer({ port: 0, host: '127.0.0.1', handler, log: silentLogger });
  cleanups.push(() => server.close());
  return async () => {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  };
}

const HELP_OK = 'chronicle_commands_total{command="help",platform="discord",kind="command",outcome="ok"}';

describe("a shard manager's /metrics: its own metrics merged with every shard's", () => {
  it('sums the counters and histograms the shards recorded, with the Node.js process metrics kept apart by a shard label', async () => {
    const manager = new Metrics();
    const [first, second] = [new Metrics(), new Metrics()];
    help(first, 0.02);
    help(second, 0.3);
    help(second, 4);
    second.recordBriefing('discord', 'sent');
    const channels = [first, second].map((metrics, id) => shardProcess(id, metrics));
    manager.gatherFrom(() => gatherShardMetrics({ shards: channels, total: 2, timeoutMs: 2_000, log: silentLogger }));

    const { status, text } = await (await serve(manager))();
    expect(status).toBe(200);
    expect(text).toContain(`${HELP_OK} 3`);
    expect(text).toContain('chronicle_command_duration_seconds_count{command="help",platform="discord"} 3');
    expect(text).toContain('chronicle_command_duration_seconds_bucket{le="0.025",command="help",platform="discord"} 1');
    expect(text).toContain('chronicle_command_duration_seconds_bucket{le="0.5",command="help",platform="discord"} 2');
    expect(text).toContain('chronicle_command_duration_seconds_bucket{le="+Inf",command="help",platform="discord"} 3');
    expect(text).toContain('chronicle_briefings_total{platform="discord",result="sent"} 1');
    expect(text).toContain('chronicle_shard_metrics_missing 0');
    // One series per process, none summed across them; the start time too, which prom-client alone would omit.
    for (const shard of ['manager', '0', '1']) {
      expect(text).toMatch(new RegExp(`^chronicle_process_cpu_seconds_total\\{shard="${shard}"\\} \\d`, 'm'));
      expect(text).toMatch(new RegExp(`^chronicle_process_start_time_seconds\\{shard="${shard}"\\} \\d`, 'm'));
    }
    expect(text).not.toMatch(/^chronicle_process_cpu_seconds_total \d/m);
    // Nothing left listening for answers after the scrape.
    expect(channels.map((c) => c.listeners())).toEqual([0, 0]);
  });

  it("takes the active quiz games from the manager's own count of the shared Store, not a sum over the shards", async () => {
    const manager = new Metrics({ defaults: false });
    manager.countActiveQuizGamesWith(async () => 3);
    const [first, second] = [new Metrics({ defaults: false }), new Metrics({ defaults: false })];
    // A shard's copy is never refreshed when it answers; even a stale one must not count.
    first.activeQuizGames.set(7);
    const channels = [first, second].map((metrics, id) => shardProcess(id, metrics));
    manager.gatherFrom(() => gatherShardMetrics({ shards: channels, total: 2, timeoutMs: 2_000, log: silentLogger }));
    expect(await manager.text()).toContain('chronicle_active_quiz_games 3\n');
  });

  it('serves what it has when a shard does not answer within the timeout, counting the miss and saying which shard', async () => {
    const manager = new Metrics({ defaults: false });
    const answering = new Metrics({ defaults: false });
    const stuck = new Metrics({ defaults: false });
    help(answering, 0.01);
    help(stuck, 0.01);
    const channels = [shardProcess(0, answering), shardProcess(1, stuck, { answers: false })];
    const { log, entries } = capture();
    manager.gatherFrom(() => gatherShardMetrics({ shards: channels, total: 2, timeoutMs: 300, log }));

    const { status, text, ms } = await (await serve(manager))();
    expect(status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(2_000);
    expect(text).toContain(`${HELP_OK} 1`);
    expect(text).toContain('chronicle_shard_metrics_missing 1');
    const warning = entries.find((e) => e.event === 'metrics');
    expect(warning?.level).toBe(40);
    expect(warning?.missing).toEqual([{ shard: 1, reason: 'no answer in 300 ms' }]);
    expect(channels.map((c) => c.listeners())).toEqual([0, 0]);
  });

  it('counts a dead shard and one not spawned yet as missing without waiting for them', async () => {
    const manager = new Metrics({ defaults: false });
    const alive = new Metrics({ defaults: false });
    help(alive, 0.01);
    const channels = [shardProcess(0, alive), shardProcess(1, new Metrics({ defaults: false }), { running: false })];
    const { log, entries } = capture();
    manager.gatherFrom(() => gatherShardMetrics({ shards: channels, total: 3, timeoutMs: 5_000, log }));

    const started = performance.now();
    const text = await manager.text();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(text).toContain(`${HELP_OK} 1`);
    expect(text).toContain('chronicle_shard_metrics_missing 2');
    expect(entries.find((e) => e.event === 'metrics')?.missing).toEqual([
      { shard: 1, reason: 'not running' },
      { shard: 2, reason: 'not spawned yet' },
    ]);
  });

  it('counts shards still waiting their turn to start without a warning, as every startup has them', async () => {
    const alive = new Metrics({ defaults: false });
    const { log, entries } = capture();
    const gathered = await gatherShardMetrics({ shards: [shardProcess(0, alive)], total: 4, timeoutMs: 2_000, log });
    expect(gathered.answered.map((a) => a.process)).toEqual(['0']);
    expect(gathered.missing).toBe(3);
    expect(entries.filter((e) => e.event === 'metrics')).toEqual([]);
  });

  it('leaves a process that manages no shards as it was: no shard label, no missing-shards gauge', async () => {
    const metrics = new Metrics();
    help(metrics, 0.01);
    const text = await metrics.text();
    expect(text).toContain(`${HELP_OK} 1`);
    expect(text).toMatch(/^chronicle_process_cpu_seconds_total \d/m);
    expect(text).not.toContain('shard');
  });
});
