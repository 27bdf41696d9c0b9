import type { webApi } from '@slack/bolt';
import type { PictureHost } from '../../core/picture-host.js';
import type { ChannelRef, Poster } from '../../core/poster.js';
import { PostError } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../core/store.js';
import { pictureLink } from '../../pictures/hosting.js';
import { postFile } from './deliver.js';
import { type RenderedReply, renderReply } from './render.js';

type WebClient = webApi.WebClient;

/** Slack error codes after which retrying cannot help: the channel or the installation is gone. */
const PERMANENT = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'token_revoked',
  'token_expired',
  'invalid_auth',
  'account_inactive',
  'message_not_found',
  'cant_update_message',
]);

/** How long a long choice action stays clickable once stashed (a quiz or a page outlives no week). */
const STASH_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function stashKey(token: string): string {
  return `slack:choice:${token}`;
}

/** Maps a @slack/web-api error onto the Poster contract: permanent or not, and Retry-After on 429. */
export function toPostError(error: unknown): PostError {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number };
  switch (e?.code) {
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      return new PostError(`Slack refused the message: ${code}`, code, PERMANENT.has(code));
    }
    case 'slack_webapi_rate_limited_error':
      return new PostError('Slack rate-limited the message', '429', false, (e.retryAfter ?? 1) * 1000);
    case 'slack_webapi_http_error':
      return new PostError(`Slack answered HTTP ${e.statusCode}`, String(e.statusCode ?? 'http_error'), false);
    default:
      return new PostError(
        `Slack could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        'request_error',
        false,
      );
  }
}

/** Keeps choice actions too long for a Block Kit value where any instance can find them on click. */
export async function saveStash(store: Store, rendered: RenderedReply): Promise<void> {
  await Promise.all(
    Object.entries(rendered.stash).map(([token, action]) => store.set(stashKey(token), action, STASH_TTL_MS)),
  );
}

/**
 * The Poster for Slack channels: chat.postMessage for new messages (the quiz
 * round, the reveal, a briefing), chat.update to edit one in place, and a
 * picture as an image block linking PUBLIC_URL, or else as a file upload.
 */
export class SlackPoster implements Poster {
  constructor(
    private readonly client: WebClient,
    private readonly store: Store,
    private readonly pictures?: PictureHost,
    /** Writes the commands a post mentions as this workspace's manifest answers them. */
    private readonly spell: (reply: Reply) => Reply = (reply) => reply,
  ) {}

  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    const rendered = renderReply(this.spell(reply), { imageUrl: await pictureLink(this.pictures, reply.image) });
    await saveStash(this.store, rendered);
    let messageId = '';
    try {
      // The last message carries the buttons, so it is the one a later edit() must reach.
      for (const message of rendered.messages) {
        const sent = await this.client.chat.postMessage({ channel: channel.channelId, ...message });
        messageId = sent.ts ?? messageId;
      }
      if (rendered.upload) await postFile(this.client, channel.channelId, rendered.upload);
    } catch (error) {
      throw toPostError(error);
    }
    return { messageId };
  }

  async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    const rendered = renderReply(this.spell(reply), {
      maxMessages: 1,
      imageUrl: await pictureLink(this.pictures, reply.image),
    });
    await saveStash(this.store, rendered);
    const [message] = rendered.messages;
    try {
      await this.client.chat.update({ channel: channel.channelId, ts: messageId, ...message! });
    } catch (error) {
      throw toPostError(error);
    }
  }
}
