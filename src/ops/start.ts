import { type Config, platformsOf } from '../config.js';
import type { PictureHost } from '../core/picture-host.js';
import type { Store } from '../core/store.js';
import type { Logger } from '../log.js';
import { type PlatformRegistry, platforms as processPlatforms } from './health.js';
import { createOpsHandler, firstOf, type OpsServer, opsRoutes, type RequestHandler, startOpsServer } from './http.js';
import { type Lifecycle, lifecycle as processLifecycle } from './lifecycle.js';
import { type Metrics, metrics as processMetrics } from './metrics.js';
import { createPicturesHandler } from './pictures-route.js';

export interface RunningOps {
  /** /healthz, /metrics and (with PUBLIC_URL) /pictures/ as a plain Node handler. */
  handler: RequestHandler;
  /** The same, as Bolt customRoutes, for the Slack adapter to mount when it owns PORT. */
  routes: ReturnType<typeof opsRoutes>;
  /** Our own server, when Slack's HTTP receiver is not already listening on PORT. */
  server?: OpsServer;
}

/**
 * Brings up /healthz and /metrics on PORT. In Slack HTTP mode Bolt's
 * receiver already listens on PORT, so we serve nothing ourselves and the
 * Slack adapter mounts `routes`. In console-only mode the server is a
 * convenience, started only when PORT is set: it never keeps the process
 * alive, and a busy port is a warning, not a failure (two consoles on one
 * machine must both work).
 */
export async function startOps(options: {
  config: Config;
  store: Store;
  log: Logger;
  metrics?: Metrics;
  platforms?: PlatformRegistry;
  lifecycle?: Lifecycle;
  /** Serves /pictures/ too; the same host the adapters link pictures through. */
  pictures?: PictureHost;
}): Promise<RunningOps> {
  const lifecycle = options.lifecycle ?? processLifecycle;
  const ops = createOpsHandler({
    store: options.store,
    platforms: options.platforms ?? processPlatforms,
    metrics: options.metrics ?? processMetrics,
    lifecycle,
    log: options.log,
  });
  const handler = options.pictures ? firstOf(ops, createPicturesHandler(options.pictures, options.log)) : ops;
  const routes = opsRoutes(handler, ['/healthz', '/metrics', ...(options.pictures ? ['/pictures/:file'] : [])]);
  const mode = platformsOf(options.config);
  if (mode.slackMode === 'http') return { handler, routes };

  const consoleOnly = !mode.discord && !mode.slack;
  // A newcomer at the console has not asked for a server, and their port 3000 may be taken.
  if (consoleOnly && !options.config.portGiven) return { handler, routes };
  let server: OpsServer;
  try {
    server = await startOpsServer({ port: options.config.PORT, host: options.config.HOST, handler, log: options.log });
  } catch (error) {
    if (!consoleOnly) throw error;
    // The console is for a person at a terminal: the reason in words, not a stack.
    options.log.warn(
      { event: 'ops', port: options.config.PORT, reason: (error as Error).message },
      'could not serve /healthz and /metrics; the console runs without them',
    );
    return { handler, routes };
  }
  if (consoleOnly) server.unref();
  // Closed last: health probes should see "stopping" for as long as we run.
  lifecycle.onStop('close', 'ops-server', () => server.close());
  return { handler, routes, server };
}
