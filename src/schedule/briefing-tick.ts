import cron from 'node-cron';
import type { Services } from '../core/command.js';
import type { Logger } from '../log.js';
import { BriefingScheduler, type BriefingSchedulerOptions } from './briefings.js';

/**
 * Every minute, on every instance: send the briefings that are due. The
 * claim in the Store decides which instance sends each one; a tick that finds
 * the Store unreachable logs and waits for the next minute.
 */
export function startBriefingTick(
  services: Services,
  log: Logger,
  options: BriefingSchedulerOptions = {},
): { scheduler: BriefingScheduler; stop(): Promise<void> } {
  const scheduler = new BriefingScheduler(services, { logger: log, ...options });
  const run = () => {
    scheduler.tick().catch((error: unknown) => log.error({ err: error }, 'briefing tick failed'));
  };
  const task = cron.schedule('* * * * *', run);
  // An instance that starts after a briefing's time sends today's at once (catch-up), not a minute later.
  setImmediate(run);
  return {
    scheduler,
    stop: async () => {
      await task.stop();
      await task.destroy();
    },
  };
}
