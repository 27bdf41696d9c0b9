import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';

/** What `registry.getMetricsAsJSON()` returns: the form one process hands another. */
export type MetricsJSON = MetricObjectWithValues<MetricValue<string>>[];

/** One process's metrics, named by the value its per-process series get in the `shard` label. */
export interface ProcessMetrics {
  process: string;
  metrics: MetricsJSON;
}

/**
 * Several processes' metrics as one registry, with prom-client's
 * AggregatorRegistry.aggregate: each metric combines by its own `aggregator`
 * (counters and histograms sum; a gauge says what it wants, and a value is
 * taken from the first process listed when it says 'first').
 *
 * The metrics named in `perProcess` (the Node.js process metrics:
 * CPU, memory, event loop lag, start time) are not combined but kept apart
 * by a `shard` label: the sum of several event loop lags or start times
 * means nothing, and a dashboard wants to see which shard is the hot one
 * (`sum without (shard)` still gives fleet totals where a total makes sense).
 */
export function mergeMetrics(parts: readonly ProcessMetrics[], perProcess: ReadonlySet<string>): Registry {
  const labelled = parts.map(({ process, metrics }) =>
    metrics.map((metric) => (perProcess.has(metric.name) ? labelProcess(metric, process) : metric)),
  );
  return AggregatorRegistry.aggregate(labelled);
}

function labelProcess(
  metric: MetricObjectWithValues<MetricValue<string>>,
  shard: string,
): MetricObjectWithValues<MetricValue<string>> {
  return {
    ...metric,
    // Every series now belongs to one process, so nothing is actually combined;
    // 'first' keeps what prom-client would otherwise drop (process_start_time_seconds is 'omit').
    aggregator: 'first',
    // New objects: getMetricsAsJSON hands out the live metric's own values.
    values: metric.values.map((value) => ({ ...value, labels: { ...value.labels, shard } })),
  };
}
