import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { InteractionOutcome } from '../log.js';
import { type MetricsJSON, mergeMetrics, type ProcessMetrics } from './merge-metrics.js';

/** What a sharded manager gathered from its shards for one scrape. */
export interface GatheredMetrics {
  /** Each shard that answered, as `process` = its shard id. */
  answered: ProcessMetrics[];
  /** How many shards' metrics are not in this scrape (not running, or did not answer in time). */
  missing: number;
}

/**
 * Chronicle's Prometheus metrics. One registry per process (what /metrics
 * serves); adapters, the quiz engine and the scheduler call the small
 * functions below rather than touching prom-client.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'chronicle_commands_total',
    help: 'Interactions handled, by command, platform, kind and outcome.',
    labelNames: ['command', 'platform', 'kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'chronicle_command_duration_seconds',
    help: 'Time from receiving an interaction to its reply being handed to the platform, by command and platform.',
    labelNames: ['command', 'platform'] as const,
    // Discord's 3 s acknowledgement deadline sits between buckets on purpose.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [this.registry],
  });

  readonly activeQuizGames = new Gauge({
    name: 'chronicle_active_quiz_games',
    help: 'Quiz games running, counted in the shared Store at scrape time (every instance reports the same number; aggregate with max).',
    // Sharded, the manager counts them in the Store and is listed first; the shards' copies are never refreshed.
    aggregator: 'first',
    registers: [this.registry],
  });

  /** Where the active-games count comes from; read at each scrape (see countActiveQuizGamesWith). */
  private activeGamesSource: (() => Promise<number>) | undefined;

  readonly briefings = new Counter({
    name: 'chronicle_briefings_total',
    help: 'Scheduled briefings this process tried to post, by platform and result (sent or failed).',
    labelNames: ['platform', 'result'] as const,
    registers: [this.registry],
  });

  /** Registered only in a shard manager (see gatherFrom). */
  readonly shardMetricsMissing = new Gauge({
    name: 'chronicle_shard_metrics_missing',
    help: 'Shards whose metrics are missing from this scrape (not running, or no answer within the timeout); their counts are left out of the sums.',
    registers: [],
  });

  /** In a shard manager: the shards' metrics, asked for at each scrape. */
  private gather: (() => Promise<GatheredMetrics>) | undefined;

  /** Node.js process metrics (collectDefaultMetrics): labelled by process, not summed, when shards are merged. */
  readonly perProcess: ReadonlySet<string>;

  constructor(options: { defaults?: boolean } = {}) {
    const chronicle = new Set(this.registry.getMetricsAsArray().map((metric) => metric.name));
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: 'chronicle_' });
    this.perProcess = new Set(
      this.registry
        .getMetricsAsArray()
        .map((metric) => metric.name)
        .filter((name) => !chronicle.has(name)),
    );
    // Start every series at zero so a dashboard shows 0 rather than "no data".
    for (const platform of ['discord', 'slack']) {
      this.briefings.inc({ platform, result: 'sent' }, 0);
      this.briefings.inc({ platform, result: 'failed' }, 0);
    }
  }

  /** The command names a label may carry; unset, any well-formed name. */
  private known: ReadonlySet<string> | undefined;

  /**
   * Labels come from the registry, never from the request: a forged click
   * for `nosuch:…` counts as "unknown" instead of adding a series.
   */
  allowCommands(names: Iterable<string>): void {
    this.known = new Set(names);
  }

  recordCommand(entry: {
    command: string;
    platform: string;
    kind?: string;
    outcome: InteractionOutcome;
    seconds: number;
  }): void {
    const command = !this.known || this.known.has(entry.command) ? entry.command : 'unknown';
    this.commands.inc({
      command,
      platform: entry.platform,
      kind: entry.kind ?? 'command',
      outcome: entry.outcome,
    });
    this.commandSeconds.observe({ command, platform: entry.platform }, entry.seconds);
  }

  /**
   * Counts games in the Store at each scrape rather than counting starts and
   * ends in memory: a round is closed by whichever instance claims it, so a
   * game often ends on another instance than the one it started on, and a
   * restart would forget the games it resumes.
   */
  countActiveQuizGamesWith(count: () => Promise<number>): void {
    this.activeGamesSource = count;
  }

  briefingSent(platform: string): void {
    this.briefings.inc({ platform, result: 'sent' });
  }

  briefingFailed(platform: string): void {
    this.briefings.inc({ platform, result: 'failed' });
  }

  /** For the briefing scheduler's `onResult`. */
  readonly recordBriefing = (platform: string, result: 'sent' | 'failed'): void => {
    if (result === 'sent') this.briefingSent(platform);
    else this.briefingFailed(platform);
  };

  /**
   * Makes this the shard manager's metrics: each scrape also asks `gather`
   * for the shards' metrics and serves them merged with this process's own
   * (src/ops/merge-metrics.ts), with chronicle_shard_metrics_missing saying
   * how many shards are left out. `gather` must not throw and should answer
   * within a few seconds with whatever it has.
   */
  gatherFrom(gather: () => Promise<GatheredMetrics>): void {
    if (!this.gather) this.registry.registerMetric(this.shardMetricsMissing);
    this.gather = gather;
  }

  /** This process's metrics as prom-client JSON: what a shard hands its manager. */
  json(): Promise<MetricsJSON> {
    return this.registry.getMetricsAsJSON();
  }

  /** The Prometheus text exposition of every metric (and, in a shard manager, of every shard's). */
  async text(): Promise<string> {
    const [, shards] = await Promise.all([this.countActiveGames(), this.gather?.()]);
    if (!shards) return this.registry.metrics();
    this.shardMetricsMissing.set(shards.missing);
    // The manager first: 'first' gauges (active games) take its value.
    const own: ProcessMetrics = { process: 'manager', metrics: await this.json() };
    return mergeMetrics([own, ...shards.answered], this.perProcess).metrics();
  }

  private async countActiveGames(): Promise<void> {
    if (!this.activeGamesSource) return;
    // An unreachable Store leaves the last count in place; /healthz is what reports the outage.
    const count = await this.activeGamesSource().catch(() => undefined);
    if (count !== undefined) this.activeQuizGames.set(count);
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The process's metrics: what /metrics serves and what callers record into. */
export const metrics = new Metrics();
