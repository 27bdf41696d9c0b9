import type { Logger } from '../log.js';
import type { MetricsJSON } from '../ops/merge-metrics.js';
import type { GatheredMetrics, Metrics } from '../ops/metrics.js';

/**
 * The manager's /metrics asking each shard process for its metrics, over
 * the IPC channel discord.js's ShardingManager already opened (fork). Our
 * own message rather than broadcastEval: eval'd code runs in discord.js's
 * scope with only the Client in reach, not our Metrics, and one silent
 * shard would fail the whole broadcast instead of only its own part.
 */
const TYPE = 'chronicle:metrics';

interface MetricsRequest {
  type: typeof TYPE;
  id: number;
}

interface MetricsAnswer {
  type: typeof TYPE;
  id: number;
  metrics?: MetricsJSON;
  error?: string;
}

/** The parent end of a shard: discord.js's Shard is one. */
export interface ShardChannel {
  id: number;
  /** The shard's child process; null while it is dead (between death and respawn). */
  process: { connected: boolean } | null;
  send(message: unknown): Promise<unknown>;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** The child end: this process's own IPC channel. */
export interface ParentChannel {
  send?: (message: unknown) => unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

function isAnswer(message: unknown, id: number): message is MetricsAnswer {
  const m = message as Partial<MetricsAnswer> | null;
  return typeof m === 'object' && m !== null && m.type === TYPE && m.id === id;
}

/** In a shard: answers the manager's requests with this process's metrics. */
export function answerMetricsRequests(metrics: Metrics, parent: ParentChannel = process): void {
  const send = parent.send?.bind(parent);
  if (!send) return; // not started by a manager: nobody to answer
  parent.on('message', (message) => {
    const request = message as Partial<MetricsRequest> | null;
    if (typeof request !== 'object' || request === null || request.type !== TYPE) return;
    const id = Number(request.id);
    metrics.json().then(
      (json) => send({ type: TYPE, id, metrics: json } satisfies MetricsAnswer),
      (error: unknown) => send({ type: TYPE, id, error: String(error) } satisfies MetricsAnswer),
    );
  });
}

let nextId = 0;

type Outcome = { shard: number; metrics: MetricsJSON } | { shard: number; missing: string };

function ask(shard: ShardChannel, timeoutMs: number): Promise<Outcome> {
  if (!shard.process?.connected) return Promise.resolve({ shard: shard.id, missing: 'not running' });
  const id = nextId++;
  return new Promise<Outcome>((resolve) => {
    const finish = (outcome: Outcome) => {
      clearTimeout(timer);
      shard.off('message', listen);
      resolve(outcome);
    };
    const listen = (message: unknown) => {
      if (!isAnswer(message, id)) return;
      if (message.metrics) finish({ shard: shard.id, metrics: message.metrics });
      else finish({ shard: shard.id, missing: `failed: ${message.error ?? 'no metrics'}` });
    };
    const timer = setTimeout(() => finish({ shard: shard.id, missing: `no answer in ${timeoutMs} ms` }), timeoutMs);
    timer.unref();
    shard.on('message', listen);
    shard.send({ type: TYPE, id } satisfies MetricsRequest).catch((error: unknown) => {
      finish({ shard: shard.id, missing: `not reachable: ${String(error)}` });
    });
  });
}

/**
 * In the manager, for Metrics.gatherFrom: every shard's metrics that arrive
 * within `timeoutMs` (asked in parallel). A shard that is not running yet,
 * is dead, fails or is too slow is left out and counted in `missing` (out of
 * `total`, so shards not spawned yet count too); one warning names them
 * when any spawned shard is among them.
 */
export async function gatherShardMetrics(options: {
  shards: Iterable<ShardChannel>;
  total: number;
  timeoutMs: number;
  log: Logger;
}): Promise<GatheredMetrics> {
  const outcomes = await Promise.all([...options.shards].map((shard) => ask(shard, options.timeoutMs)));
  const answered = outcomes.flatMap((o) => ('metrics' in o ? [{ process: String(o.shard), metrics: o.metrics }] : []));
  const missing = Math.max(0, options.total - answered.length);
  const reasons = outcomes.flatMap((o) => ('missing' in o ? [{ shard: o.shard, reason: o.missing }] : []));
  // Shards still waiting their turn to start are expected at startup: counted, but only named alongside a real miss.
  if (reasons.length > 0) {
    const asked = new Set(outcomes.map((o) => o.shard));
    for (let shard = 0; shard < options.total; shard++) {
      if (!asked.has(shard)) reasons.push({ shard, reason: 'not spawned yet' });
    }
    options.log.warn(
      { event: 'metrics', missing: reasons },
      '/metrics is serving without some shards; their counts are left out of the sums',
    );
  }
  return { answered, missing };
}
