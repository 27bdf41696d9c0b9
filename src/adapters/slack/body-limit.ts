import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

/** The largest request body taken from Slack: its payloads are a few KB; 1 MB is ample. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long a client may take to send its headers, and its whole request, before the connection is closed. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;

function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(`${text}\n`);
  // Nothing of the body is read: the connection closes once the reply is out.
  req.socket.destroySoon?.();
}

/**
 * Wraps the receiver's listener so that an oversized body is refused
 * before anything buffers it: Bolt reads the whole body before it checks
 * the signature, so unsigned megabytes would otherwise sit in memory. A
 * body with no declared length (chunked) is refused too; Slack always
 * declares it.
 */
export function limitBodies(inner: RequestListener, max = MAX_BODY_BYTES): RequestListener {
  return (req, res) => {
    if (req.method === 'POST' || req.method === 'PUT') {
      const declared = req.headers['content-length'];
      if (declared === undefined) return refuse(req, res, 411, 'a Content-Length is required');
      if (!/^\d+$/.test(declared) || Number(declared) > max)
        return refuse(req, res, 413, `request bodies are limited to ${max} bytes`);
    }
    return inner(req, res);
  };
}

/** A request that trickles in, or headers that never end, are cut off rather than held open. */
export function boundTimeouts(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
}
