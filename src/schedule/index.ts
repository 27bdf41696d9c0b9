import type { Services } from '../core/command.js';
import type { Logger } from '../log.js';
import { startBriefingTick } from './briefing-tick.js';
import type { BriefingSchedulerOptions } from './briefings.js';
import { startQuizClock } from './quiz-clock.js';

/** Starts every timed job of an instance: the quiz clock (each second) and the briefing tick (each minute). */
export function startSchedulers(
  services: Services,
  log: Logger,
  briefing: BriefingSchedulerOptions = {},
): { stop(): Promise<void> } {
  const quiz = startQuizClock(services, log);
  const briefings = startBriefingTick(services, log, briefing);
  return {
    stop: async () => {
      await Promise.all([quiz.stop(), briefings.stop()]);
    },
  };
}
