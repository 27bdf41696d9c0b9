import type { Server } from 'node:http';
import { App, type CustomRoute, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Command, Services } from '../../core/command.js';
import type { Logger } from '../../log.js';
import type { PlatformRegistry } from '../../ops/health.js';
import { type Lifecycle, RESTARTING } from '../../ops/lifecycle.js';
import type { Metrics } from '../../ops/metrics.js';
import { asPortError } from '../../ops/port-error.js';
import { actionHandler } from './actions.js';
import { boundTimeouts, limitBodies } from './body-limit.js';
import { boltLogger } from './bolt-logger.js';
import { AdminLookup } from './caller.js';
import { type SlackCommandStyle, slackSpelling } from './command-names.js';
import { boxError } from './modal.js';
import { SlackPoster } from './poster.js';
import { replayGuard, requestHeaders } from './replay-guard.js';
import { routeRequests } from './route.js';
import { slashHandler } from './slash.js';
import { reportSocketConnection } from './socket-health.js';
import { submissionHandler } from './submission.js';

export interface SlackAppOptions {
  botToken: string;
  /** HTTP mode: verifies each request's signature. */
  signingSecret?: string;
  /** Socket Mode when set (xapp-...). */
  appToken?: string;
  /** Web API base in @slack/web-api's slackApiUrl form; Slack's own when unset. */
  apiUrl?: string;
  logger: Logger;
  /** What it serves: the entry point passes the registry in commands/. */
  commands: readonly Command[];
  /**
   * Known bot identity: when both are given Bolt skips auth.test at startup
   * (tests and the benchmark, which have no Slack to ask).
   */
  botId?: string;
  botUserId?: string;
  /** Web API retries; 0 in tests so a failure shows at once. */
  retries?: number;
  /** How long a command may take before the ack goes out empty; well inside Slack's 3 s. */
  ackBudgetMs?: number;
  /** Extra HTTP routes served beside /slack/events in HTTP mode (e.g. /healthz). */
  routes?: CustomRoute[];
  /** How the manifest registers the commands (SLACK_COMMANDS); replies name commands the same way. */
  commandStyle?: SlackCommandStyle;
  /** So a graceful stop refuses new work and waits for the replies in flight. */
  lifecycle: Lifecycle;
  /** Where the app says whether it is connected, for /healthz. */
  health: PlatformRegistry;
  /** Where each interaction is counted; the process's metrics unless given. */
  metrics?: Metrics;
}

export interface SlackApp {
  app: App;
  /** Posts and edits through its own client, which reports 429s instead of waiting on them. */
  poster: SlackPoster;
  /** HTTP mode: listens (port 0 picks a free one). Socket Mode: connects. */
  start(listen?: { port: number; host?: string }): Promise<Server | undefined>;
  stop(): Promise<void>;
}

/**
 * The Bolt app: HTTP mode (POST /slack/events, signed requests) unless an
 * app token asks for Socket Mode. Commands, choices and posting all go
 * through the shared core; nothing here knows what a command does.
 */
export function createSlackApp(services: Services, options: SlackAppOptions): SlackApp {
  const socketMode = options.appToken !== undefined;
  const knownBot = options.botId !== undefined && options.botUserId !== undefined;
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
  };
  // Made here rather than by Bolt so its connection's ups and downs reach /healthz.
  const socketReceiver = socketMode
    ? new SocketModeReceiver({
        appToken: options.appToken as string,
        logger: boltLogger(options.logger),
        // The Socket Mode client opens its connection with its own WebClient, configured only from here.
        // A copy: that client writes its own 100-try reconnect policy into the options it is given,
        // which would otherwise leak into the poster's client built from `clientOptions` below.
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : undefined;
  if (socketReceiver) reportSocketConnection(socketReceiver.client, options.health);
  // Made here so the replay guard can read the signature headers of each request.
  const httpReceiver = socketReceiver
    ? undefined
    : new HTTPReceiver({
        signingSecret: options.signingSecret as string,
        customRoutes: options.routes,
        logger: boltLogger(options.logger),
        customPropertiesExtractor: (request) => requestHeaders(request),
      });
  if (httpReceiver) httpReceiver.requestListener = limitBodies(httpReceiver.requestListener);
  const app = new App({
    token: options.botToken,
    receiver: socketReceiver ?? httpReceiver,
    ...(knownBot ? { botId: options.botId, botUserId: options.botUserId, tokenVerificationEnabled: false } : {}),
    logger: boltLogger(options.logger),
    clientOptions,
    // Bolt's conversation store keeps state in this process's memory, which several instances cannot share;
    // Chronicle keeps its state in its own Store and never reads it, and it cost a thrown Error per request.
    convoStore: false,
  });

  app.use(replayGuard(services.store, options.logger));
  const { commands } = options;
  const spell = slackSpelling(commands, options.commandStyle ?? 'namespaced');
  const admins = new AdminLookup(app.client, options.logger);
  const { lifecycle, health, metrics } = options;
  const onCommand = slashHandler({
    services,
    spell,
    commands,
    admins,
    logger: options.logger,
    metrics,
    ackBudgetMs: options.ackBudgetMs ?? 2_000,
  });
  const onChoice = actionHandler({ services, spell, commands, admins, logger: options.logger, metrics });
  const onSubmission = submissionHandler({ services, spell, commands, admins, logger: options.logger, metrics });
  // Once a graceful stop begins, new work is refused politely; work in flight is tracked so the stop waits for it.
  app.use(
    routeRequests({
      async command(args) {
        if (!lifecycle.accepting) return args.ack({ response_type: 'ephemeral', text: RESTARTING });
        await lifecycle.track(onCommand(args));
      },
      async choice(args) {
        if (!lifecycle.accepting) {
          await args.ack();
          await args.respond({ response_type: 'ephemeral', replace_original: false, text: RESTARTING });
          return;
        }
        await lifecycle.track(onChoice(args));
      },
      async submission(args) {
        if (!lifecycle.accepting) {
          await args.ack(boxError(RESTARTING));
          return;
        }
        await lifecycle.track(onSubmission(args));
      },
    }),
  );
  app.error(async (error) => {
    options.logger.error({ err: error, platform: 'slack' }, 'slack request failed inside Bolt');
  });

  const posterClient = new webApi.WebClient(options.botToken, {
    ...clientOptions,
    rejectRateLimitedCalls: true,
    logger: boltLogger(options.logger),
  });
  const poster = new SlackPoster(posterClient, services.store, services.pictures, spell);

  return {
    app,
    poster,
    async start(listen) {
      health.report('slack', 'connecting');
      if (socketMode) {
        await app.start();
        health.report('slack', 'connected');
        return undefined;
      }
      const where = listen ?? { port: 3000 };
      let server: Server;
      try {
        server = (await app.start(where)) as Server;
      } catch (error) {
        throw asPortError(error, where.port ?? 3000, where.host ?? '0.0.0.0');
      }
      boundTimeouts(server);
      health.report('slack', 'connected');
      return server;
    },
    async stop() {
      health.forget('slack');
      await app.stop();
    },
  };
}
