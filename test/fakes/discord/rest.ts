import type { IncomingMessage, ServerResponse } from 'node:http';
import { BOT_USER } from './gateway.js';

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One REST call as the fake received it; `path` is relative to /api/v10. */
export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  /** JSON body, or the payload_json part of a multipart body. */
  body: Record<string, unknown> | unknown[] | undefined;
  files: RecordedFile[];
  status: number;
  /** What the fake answered (a created message carries its id). */
  response: unknown;
  /** performance.now() when the request's last byte arrived. */
  at: number;
}

/** A canned failure: the next `times` requests matching method and path get this response. */
export interface InjectedFailure {
  method?: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
  /** Drop the connection before reading the request instead of answering: a network failure. */
  hangUp?: boolean;
}

type Reply = { status: number; payload?: unknown; headers?: Record<string, string> };

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  flags: number;
  [key: string]: unknown;
}

/** A message the bot posted, as the API returns it: `fields` over an empty one. */
export function botMessage(id: string, channelId: string, fields: Partial<FakeMessage> = {}): FakeMessage {
  return {
    id,
    channel_id: channelId,
    type: 0,
    author: BOT_USER,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    ...fields,
  };
}

async function readBody(
  req: IncomingMessage,
): Promise<{ body: RecordedRequest['body']; files: RecordedFile[]; at: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  // When the last byte arrived: the fake's own parsing below is not the sender's time.
  const at = performance.now();
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [], at };
  if (type.startsWith('multipart/form-data')) {
    // The platform's own multipart parser, so the fake reads exactly what discord.js sent.
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: raw })
      .formData()
      .catch((error: unknown) => {
        throw new Error(`unparseable multipart body: ${String(error)}`);
      });
    const files: RecordedFile[] = [];
    let body: RecordedRequest['body'];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({
          field,
          name: value.name,
          contentType: value.type,
          bytes: new Uint8Array(await value.arrayBuffer()),
        });
      }
    }
    return { body, files, at };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [], at };
}

let snowflake = 1_300_000_000_000_000_000n;
export function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

/**
 * The REST half of the fake: records every call, answers the routes
 * Chronicle uses the way Discord does, and plays back injected failures.
 */

/** An attachment as Discord reports it once uploaded. */
interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  description?: string;
}

/** A new upload named by the request: `id` is the file's index among the request's files. */
function uploaded(
  a: { id?: string | number; filename?: string; description?: string },
  channelId: string,
  files: RecordedFile[],
): FakeAttachment {
  const file = files[Number(a.id)];
  const filename = a.filename ?? file?.name ?? 'file';
  const id = nextSnowflake();
  return {
    id,
    filename,
    size: file?.bytes.length ?? 0,
    url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${filename}`,
    proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${filename}`,
    ...(a.description === undefined ? {} : { description: a.description }),
  };
}

const ATTACHMENT_REF = 'attachment://';

/**
 * As Discord shows a message: an embed image naming `attachment://<file>`
 * points at that attachment's CDN address, and an attachment an embed shows
 * is left out of the message's `attachments` (Discord documents this). A
 * reference to no attachment stays as it was, which a test can see.
 */
