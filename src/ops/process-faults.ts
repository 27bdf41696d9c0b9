import type { Logger } from '../log.js';

/**
 * A promise rejected with no handler anywhere (a library's internal
 * callback, a request it could not parse) must not take the bot down for
 * everyone: it is logged with what is known of it, and the process keeps
 * serving. Node's default would exit on the first one. An uncaught
 * exception is different: the process state is then unknown, so it is
 * logged and the process exits 1 for the supervisor to restart it.
 */
export function keepServingOnRejections(log: Logger, exit: (code: number) => void = process.exit): () => void {
  const onRejection = (reason: unknown) => {
    const err = reason instanceof Error ? { type: reason.name, message: reason.message } : { value: String(reason) };
    log.error({ event: 'unhandled-rejection', err }, 'a promise was rejected and nothing handled it; still serving');
  };
  const onException = (error: Error) => {
    log.fatal({ event: 'uncaught-exception', err: { type: error.name, message: error.message } }, 'exiting');
    exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
