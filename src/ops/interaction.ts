import { isUserError } from '../core/errors.js';
import { type InteractionMeta, type InteractionOutcome, type Logger, logInteraction, safeName } from '../log.js';
import { type Lifecycle, lifecycle as processLifecycle } from './lifecycle.js';
import { type Metrics, metrics as processMetrics } from './metrics.js';

export interface InteractionDeps {
  log: Logger;
  /** Ids for the log line (user, channel, ...); cheaper than a child logger made for one line. */
  ids?: Readonly<Record<string, string | null | undefined>>;
  metrics?: Metrics;
  lifecycle?: Lifecycle;
}

/**
 * Runs one interaction (a command, a click, an autocomplete) and accounts
 * for it exactly once: one log line and one metric sample with its outcome
 * and latency, and it counts as in flight so a graceful shutdown waits for
 * its reply. The result or error is passed through untouched: the adapter
 * still owns rendering, the apology and the platform's deadlines.
 */
export async function withInteraction<T>(
  deps: InteractionDeps,
  meta: InteractionMeta,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const lifecycle = deps.lifecycle ?? processLifecycle;
  let outcome: InteractionOutcome = 'ok';
  let failure: unknown;
  try {
    return await lifecycle.track(work());
  } catch (error) {
    failure = error;
    outcome = isUserError(error) ? 'user_error' : 'error';
    throw error;
  } finally {
    recordInteraction(deps, meta, { outcome, latencyMs: performance.now() - started, error: failure });
  }
}

/**
 * For an adapter that measures on its own (e.g. the outcome is only known
 * after the platform accepted the reply): log and count one interaction.
 */
export function recordInteraction(
  deps: InteractionDeps,
  meta: InteractionMeta,
  result: { outcome: InteractionOutcome; latencyMs: number; error?: unknown },
): void {
  logInteraction(deps.log, meta, result, deps.ids);
  (deps.metrics ?? processMetrics).recordCommand({
    command: safeName(meta.command) ?? 'unknown',
    platform: safeName(meta.platform) ?? 'unknown',
    kind: meta.kind,
    outcome: result.outcome,
    seconds: result.latencyMs / 1000,
  });
}
