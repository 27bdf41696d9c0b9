import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../log.js';

/**
 * Bolt logs through its own Logger interface; this routes it into our pino
 * logger so there is one log stream. Bolt's debug output can include
 * payloads, so it stays at debug where production does not look.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level = LogLevel.INFO;
  const line = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    // Bolt logs several debug lines per request; joining their arguments is skipped unless debug is on.
    debug: (...args) => {
      if (child.isLevelEnabled('debug')) child.debug(line(args));
    },
    info: (...args) => child.info(line(args)),
    warn: (...args) => child.warn(line(args)),
    error: (...args) => child.error(line(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
