import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { InteractionOutcome } from '../log.js';

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

  constructor(options: { defaults?: boolean } = {}) {
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: 'chronicle_' });
    // Start every series at zero so a dashboard shows 0 rather than "no data".
    for (const platform of ['discord', 'slack']) {
      this.briefings.inc({ platform, result: 'sent' }, 0);
      this.briefings.inc({ platform, result: 'failed' }, 0);
    }
  }

  recordCommand(entry: {
    command: string;
    platform: string;
    kind?: string;
    outcome: InteractionOutcome;
    seconds: number;
  }): void {
    this.commands.inc({
      command: entry.command,
      platform: entry.platform,
      kind: entry.kind ?? 'command',
      outcome: entry.outcome,
    });
    this.commandSeconds.observe({ command: entry.command, platform: entry.platform }, entry.seconds);
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

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<string> {
    if (this.activeGamesSource) {
      // An unreachable Store leaves the last count in place; /healthz is what reports the outage.
      const count = await this.activeGamesSource().catch(() => undefined);
      if (count !== undefined) this.activeQuizGames.set(count);
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The process's metrics: what /metrics serves and what callers record into. */
export const metrics = new Metrics();
