import { Client, DefaultRestOptions, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Config } from '../../config.js';
import type { Command, Services } from '../../core/command.js';
import type { PictureHost } from '../../core/picture-host.js';
import type { Store } from '../../core/store.js';
import type { Logger } from '../../log.js';
import type { Lifecycle } from '../../ops/lifecycle.js';
import type { Metrics } from '../../ops/metrics.js';
import { createInteractionHandler } from './interactions.js';
import { NO_MENTIONS } from './payload.js';
import { DiscordPoster, rejectChannelRateLimits } from './poster.js';

/**
 * A kept-alive connection that the server closes as a request goes out fails
 * with EPIPE, or with "other side closed" (UND_ERR_SOCKET). discord.js
 * retries only ECONNRESET, so these are passed on as one when sending again
 * is safe: a write that broke (EPIPE) never reached Discord, and an
 * interaction callback sent twice is refused the second time ("already
 * acknowledged"). A user whose reply is lost sees "interaction failed".
 */
export const makeRequestRetryingBrokenPipes: RESTOptions['makeRequest'] = async (url, init) => {
  try {
    return await DefaultRestOptions.makeRequest(url, init);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const brokenPipe = code === 'EPIPE';
    const closedOnCallback = code === 'UND_ERR_SOCKET' && /\/interactions\/\d+\/[^/]+\/callback/.test(url);
    if (brokenPipe || closedOnCallback) {
      throw Object.assign(new Error(`ECONNRESET (${String(code)})`), { code: 'ECONNRESET' });
    }
    throw error;
  }
};

/**
 * The Guilds intent is all slash commands and buttons need; no privileged
 * intents, so the bot works without Discord's review. REST goes to
 * DISCORD_API_URL, and the gateway URL comes from its GET /gateway/bot.
 */
export function createDiscordClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: {
      api: config.DISCORD_API_URL,
      rejectOnRateLimit: rejectChannelRateLimits,
      makeRequest: makeRequestRetryingBrokenPipes,
    },
    allowedMentions: NO_MENTIONS,
  });
}

export interface DiscordAdapter {
  client: Client;
  /** Register this in the combined Poster for ChannelRef.platform === 'discord'. */
  poster: DiscordPoster;
  /** Logs in and resolves once the gateway says READY. */
  start(services: Services): Promise<void>;
  /** First step of a graceful stop: new interactions get a "restarting" note; replies in flight finish. */
  stopIntake(): void;
  /** Disconnects; after this the Poster cannot post either. */
  stop(): Promise<void>;
}

export interface DiscordAdapterOptions {
  /** What it serves: the entry point passes the registry; tests pass their own to add a slow command. */
  commands: readonly Command[];
  deferAfterMs?: number;
  /** Past this, a reply that uploads a picture is acknowledged first (see DEFAULT_UPLOAD_DEFER_AFTER_MS). */
  uploadDeferAfterMs?: number;
  /** Shows pictures by link (PUBLIC_URL) in replies and posts, instead of attaching them. */
  pictures?: PictureHost;
  /** So a graceful stop waits for the replies in flight. */
  lifecycle: Lifecycle;
  /** Where each interaction is counted; the process's metrics unless given. */
  metrics?: Metrics;
}

/**
 * The adapter before it connects, so its Poster can go into Services (which
 * the interaction handler then uses) before login.
 */
export function createDiscordAdapter(
  config: Config,
  store: Store,
  logger: Logger,
  options: DiscordAdapterOptions,
): DiscordAdapter {
  const client = createDiscordClient(config);
  const poster = new DiscordPoster(client.rest, store, options.pictures);
  const log = logger.child({ adapter: 'discord' });
  let accepting = true;
  return {
    client,
    poster,
    async start(services) {
      if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
      const handle = createInteractionHandler({
        commands: options.commands,
        services,
        logger: log,
        deferAfterMs: options.deferAfterMs,
        uploadDeferAfterMs: options.uploadDeferAfterMs,
        accepting: () => accepting,
        lifecycle: options.lifecycle,
        metrics: options.metrics,
      });
      client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
      client.on(Events.Error, (error) =>
        log.error({ err: { type: error.name, message: error.message } }, 'discord client error'),
      );
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.DISCORD_TOKEN);
      await ready;
      log.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'discord ready');
    },
    stopIntake() {
      accepting = false;
    },
    async stop() {
      accepting = false;
      await client.destroy();
    },
  };
}
