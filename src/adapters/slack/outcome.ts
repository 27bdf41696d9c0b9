import { isUserError } from '../../core/errors.js';
import { PostError } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';
import type { InteractionMeta, InteractionOutcome, Logger } from '../../log.js';
import { recordInteraction } from '../../ops/interaction.js';
import type { Metrics } from '../../ops/metrics.js';

export const APOLOGY =
  'Sorry, something went wrong on our side while doing that. It has been logged; please try again in a moment.';

const NOT_IN_CHANNEL =
  'I need to be in this channel to post here. Invite me with `/invite @Chronicle`, then try again.';

export interface Settled {
  reply: Reply;
  outcome: InteractionOutcome;
  /** The bug behind an `error` outcome, for the one log line. */
  error?: unknown;
}

function privateText(text: string): Reply {
  return { text, visibility: 'private' };
}

/**
 * The adapter's one catch: a UserError is shown to the user as it is; a
 * channel the bot cannot post in gets instructions; anything else becomes a
 * short apology (never a stack trace) and is handed back for logging.
 */
export async function settle(run: () => Promise<Reply>): Promise<Settled> {
  try {
    return { reply: await run(), outcome: 'ok' };
  } catch (error) {
    if (isUserError(error)) return { reply: privateText(error.message), outcome: 'user_error' };
    if (error instanceof PostError && (error.code === 'not_in_channel' || error.code === 'channel_not_found')) {
      return { reply: privateText(NOT_IN_CHANNEL), outcome: 'user_error' };
    }
    return { reply: privateText(APOLOGY), outcome: 'error', error };
  }
}

/** One log line and one metric sample for a Slack interaction begun at `started` (performance.now()). */
export function recordSlack(
  deps: { logger: Logger; metrics?: Metrics | undefined },
  ids: { userId: string; channelId: string; teamId: string },
  meta: Omit<InteractionMeta, 'platform'>,
  result: Pick<Settled, 'outcome' | 'error'>,
  started: number,
): void {
  recordInteraction(
    { log: deps.logger, ids, metrics: deps.metrics },
    { platform: 'slack', ...meta },
    { ...result, latencyMs: performance.now() - started },
  );
}
