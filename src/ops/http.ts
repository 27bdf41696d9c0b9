import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import { checkHealth, type HealthDeps } from './health.js';
import type { Metrics } from './metrics.js';
import { asPortError } from './port-error.js';

/** Handles the request and returns true, or returns false to let another handler have it. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface OpsDeps extends HealthDeps {
  metrics: Metrics;
  log: Logger;
}

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
}

/** A short plain-text answer (an error, a refusal); `head` leaves the body out. */
export function sendText(res: ServerResponse, status: number, text: string, head: boolean): void {
  send(res, status, 'text/plain; charset=utf-8', text, head);
}

/** Answers 405 to anything but GET and HEAD; true when it did. */
export function refusedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  res.setHeader('allow', 'GET, HEAD');
  sendText(res, 405, 'method not allowed\n', false);
  return true;
}

/**
 * GET /healthz (200 healthy, 503 otherwise; a JSON body saying why) and
 * GET /metrics (Prometheus text). A plain Node handler so it can run on its
 * own server or be mounted inside Slack's Bolt receiver on the same port.
 */
export function createOpsHandler(deps: OpsDeps): RequestHandler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path !== '/healthz' && path !== '/metrics') return false;
    if (refusedMethod(req, res)) return true;
    const head = req.method === 'HEAD';
    const answer =
      path === '/healthz'
        ? checkHealth(deps).then((health) =>
            send(res, health.status === 'ok' ? 200 : 503, 'application/json', `${JSON.stringify(health)}\n`, head),
          )
        : deps.metrics.text().then((text) => send(res, 200, deps.metrics.contentType, text, head));
    answer.catch((error: unknown) => {
      deps.log.error({ err: error, path }, 'ops endpoint failed');
      if (!res.headersSent) sendText(res, 500, 'internal error\n', head);
      else res.destroy();
    });
    return true;
  };
}

/** Offers each request to the handlers in turn; the first that takes it answers. */
export function firstOf(...handlers: RequestHandler[]): RequestHandler {
  return (req, res) => handlers.some((handler) => handler(req, res));
}

/**
 * The same endpoints as Bolt `customRoutes` entries (`{ path, method, handler }`),
 * for when the Slack adapter's HTTPReceiver already owns PORT. Paths are in
 * path-to-regexp form, as Bolt matches them.
 */
export function opsRoutes(
  handler: RequestHandler,
  paths: readonly string[] = ['/healthz', '/metrics'],
): {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}[] {
  return paths.map((path) => ({
    path,
    method: ['GET', 'HEAD'],
    // Bolt matches routes ignoring case and a trailing slash ("/HEALTHZ", "/metrics/"); the handler matches
    // exactly and declines those, and a declined request must still be answered, not left hanging.
    handler: (req: IncomingMessage, res: ServerResponse) => {
      if (!handler(req, res)) sendText(res, 404, 'not found\n', req.method === 'HEAD');
    },
  }));
}

export interface OpsServer {
  port: number;
  /** Lets the process exit while the server is still listening. */
  unref(): void;
  close(): Promise<void>;
}

/** Serves `handler` on host:port (port 0 picks a free one); anything it declines gets a 404. */
export async function startOpsServer(options: {
  port: number;
  host: string;
  handler: RequestHandler;
  log: Logger;
}): Promise<OpsServer> {
  const server = createServer((req, res) => {
    if (!options.handler(req, res)) sendText(res, 404, 'not found\n', req.method === 'HEAD');
  });
  // Probes and scrapers reconnect each time; don't let idle keep-alive sockets hold a shutdown open.
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => reject(asPortError(error, options.port, options.host));
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info({ event: 'ops', host: options.host, port }, 'serving /healthz and /metrics');
  return {
    port,
    unref: () => server.unref(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
