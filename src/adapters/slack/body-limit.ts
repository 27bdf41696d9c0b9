import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';

/** The largest request body taken from Slack: its payloads are a few KB; 1 MB is ample. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long a client may take to send its headers, and its whole request, before the connection is closed. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
/** How long a kept-alive connection may sit idle between requests, and any socket without traffic at all. */
export const KEEP_ALIVE_IDLE_MS = 5_000;
export const SOCKET_IDLE_MS = 30_000;

function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(`${text}\n`);
  // Nothing of the body is read: the connection closes once the reply is out.
  req.socket.destroySoon?.();
}

/**
 * Does the body parse to what Bolt reads fields from: an object? Slack
 * sends a form (a slash command, or a `payload` of JSON) or JSON. A
 * signed `payload=null` parses to null, and Bolt then reads `null.ssl_check`
 * in a promise nothing awaits: no answer, and a crash without a handler.
 */
export function wellFormed(body: string, contentType: string | undefined): boolean {
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parse(body);
      return typeof payload !== 'string' || isObject(JSON.parse(payload));
    }
    return isObject(JSON.parse(body));
  } catch {
    return false;
  }
}

/** The whole body, read once: Bolt takes a request whose `rawBody` is set as already read. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Wraps the receiver's listener so that an oversized body is refused
 * before anything buffers it: Bolt reads the whole body before it checks
 * the signature, so unsigned megabytes would otherwise sit in memory. A
 * body with no declared length (chunked) is refused too; Slack always
 * declares it. A body within the limit is read here and checked for shape,
 * so a malformed one gets 400 instead of reaching Bolt's parser.
 */
export function limitBodies(inner: RequestListener, max = MAX_BODY_BYTES): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' && req.method !== 'PUT') return inner(req, res);
    const declared = req.headers['content-length'];
    if (declared === undefined) return refuse(req, res, 411, 'a Content-Length is required');
    if (!/^\d+$/.test(declared) || Number(declared) > max)
      return refuse(req, res, 413, `request bodies are limited to ${max} bytes`);
    readBody(req).then(
      (body) => {
        if (!wellFormed(body.toString(), req.headers['content-type']))
          return refuse(req, res, 400, 'the request body is not a Slack payload');
        Object.assign(req, { rawBody: body });
        return inner(req, res);
      },
      // The client went away mid-body: nothing to answer.
      () => req.socket.destroy(),
    );
  };
}

/** A request that trickles in, headers that never end, or a connection left idle are cut off rather than held open. */
export function boundTimeouts(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_IDLE_MS;
  server.setTimeout(SOCKET_IDLE_MS, (socket) => socket.destroy());
}
