import { PLATFORMS, type Platform } from './platform.js';
import type { Reply } from './reply.js';

export interface ChannelRef {
  platform: Platform;
  channelId: string;
  serverId: string;
}

/**
 * The one outbound side effect: adapters implement it, the engine and the
 * scheduler call it. Errors carry a `permanent` flag so the scheduler can
 * pause a briefing whose channel is gone instead of retrying forever.
 */
export interface Poster {
  post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }>;
  edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void>;
  /**
   * Can this instance post to `platform` at all? An instance serving only
   * Discord shares the store with Slack-only ones; it must leave Slack's due
   * work to them rather than fail it. Absent means every platform.
   */
  serves?(platform: Platform): boolean;
}

/** The platforms whose queued work (briefings, quiz deadlines) this instance should take. */
export function platformsServed(poster: Poster): Platform[] {
  return PLATFORMS.filter((platform) => poster.serves?.(platform) ?? true);
}

export class PostError extends Error {
  constructor(
    message: string,
    /** The platform's own code: Discord 50013, Slack "channel_not_found", HTTP 503... */
    readonly code: string,
    /** True when retrying cannot help (channel deleted, bot removed, token revoked). */
    readonly permanent: boolean,
    /** Set on rate limits: how long the platform asked us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PostError';
  }
}
