import type { Platform } from './platform.js';
import { type ChannelRef, PostError, type Poster } from './poster.js';
import type { Reply } from './reply.js';

/**
 * The one Poster the engine and scheduler see: it hands each message to the
 * adapter of the channel's platform. Adapters register themselves at startup.
 */
export class RoutingPoster implements Poster {
  private readonly byPlatform = new Map<Platform, Poster>();

  register(platform: Platform, poster: Poster): void {
    this.byPlatform.set(platform, poster);
  }

  serves(platform: Platform): boolean {
    return this.byPlatform.has(platform);
  }

  private route(channel: ChannelRef): Poster {
    const poster = this.byPlatform.get(channel.platform);
    if (!poster) throw new PostError(`no ${channel.platform} adapter is running`, 'no-adapter', true);
    return poster;
  }

  post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    return this.route(channel).post(channel, reply);
  }

  edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    return this.route(channel).edit(channel, messageId, reply);
  }
}
