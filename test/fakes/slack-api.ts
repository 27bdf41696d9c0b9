import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API method call, a response_url post, or a file upload. */
export interface RecordedCall {
  /** `chat.postMessage`, `respond`, `upload`... */
  method: string;
  /** Decoded body: JSON or form fields (`blocks` and other JSON-valued fields parsed). */
  body: Record<string, unknown>;
  /** For `respond`: which response_url was used. */
  path: string;
  /** Bearer token the caller sent (Web API only). */
  token?: string;
  at: number;
}

/** A button (or other element) in an actions block of a message Chronicle sent. */
export interface SlackButton {
  type: string;
  value: string;
  action_id: string;
  text?: { text: string };
}

/** The elements of every actions block in a recorded message, in order. */
export function buttonsOf(call: RecordedCall): SlackButton[] {
  const blocks = call.body.blocks as { type: string; elements?: SlackButton[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

/** Matches a chat.postMessage whose text matches `pattern`. */
export const isPost = (pattern: RegExp) => (c: RecordedCall) =>
  c.method === 'chat.postMessage' && pattern.test(String(c.body.text));

type Failure = { error: string } | { status: number; retryAfter?: number };

/** An image Slack fetched because a message linked it (an image block's image_url). */
export interface FetchedImage {
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

function imageUrlsIn(body: Record<string, unknown>): string[] {
  const blocks = Array.isArray(body.blocks) ? (body.blocks as { type?: string; image_url?: unknown }[]) : [];
  return blocks.filter((b) => b.type === 'image' && typeof b.image_url === 'string').map((b) => b.image_url as string);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decode(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (type.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      // @slack/web-api sends arrays and objects (blocks, attachments) as JSON strings in a form.
      out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
    }
    return out;
  }
  return { bytes: raw.length };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * A local stand-in for slack.com: the Web API under /api/, response_urls
 * under /respond/, and file upload URLs under /upload/. Every call is
 * recorded so a test can assert what the real Bolt/web-api code sent.
 * Listens on 127.0.0.1 only.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  /** False for a benchmark: calls are answered and waiters resolved, but not kept (an upload a call would pile up). */
  keepRecords = true;
  /** users.info answers: user id → is_admin. Unknown users are plain members. */
  readonly admins = new Set<string>();
  /** Images fetched for image blocks, in order; Slack refuses a message whose image it cannot fetch. */
  readonly fetchedImages: FetchedImage[] = [];
  /**
   * What apps.connections.open hands a Socket Mode client (a FakeSlackSocket's `url`). Unset, it answers
   * invalid_auth, an error the client gives up on at once instead of retrying.
   */
  socketUrl?: string;
  private server?: Server;
  private port = 0;
  private nextTs = 1_700_000_000;
  private nextFile = 1;
  private readonly failures = new Map<string, Failure[]>();
  private readonly waiters: { test: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** In @slack/web-api's `slackApiUrl` form. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url, as Slack puts in each command and interaction payload. */
  responseUrl(id: string | number): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** Makes the next call of `method` fail: with a platform error, or an HTTP status (429 with Retry-After). */
  failNext(method: string, failure: Failure): void {
    const list = this.failures.get(method) ?? [];
    list.push(failure);
    this.failures.set(method, list);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or still to come) matching `test`. */
  waitFor(test: (c: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiters.findIndex((w) => w.resolve === done);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`no matching Slack call within ${timeoutMs} ms; saw: ${this.calls.map((c) => c.method)}`));
      }, timeoutMs);
      const done = (call: RecordedCall) => {
        clearTimeout(timer);
        resolve(call);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** Waits until `count` calls match `test`. */
  async waitForCount(test: (c: RecordedCall) => boolean, count: number, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.filter(test);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`expected ${count} matching Slack calls, saw ${found.length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private record(call: RecordedCall): void {
    if (this.keepRecords) this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const body = decode(req, raw);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };

    if (url.pathname.startsWith('/respond/')) {
      this.record({ method: 'respond', body, path: url.pathname, at: Date.now() });
      if (!(await this.fetchImages(body))) return json(400, { ok: false, error: 'invalid_blocks' });
      return json(200, { ok: true });
    }
    if (url.pathname.startsWith('/upload/')) {
      this.record({ method: 'upload', body, path: url.pathname, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    this.record({ method, body, path: url.pathname, token, at: Date.now() });

    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
      return json(failure.status, { ok: false, error: 'ratelimited' }, headers);
    }
    if (failure) return json(200, { ok: false, error: failure.error });
    if (method.startsWith('chat.') && !(await this.fetchImages(body))) {
      return json(200, { ok: false, error: 'invalid_blocks', errors: ['downloading image failed'] });
    }
    json(200, this.answer(method, body));
  }

  /** Fetches every image a message links, as Slack does before accepting it; false when one is not an image. */
  async fetchImages(body: Record<string, unknown>): Promise<boolean> {
    let ok = true;
    for (const imageUrl of imageUrlsIn(body)) {
      const res = await fetch(imageUrl).catch(() => undefined);
      const bytes = res?.ok ? new Uint8Array(await res.arrayBuffer()) : new Uint8Array();
      const contentType = res?.headers.get('content-type') ?? '';
      this.fetchedImages.push({ url: imageUrl, status: res?.status ?? 0, contentType, bytes });
      if (!res?.ok || !/^image\/(png|jpeg|gif)$/.test(contentType)) ok = false;
    }
    return ok;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'chat.postMessage': {
        const ts = `${this.nextTs++}.000100`;
        return { ok: true, channel: body.channel, ts, message: { ts, text: body.text } };
      }
      case 'auth.test':
        // What Bolt asks at startup when it is not told its bot ids.
        return {
          ok: true,
          url: 'https://chronicle-test.slack.com/',
          team: 'Test',
          team_id: 'T0TEAM',
          user: 'chronicle',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'apps.connections.open':
        // Slack answers with a fresh single-use WebSocket URL; the token is recorded with the call.
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'views.open':
        // Slack answers with the opened view, its id added; a modal is submitted later as a view_submission.
        return { ok: true, view: { ...(body.view as Record<string, unknown>), id: `V${this.nextTs++}` } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs++}.000200` };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, name: id.toLowerCase(), is_admin: this.admins.has(id), is_owner: false } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${this.nextFile++}`;
        return { ok: true, file_id: id, upload_url: `http://127.0.0.1:${this.port}/upload/${id}` };
      }
      case 'files.completeUploadExternal': {
        const files = (body.files as { id: string; title?: string }[] | undefined) ?? [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: true };
    }
  }
}
