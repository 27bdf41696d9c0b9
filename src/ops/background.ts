import type { Services } from '../core/command.js';
import type { Logger } from '../log.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * Services' `background` where platforms are served: the work starts at
 * once, a graceful stop waits for it as for a reply in flight, and a failure
 * is logged, since no request is left to report it to. (A quiz round's close
 * that fails or is cut short here is retried by the quiz clock once its
 * claim lapses: src/engine/quiz/game.ts.)
 */
export function backgroundIn(lifecycle: Lifecycle, log: Logger): NonNullable<Services['background']> {
  return (work) => {
    lifecycle.track(work()).catch((error: unknown) => log.error({ err: error }, 'work after a reply failed'));
  };
}
