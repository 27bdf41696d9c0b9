import { orAfter } from '../core/deadline.js';
import type { Logger } from '../log.js';

/**
 * The order a graceful stop runs in. `intake`: stop taking new work
 * (close listeners, stop reading input); then replies already in flight are
 * awaited; `drain`: finish queued outbound work (posters, a scheduler tick);
 * `state`: leave quiz games consistent in the Store; `close`: disconnect
 * platforms and close the Store.
 */
export const STOP_PHASES = ['intake', 'drain', 'state', 'close'] as const;
export type StopPhase = (typeof STOP_PHASES)[number];

/** What a new caller is told, privately, on any platform once a stop has begun. */
export const RESTARTING = 'Chronicle is restarting; try again in a few seconds.';

export interface StopReport {
  reason: string;
  /** Everything finished inside the grace period. */
  clean: boolean;
  durationMs: number;
  /** Replies still in flight when the grace period ran out. */
  abandoned: number;
  /** Hooks that threw or ran past the deadline, by name. */
  failed: string[];
}

interface Hook {
  phase: StopPhase;
  name: string;
  run: () => Promise<void> | void;
}

/**
 * What a process must do to stop well within its grace period (Docker and
 * Kubernetes send SIGTERM, then SIGKILL 10 s later): refuse new work, let
 * replies in flight finish, then run each part's stop hook in phase order.
 * `close` hooks always get a reserved slice of time, so the Store is closed
 * even when a reply hangs.
 */
export class Lifecycle {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly hooks: Hook[] = [];
  private stopping: Promise<StopReport> | undefined;

  /** Where the stop reports its progress; exitOnSignals sets the process's logger. */
  log: Logger | undefined;

  constructor(private readonly options: { graceMs?: number; closeReserveMs?: number; log?: Logger } = {}) {
    this.log = options.log;
  }

  /** False once a stop has begun: adapters should refuse new interactions politely. */
  get accepting(): boolean {
    return this.stopping === undefined;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Settles once nothing is in flight, work started by work in flight (a reply's background close) included. */
  private async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Registers a stop hook; returns a function that unregisters it (for parts that stop on their own). */
  onStop(phase: StopPhase, name: string, run: () => Promise<void> | void): () => void {
    const hook = { phase, name, run };
    this.hooks.push(hook);
    return () => {
      const index = this.hooks.indexOf(hook);
      if (index >= 0) this.hooks.splice(index, 1);
    };
  }

  /** Stops once; later calls get the same report. */
  stop(reason: string): Promise<StopReport> {
    this.stopping ??= this.runStop(reason);
    return this.stopping;
  }

  private async runStop(reason: string): Promise<StopReport> {
    const graceMs = this.options.graceMs ?? 9_000;
    const closeReserveMs = Math.min(this.options.closeReserveMs ?? 2_000, graceMs / 2);
    const started = Date.now();
    const deadline = started + graceMs;
    const failed: string[] = [];
    const log = this.log;
    log?.info({ event: 'shutdown', reason, inFlight: this.inFlight.size }, 'shutting down');

    const phaseDeadline = (phase: StopPhase) => (phase === 'close' ? deadline : deadline - closeReserveMs);

    await this.runPhase('intake', phaseDeadline('intake'), failed);
    const drained = await within(this.idle(), phaseDeadline('intake') - Date.now());
    const abandoned = drained ? 0 : this.inFlight.size;
    if (abandoned) log?.warn({ event: 'shutdown', abandoned }, 'replies still in flight at the deadline');
    for (const phase of ['drain', 'state', 'close'] as const) await this.runPhase(phase, phaseDeadline(phase), failed);

    const report: StopReport = {
      reason,
      clean: abandoned === 0 && failed.length === 0,
      durationMs: Date.now() - started,
      abandoned,
      failed,
    };
    log?.info({ event: 'shutdown', ...report }, 'shutdown complete');
    return report;
  }

  private async runPhase(phase: StopPhase, deadline: number, failed: string[]): Promise<void> {
    const hooks = this.hooks.filter((h) => h.phase === phase);
    await Promise.all(
      hooks.map(async (hook) => {
        const outcome = await within(Promise.resolve().then(hook.run), deadline - Date.now()).catch(
          (error: unknown) => {
            this.log?.error({ event: 'shutdown', phase, hook: hook.name, err: error }, 'stop hook failed');
            return 'threw' as const;
          },
        );
        if (outcome === false) this.log?.warn({ event: 'shutdown', phase, hook: hook.name }, 'stop hook timed out');
        if (outcome !== true) failed.push(`${phase}:${hook.name}`);
      }),
    );
  }
}

/** True when `work` settles in time, false when the time runs out first; rejects when `work` rejects. */
function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  return orAfter(
    work.then(() => true as const),
    Math.max(0, ms),
    false as const,
  );
}

/** The process's lifecycle, shared by the adapters, the engine and the ops server. */
export const lifecycle = new Lifecycle();

/**
 * SIGTERM / SIGINT run a graceful stop and exit 0 when it was clean, 1
 * otherwise. A second signal, or the stop overrunning its grace period,
 * exits at once so the process never outlives the orchestrator's patience.
 */
export function exitOnSignals(options: {
  log: Logger;
  lifecycle?: Lifecycle;
  graceMs?: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}): () => void {
  const target = options.lifecycle ?? lifecycle;
  target.log ??= options.log;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) {
      options.log.warn({ event: 'shutdown', signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    options.log.info({ event: 'shutdown', signal }, `received ${signal}`);
    const backstop = setTimeout(() => {
      options.log.error({ event: 'shutdown' }, 'graceful stop overran its grace period: exiting now');
      exit(1);
    }, options.graceMs ?? 9_500);
    backstop.unref();
    void target.stop(signal).then((report) => {
      clearTimeout(backstop);
      exit(report.clean ? 0 : 1);
    });
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
