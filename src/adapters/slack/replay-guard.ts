import type { AnyMiddlewareArgs, Middleware, StringIndexed } from '@slack/bolt';
import type { Services } from '../../core/command.js';
import { orAfter } from '../../core/deadline.js';
import type { Logger } from '../../log.js';

/** Slack refuses requests signed more than five minutes ago; a signature is remembered a little longer. */
export const REPLAY_WINDOW_MS = 5 * 60_000;
const REMEMBER_MS = REPLAY_WINDOW_MS + 60_000;

/** The headers the guard reads, lifted from the raw request by the HTTP receiver. */
export function requestHeaders(request: { headers: Record<string, string | string[] | undefined> }): StringIndexed {
  const one = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    slackSignature: one('x-slack-signature'),
    slackTimestamp: one('x-slack-request-timestamp'),
    slackRetry: one('x-slack-retry-num'),
  };
}

/**
 * After Bolt has checked the signature: a request already seen (the same
 * signed bytes sent again within the window), one timestamped in the
 * future, and Slack's own retries of a request this fleet already took are
 * acknowledged and go no further. The signature is claimed in the shared
 * Store, so a replay sent to another instance is caught too. A Store that
 * cannot answer lets the request through: a double answer is better than
 * none.
 */
export function replayGuard(
  store: Services['store'],
  logger: Logger,
  now: () => number = Date.now,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, next } = args;
    const signature = context.slackSignature as string | undefined;
    // Socket Mode has no signature to replay: nothing to guard.
    if (!signature) return next();
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as () => Promise<void>) : async () => {};
    const timestamp = Number(context.slackTimestamp);
    if (Number.isFinite(timestamp) && timestamp * 1000 > now() + REPLAY_WINDOW_MS) {
      logger.warn({ event: 'slack-request-refused', reason: 'future-timestamp' }, 'request timestamped in the future');
      return ack();
    }
    if (context.slackRetry) {
      logger.info({ event: 'slack-retry', retry: context.slackRetry }, 'Slack retried a request: acknowledged');
      return ack();
    }
    let first = true;
    try {
      // A Store slow to answer must not cost the 3 s Slack allows: past half a second, the request goes on.
      first = await orAfter(store.claim(`slack:signature:${signature}`, REMEMBER_MS), 500, true);
    } catch (error) {
      logger.warn(
        { err: { message: (error as Error).message } },
        'could not check the request for replay; handling it',
      );
    }
    if (!first) {
      logger.warn({ event: 'slack-request-refused', reason: 'replay' }, 'the same signed request was sent again');
      return ack();
    }
    return next();
  };
}