function shown(message: FakeMessage, all: FakeAttachment[]): void {
  const used = new Set<string>();
  message.embeds = (message.embeds as Record<string, unknown>[]).map((embed) => {
    const image = embed.image as { url?: string } | undefined;
    if (!image?.url?.startsWith(ATTACHMENT_REF)) return embed;
    const file = all.find((a) => a.filename === image.url?.slice(ATTACHMENT_REF.length));
    if (!file) return embed;
    used.add(file.id);
    return { ...embed, image: { url: file.url, proxy_url: file.proxy_url } };
  });
  message.attachments = all.filter((a) => !used.has(a.id));
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, FakeMessage>();
  /** Registered application commands, by scope: "global" or the guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  /** Channels that answer 404 Unknown Channel (10003) or 403 Missing Permissions (50013). */
  readonly missingChannels = new Set<string>();
  readonly forbiddenChannels = new Set<string>();
  /** Every attachment of a message, the ones its embeds show included (those are not in its `attachments`). */
  private readonly attachmentsOf = new Map<string, FakeAttachment[]>();
  /** Interaction token → id of its original response message. */
  private readonly originals = new Map<string, string>();
  /** Interaction token → the message a clicked component sits on. */
  readonly componentMessages = new Map<string, string>();
  /** Interaction tokens already answered: Discord refuses a second callback. */
  private readonly acknowledged = new Set<string>();
  private readonly failures: InjectedFailure[] = [];
  private readonly waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private seq = 0;
  /** Called with every request as it is recorded (the benchmark times callbacks with this). */
  readonly observers = new Set<(r: RecordedRequest) => void>();
  /** Keep a record of every request; the benchmark turns this off to keep memory flat. */
  keepRecords = true;
  /** Connections dropped by `hangUp` failures. */
  hangUps = 0;

  constructor(
    readonly applicationId: string,
    readonly token: string,
    private readonly gatewayUrl: () => string,
  ) {}

  fail(failure: InjectedFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.requests.map((r) => `${r.method} ${r.path}`).join('\n  ');
        reject(new Error(`no matching request within ${timeoutMs} ms; saw:\n  ${seen}`));
      }, timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** The message an interaction's response created or updated ("@original"). */
  originalOf(token: string): FakeMessage | undefined {
    const id = this.originals.get(token);
    return id ? this.messages.get(id) : undefined;
  }

  /** Every request made for one interaction token (callback and webhook calls), in order. */
  forToken(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const hangUp = this.failures.find((f) => f.hangUp && (!f.method || f.method === method) && f.path.test(path));
    if (hangUp) {
      hangUp.times = (hangUp.times ?? 1) - 1;
      if (hangUp.times <= 0) this.failures.splice(this.failures.indexOf(hangUp), 1);
      this.hangUps++;
      req.socket.destroy();
      return;
    }
    const { body, files, at } = await readBody(req);
    const record: RecordedRequest = {
      seq: ++this.seq,
      method,
      path,
      query: url.searchParams,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
      files,
      status: 0,
      response: undefined,
      at,
    };
    const { status, payload, headers } = await this.route(record);
    record.status = status;
    record.response = payload;
    if (this.keepRecords) this.requests.push(record);
    for (const observe of this.observers) observe(record);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(record)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
    res.writeHead(status, { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    res.end(payload === undefined ? undefined : JSON.stringify(payload));
  }

  private async route(r: RecordedRequest): Promise<Reply> {
    const failure = this.failures.find((f) => (!f.method || f.method === r.method) && f.path.test(r.path));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      return {
        status: failure.status,
        payload: failure.body ?? { message: 'injected', code: 0 },
        headers: failure.headers,
      };
    }
    const body = (r.body ?? {}) as Record<string, unknown>;
    const needsBot = !r.path.startsWith('/interactions/') && !r.path.startsWith('/webhooks/');
    if (needsBot && r.authorization !== `Bot ${this.token}`) {
      return { status: 401, payload: { message: '401: Unauthorized', code: 0 } };
    }
    for (const [pattern, handler] of this.routes) {
      const m = pattern.exec(`${r.method} ${r.path}`);
      if (m) return handler(m.slice(1), r, body);
    }
    return { status: 404, payload: { message: `fake Discord has no route ${r.method} ${r.path}`, code: 0 } };
  }

  private readonly routes: [RegExp, (groups: string[], r: RecordedRequest, body: Record<string, unknown>) => Reply][] =
    [
      [
        /^GET \/gateway\/bot$/,
        () => ({
          status: 200,
          payload: {
            url: this.gatewayUrl(),
            shards: 1,
            session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
          },
        }),
      ],
      [
        /^POST \/interactions\/\d+\/([^/]+)\/callback$/,
        ([token], r, body) => this.callback(token as string, body, r.files),
      ],
      [
        /^(GET|PATCH|DELETE) \/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/,
        ([method, token, ref], r, body) => {
          const id = ref === '@original' ? this.originals.get(token as string) : ref;
          const message = id ? this.messages.get(id) : undefined;
          if (!message) return { status: 404, payload: { message: 'Unknown Message', code: 10008 } };
          if (method === 'GET') return { status: 200, payload: message };
          if (method === 'DELETE') {
            this.messages.delete(message.id);
            return { status: 204 };
          }
          return { status: 200, payload: this.edit(message, body, r.files) };
        },
      ],
      [
        /^POST \/webhooks\/\d+\/[^/]+$/,
        (_g, r, body) => ({ status: 200, payload: this.create('interaction-followups', body, r.files) }),
      ],
      [
        /^(GET|POST|PATCH) \/channels\/(\d+)\/messages(?:\/(\d+))?$/,
        ([method, channelId, messageId], r, body) => {
          if (this.missingChannels.has(channelId as string))
            return { status: 404, payload: { message: 'Unknown Channel', code: 10003 } };
          if (this.forbiddenChannels.has(channelId as string))
            return { status: 403, payload: { message: 'Missing Permissions', code: 50013 } };
          if (method === 'POST' && !messageId)
            return { status: 200, payload: this.create(channelId as string, body, r.files) };
          const message = messageId ? this.messages.get(messageId) : undefined;
          if (!message || method === 'POST')
            return { status: 404, payload: { message: 'Unknown Message', code: 10008 } };
          if (method === 'PATCH') return { status: 200, payload: this.edit(message, body, r.files) };
          return { status: 200, payload: message };
        },
      ],
      [
        /^(GET|PUT) \/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/,
        ([method, guildId], r) => {
          const scope = guildId ?? 'global';
          if (method === 'GET') return { status: 200, payload: this.commands.get(scope) ?? [] };
          const list = (r.body as Record<string, unknown>[]).map((c) => ({
            id: nextSnowflake(),
            application_id: this.applicationId,
            version: nextSnowflake(),
            default_member_permissions: null,
            type: 1,
            nsfw: false,
            ...(guildId ? { guild_id: guildId } : {}),
            ...c,
          }));
          this.commands.set(scope, list);
          return { status: 200, payload: list };
        },
      ],
    ];

  private callback(token: string, body: Record<string, unknown>, files: RecordedFile[]): Reply {
    // Discord takes one callback per interaction; a second replica answering the same one is refused.
    if (this.acknowledged.has(token))
      return { status: 400, payload: { code: 40060, message: 'Interaction has already been acknowledged.' } };
    this.acknowledged.add(token);
    const type = body.type as number;
    const data = (body.data ?? {}) as Record<string, unknown>;
    // 4 = message, 5 = deferred message: both create the "original" response.
    if (type === 4 || type === 5) {
      const message = this.create(
        'interaction-responses',
        type === 5 ? { content: '', flags: data.flags } : data,
        type === 5 ? [] : files,
      );
      this.originals.set(token, message.id);
    }
    // 7 = update the message the component is on; 6 = deferred update: later edits of @original go there.
    if (type === 6 || type === 7) {
      const target = this.componentMessages.get(token);
      if (target) {
        this.originals.set(token, target);
        const message = this.messages.get(target);
        if (message && type === 7) this.edit(message, data, files);
      }
    }
    return { status: 204 };
  }

  private create(channelId: string, body: Record<string, unknown>, files: RecordedFile[] = []): FakeMessage {
    const id = nextSnowflake();
    const message = botMessage(id, channelId, {
      content: String(body.content ?? ''),
      embeds: (body.embeds as unknown[]) ?? [],
      components: (body.components as unknown[]) ?? [],
      flags: Number(body.flags ?? 0),
    });
    const all = ((body.attachments as { id?: string | number; filename?: string }[]) ?? []).map((a) =>
      uploaded(a, channelId, files),
    );
    this.attachmentsOf.set(id, all);
    shown(message, all);
    this.messages.set(id, message);
    return message;
  }

  private edit(message: FakeMessage, body: Record<string, unknown>, files: RecordedFile[] = []): FakeMessage {
    for (const key of ['content', 'embeds', 'components'] as const) {
      if (body[key] !== undefined) (message as Record<string, unknown>)[key] = body[key];
    }
    // As Discord does: an edit's attachment list is the new list; an entry naming a kept attachment's id keeps it, the rest are new uploads.
    let all = this.attachmentsOf.get(message.id) ?? [];
    if (Array.isArray(body.attachments)) {
      const kept = new Map(all.map((a) => [a.id, a]));
      all = (body.attachments as { id?: string | number; filename?: string }[]).map(
        (a) => kept.get(String(a.id)) ?? uploaded(a, message.channel_id, files),
      );
    }
    this.attachmentsOf.set(message.id, all);
    shown(message, all);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }
}
