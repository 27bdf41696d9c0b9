import cron from 'node-cron';
import type { Services } from '../core/command.js';
import { expireFinishedGames } from '../engine/quiz/cleanup.js';
import { closeDueQuizRounds } from '../engine/quiz/game.js';
import { showDueCounts } from '../engine/quiz/live-count.js';
import { expireAbandonedPicks } from '../engine/study/pick-expiry.js';
import type { Logger } from '../log.js';

/** Ticks between looks at the cleanup queues: once a minute. */
const EXPIRY_EVERY_TICKS = 60;

/**
 * Every second, on every instance: close the quiz rounds whose deadline has
 * passed, and show the answer counts that changed. The deadlines and the
 * changed counts live in the Store and each is claimed before it is acted
 * on, so running this on several instances closes each round once and
 * edits each count at most once a second. Once a minute the same tick also
 * deletes the answer lists of games that ended a week ago, and the pick
 * lists of review answers left half-ordered a day ago.
 */
export function startQuizClock(services: Services, log: Logger): { stop(): Promise<void> } {
  let ticks = 0;
  const rounds = oneAtATime(async () => {
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
  });
  // Apart from the rounds, so a slow platform edit never holds back a reveal.
  const counts = oneAtATime(async () => {
    try {
      await showDueCounts(services);
    } catch (error) {
      log.error({ err: error }, 'showing quiz answer counts failed');
    }
  });
  const task = cron.schedule('* * * * * *', async () => {
    await Promise.all([rounds.run(), counts.run()]);
  });
  return {
    stop: async () => {
      await task.stop();
      await task.destroy();
      // The runs in flight finish first, rather than have the Store closed under them.
      await Promise.all([rounds.idle(), counts.idle()]);
    },
  };
}

/** A job that skips a tick while its previous run is still going. */
function oneAtATime(job: () => Promise<void>): { run(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  return {
    run: async () => {
      if (running) return;
      running = job().finally(() => {
        running = undefined;
      });
      await running;
    },
    idle: async () => {
      await running;
    },
  };
}
