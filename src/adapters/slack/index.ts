import type { Config } from '../../config.js';
import type { Services } from '../../core/command.js';
import type { Logger } from '../../log.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from './app.js';

export { createSlackApp, type SlackApp, type SlackAppOptions } from './app.js';
export { SlackPoster } from './poster.js';

/**
 * Serves Slack as configured: HTTP on PORT (POST /slack/events) by default,
 * Socket Mode when SLACK_APP_TOKEN is set. Called by main when
 * SLACK_BOT_TOKEN is set; the returned poster goes into the combined Poster.
 */
export async function startSlack(
  services: Services,
  config: Config,
  logger: Logger,
  extra: Pick<SlackAppOptions, 'routes' | 'commands' | 'lifecycle' | 'health' | 'metrics'>,
): Promise<SlackApp> {
  if (!config.SLACK_BOT_TOKEN) throw new Error('startSlack needs SLACK_BOT_TOKEN');
  const slack = createSlackApp(services, {
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    apiUrl: config.SLACK_API_URL,
    logger,
    routes: extra.routes,
    commands: extra.commands,
    commandStyle: config.SLACK_COMMANDS,
    lifecycle: extra.lifecycle,
    health: extra.health,
    metrics: extra.metrics,
  });
  await slack.start({ port: config.PORT, host: config.HOST });
  // Last, with the other connections: in HTTP mode this server also answers /healthz during the stop.
  extra.lifecycle.onStop('close', 'slack', () => slack.stop());
  logger.info(
    config.SLACK_APP_TOKEN
      ? { platform: 'slack', mode: 'socket' }
      : { platform: 'slack', mode: 'http', port: config.PORT, path: '/slack/events' },
    'slack connected',
  );
  return slack;
}
