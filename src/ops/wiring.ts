import type { Services } from '../core/command.js';
import { countActiveGames } from '../engine/quiz/cleanup.js';
import type { BriefingSchedulerOptions } from '../schedule/briefings.js';
import { type Metrics, metrics as processMetrics } from './metrics.js';

/**
 * Connects the metrics to the parts they count without those parts knowing
 * prom-client: active games are counted in the Store at each scrape, and
 * briefing results come from the scheduler's `onResult`. Returns the
 * scheduler options to pass to startSchedulers.
 */
export function meterServices(
  services: Pick<Services, 'store'>,
  metrics: Metrics = processMetrics,
): Pick<BriefingSchedulerOptions, 'onResult'> {
  metrics.countActiveQuizGamesWith(() => countActiveGames(services.store));
  return { onResult: metrics.recordBriefing };
}
