import cron from 'node-cron';
import type { Services } from '../core/command.js';
import { expireFinishedGames } from '../engine/quiz/cleanup.js';
import { closeDueQuizRounds } from '../engine/quiz/game.js';
import { expireAbandonedPicks } from '../engine/study/pick-expiry.js';
import type { Logger } from '../log.js';

/** Ticks between looks at the cleanup queues: once a minute. */
const EXPIRY_EVERY_TICKS = 60;

/**
 * Every second, on every instance: close the quiz rounds whose deadline has
 * passed. The deadlines live in the Store and each round is claimed before
 * it is closed, so running this on several instances closes each round once.
 * Once a minute the same tick also deletes the answer lists of games that
 * ended a week ago, and the pick lists of review answers left half-ordered a
 * day ago.
 */
export function startQuizClock(services: Services, log: Logger): { stop(): Promise<void> } {
  let ticks = 0;
  // The tick in flight, so a stop waits for it instead of closing the Store under it.
  let running: Promise<void> | undefined;
  const tick = async () => {
    try {
      await closeDueQuizRounds(services);
      // Their cleanup times lie a day or a week out, so a minute late is on time;
      // asking every second cost two Store reads a second on every instance.
      if (ticks++ % EXPIRY_EVERY_TICKS === 0) {
        await expireFinishedGames(services);
        await expireAbandonedPicks(services);
      }
    } catch (error) {
      log.error({ err: error }, 'closing due quiz rounds failed');
    }
  };
  const task = cron.schedule('* * * * * *', async () => {
    if (running) return;
    running = tick().finally(() => {
      running = undefined;
    });
    await running;
  });
  return {
    stop: async () => {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
