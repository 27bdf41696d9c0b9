import { commands } from '../commands/index.js';
import { runConsole } from './adapters/console/run.js';
import { createDiscordAdapter } from './adapters/discord/client.js';
import { reportDiscordConnection } from './adapters/discord/connection.js';
import { startSlack } from './adapters/slack/index.js';
import { type Config, platformsOf } from './config.js';
import { loadPack } from './content/load.js';
import type { Services } from './core/command.js';
import { RoutingPoster } from './core/routing-poster.js';
import type { Logger } from './log.js';
import { backgroundIn } from './ops/background.js';
import { platforms as platformRegistry } from './ops/health.js';
import { exitOnSignals, lifecycle } from './ops/lifecycle.js';
import { metrics } from './ops/metrics.js';
import { keepServingOnRejections } from './ops/process-faults.js';
import { startOps } from './ops/start.js';
import { meterServices } from './ops/wiring.js';
import { pictureHostFor } from './pictures/hosting.js';
import { startSchedulers } from './schedule/index.js';
import { runShardManager } from './shard/run.js';
import { createStore } from './store/create.js';

export interface MainOptions {
  log: Logger;
  /** For the console adapter. */
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  write: (text: string) => void;
}

/** Everything commands use, built once. An invalid pack throws its file:line problems here. */
export async function buildServices(config: Config, log: Logger): Promise<Services & { poster: RoutingPoster }> {
  const pack = await loadPack(config.CONTENT_DIR);
  const store = await createStore(config, { logger: log });
  return {
    pack,
    store,
    now: () => new Date(),
    poster: new RoutingPoster(),
    log,
    pictures: pictureHostFor(config, store),
    quizCountEveryMs: config.QUIZ_COUNT_EVERY_MS,
  };
}

/**
 * The composition root: services, the quiz clock, then the adapters the
 * configuration asks for. With no platform token, the console serves.
 * Resolves when the console reaches end of input; platform adapters keep
 * the process alive until a signal.
 */
export async function main(config: Config, options: MainOptions): Promise<void> {
  const { log } = options;
  // SHARDS=auto|N: this process spawns the Discord shards and serves /healthz; each shard runs the rest.
  if (config.SHARDS !== undefined) return runShardManager(config, log);
  const services = await buildServices(config, log);
  // The quiz clock (each second) and the briefing tick (each minute).
  // Briefings sent/failed and active games go to /metrics (src/ops/wiring.ts).
  const clock = startSchedulers(services, log, meterServices(services));
  const shutdown = async () => {
    await clock.stop();
    await services.store.close();
  };
  // SIGTERM/SIGINT: stop intake, let replies in flight finish, stop the clock,
  // close the store, exit 0, all within 10 s (src/ops/lifecycle.ts).
  lifecycle.onStop('drain', 'quiz-clock', () => clock.stop());
  lifecycle.onStop('close', 'store', () => services.store.close());
  exitOnSignals({ log });
  keepServingOnRejections(log);
  metrics.allowCommands(commands.map((c) => c.name));
  // /healthz and /metrics on PORT. In Slack HTTP mode Bolt owns PORT and this
  // serves nothing itself: pass the result's `routes` to startSlack's `routes`.
  const ops = await startOps({ config, store: services.store, log, pictures: services.pictures });

  // Platform adapters start here, each registering its Poster.
  const { discord, slack } = platformsOf(config);
  // A platform click's reply does not wait for the round close it sets off; the console's turns stay in order.
  if (discord || slack) services.background = backgroundIn(lifecycle, log);
  if (discord) {
    const adapter = createDiscordAdapter(config, services.store, log, {
      commands,
      pictures: services.pictures,
      lifecycle,
      metrics,
    });
    // Registered before login, so a quiz round posted by the clock right after READY finds it.
    services.poster.register('discord', adapter.poster);
    reportDiscordConnection(adapter.client, platformRegistry);
    lifecycle.onStop('intake', 'discord-intake', () => adapter.stopIntake());
    lifecycle.onStop('close', 'discord', () => adapter.stop());
    await adapter.start(services);
  }
  if (slack) {
    services.poster.register(
      'slack',
      (
        await startSlack(services, config, log, {
          routes: ops.routes,
          commands,
          lifecycle,
          health: platformRegistry,
          metrics,
        })
      ).poster,
    );
  }
  const platforms = discord || slack;

  if (!platforms) {
    lifecycle.onStop('intake', 'console-input', () => {
      options.input.pause();
    });
    try {
      await runConsole(
        services,
        {
          input: options.input,
          write: options.write,
          interactive: Boolean(options.input.isTTY),
          commands,
          picturesDir: config.PICTURES_DIR,
        },
        log,
      );
    } finally {
      await shutdown();
    }
    return;
  }
}
