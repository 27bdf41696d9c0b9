import { DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from 'discord.js';
import type { PictureHost } from '../../core/picture-host.js';
import { type ChannelRef, PostError, type Poster } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../core/store.js';
import { pictureLink } from '../../pictures/hosting.js';
import { rememberLongActions } from './long-actions.js';
import { NO_MENTIONS } from './payload.js';
import { type DiscordMessage, renderReply } from './render.js';

/**
 * Discord codes after which retrying cannot help: Unknown Channel, Missing
 * Access, Missing Permissions, and Unknown Message (for edits of a deleted one).
 */
const PERMANENT_CODES = new Set([10003, 50001, 50013, 10008]);

/** Only channel message routes reject on a 429, so the caller (the scheduler) decides when to retry. */
export function rejectChannelRateLimits(data: { route: string }): boolean {
  return data.route.startsWith('/channels/');
}

export function toPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  if (error instanceof RateLimitError) {
    return new PostError('Discord rate limit', '429', false, Math.max(error.retryAfter, error.timeToReset, 0));
  }
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    // Any other 4xx is a request Discord will refuse again (bad token, bad body): also permanent.
    const permanent = PERMANENT_CODES.has(code) || (error.status >= 400 && error.status < 500 && error.status !== 429);
    return new PostError(`Discord refused: ${error.message}`, String(code || error.status), permanent);
  }
  if (error instanceof HTTPError) {
    return new PostError(`Discord answered ${error.status}`, String(error.status), error.status < 500);
  }
  // Network trouble: connection refused or reset, or a timeout.
  return new PostError(
    `Discord unreachable: ${error instanceof Error ? error.message : String(error)}`,
    'network',
    false,
  );
}

function body(message: DiscordMessage) {
  return {
    body: {
      content: message.content ?? '',
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: NO_MENTIONS,
      attachments: message.files.map((f, id) => ({ id, filename: f.name, description: f.description })),
    },
    files: message.files.map((f, id) => ({ key: `files[${id}]`, name: f.name, data: Buffer.from(f.data) })),
  };
}

/**
 * Posts and edits channel messages over REST (quiz rounds, reveals,
 * briefings). Uses the client's REST so it shares its rate-limit buckets.
 * A long reply becomes several messages; the id returned is the first's.
 */
export class DiscordPoster implements Poster {
  constructor(
    private readonly rest: REST,
    private readonly store: Store,
    private readonly pictures?: PictureHost,
  ) {}

  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    const { messages, longActions } = renderReply(reply, { imageUrl: await pictureLink(this.pictures, reply.image) });
    await rememberLongActions(this.store, longActions);
    let firstId: string | undefined;
    try {
      for (const message of messages) {
        const sent = (await this.rest.post(Routes.channelMessages(channel.channelId), body(message))) as { id: string };
        firstId ??= sent.id;
      }
    } catch (error) {
      throw toPostError(error);
    }
    return { messageId: firstId as string };
  }

  /** Edits in place: the new reply is fitted into that one message. */
  async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    const imageUrl = await pictureLink(this.pictures, reply.image);
    const { messages, longActions } = renderReply(reply, { single: true, imageUrl });
    await rememberLongActions(this.store, longActions);
    try {
      await this.rest.patch(Routes.channelMessage(channel.channelId, messageId), body(messages[0] as DiscordMessage));
    } catch (error) {
      throw toPostError(error);
    }
  }
}
