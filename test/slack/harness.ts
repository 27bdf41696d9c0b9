import { createHmac } from 'node:crypto';
import { commands as registry } from '../../commands/index.js';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.js';
import type { Pack } from '../../src/content/pack.js';
import type { Command, Services } from '../../src/core/command.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { backgroundIn } from '../../src/ops/background.js';
import { PlatformRegistry } from '../../src/ops/health.js';
import { opsRoutes } from '../../src/ops/http.js';
import { Lifecycle } from '../../src/ops/lifecycle.js';
import { createPicturesHandler } from '../../src/ops/pictures-route.js';
import { StoredPictureHost } from '../../src/pictures/hosting.js';
import { MemoryStore } from '../../src/store/memory.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { captureLog, type LogLine } from '../support/capture-log.js';
import { fixturePack } from '../support/fixture-pack.js';
import { freePort } from '../support/free-port.js';

export type { LogLine } from '../support/capture-log.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-token';
export const TEAM = 'T0TEAM';
export const CHANNEL = 'C0QUIZ';

/** Slack's v0 request signature over the raw body. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Harness {
  fake: FakeSlackApi;
  slack: SlackApp;
  /** The app's own, as main hands it the process's: a test can stop it without stopping anything else. */
  lifecycle: Lifecycle;
  services: Services;
  store: MemoryStore;
  logs: LogLine[];
  /** http://127.0.0.1:PORT/slack/events */
  eventsUrl: string;
  /** Sends a signed slash command; returns Bolt's HTTP answer (the ack body, parsed when JSON). */
  command(command: string, text: string, user?: SlackUser, opts?: SignOpts): Promise<HttpAnswer>;
  /** Sends a signed block_actions payload clicking the choice with `value` on message `messageTs`. */
  click(
    value: string,
    user: SlackUser,
    messageTs: string,
    opts?: { ephemeral?: boolean; actionId?: string },
  ): Promise<HttpAnswer>;
  /** The form body of a block_actions click, unsigned: what `click` sends, for tests that replay the same bytes. */
  clickBody(
    value: string,
    user: SlackUser,
    messageTs: string,
    opts?: { ephemeral?: boolean; actionId?: string },
  ): string;
  /** Sends a signed view_submission of a modal the bot opened (`view` as views.open sent it), its input typed as `text`. */
  submit(view: Record<string, unknown>, text: string, user: SlackUser): Promise<HttpAnswer>;
  /** Posts an arbitrary body with the given headers, for signature tests. */
  raw(body: string, headers: Record<string, string>): Promise<HttpAnswer>;
  stop(): Promise<void>;
}

export interface SlackUser {
  id: string;
  name: string;
}

export interface SignOpts {
  timestamp?: number;
  secret?: string;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  text: string;
}

export const ALICE: SlackUser = { id: 'U0ALICE', name: 'alice' };
export const BOB: SlackUser = { id: 'U0BOB', name: 'bob' };
export const CAROL: SlackUser = { id: 'U0CAROL', name: 'carol' };

let responseCounter = 0;

/** The fields of a slash command as Slack sends them (a form over HTTP, JSON in a Socket Mode envelope). */
export function slashCommandFields(
  command: string,
  text: string,
  user: SlackUser,
  responseUrl: string,
  n: number,
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'chronicle-test',
    channel_id: CHANNEL,
    channel_name: 'quiz',
    user_id: user.id,
    user_name: user.name,
    command,
    text,
    api_app_id: 'A0APP',
    response_url: responseUrl,
    trigger_id: `trigger-${n}`,
  };
}

/** A block_actions payload clicking the choice with `value` on message `messageTs`. */
export function blockActionsPayload(
  value: string,
  user: SlackUser,
  messageTs: string,
  opts: { ephemeral?: boolean; actionId?: string; responseUrl: string; n: number },
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'chronicle-test' },
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: CHANNEL, is_ephemeral: opts.ephemeral ?? false },
    trigger_id: `trigger-${opts.n}`,
    channel: { id: CHANNEL, name: 'quiz' },
    message: opts.ephemeral ? undefined : { type: 'message', ts: messageTs, text: '' },
    response_url: opts.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: opts.actionId ?? 'choice:0',
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** A view_submission of `view` (as views.open sent it) with `text` typed into each of its input blocks. */
export function viewSubmissionPayload(
  view: Record<string, unknown>,
  text: string,
  user: SlackUser,
): Record<string, unknown> {
  const blocks = (view.blocks as { type: string; block_id: string; element: { action_id: string } }[]) ?? [];
  const values = Object.fromEntries(
    blocks
      .filter((b) => b.type === 'input')
      .map((b) => [b.block_id, { [b.element.action_id]: { type: 'plain_text_input', value: text } }]),
  );
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'chronicle-test' },
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `trigger-view-${Date.now()}`,
    view: {
      id: view.id ?? 'V0VIEW',
      team_id: TEAM,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      blocks,
      state: { values },
      hash: 'h',
      title: view.title,
      root_view_id: view.id ?? 'V0VIEW',
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      app_id: 'A0APP',
      bot_id: 'B0BOT',
    },
  };
}

export async function startHarness(
  options: {
    commands?: readonly Command[];
    now?: () => Date;
    ackBudgetMs?: number;
    pack?: Pack;
    /** Serve pictures under this instance's own address (PUBLIC_URL) and link them instead of uploading. */
    publicUrl?: boolean;
    /** Close a quiz round after the reply to its last answer, as `npm start` does (Services.background). */
    background?: boolean;
  } = {},
): Promise<Harness> {
  const fake = await new FakeSlackApi().start();
  const { log: logger, lines: logs } = captureLog();
  const store = new MemoryStore();
  const pack = options.pack ?? (await fixturePack());
  // The Slack poster exists only once the app does; services need a Poster first, so it registers later, as in main.
  const poster = new RoutingPoster();
  // The port is chosen first so PUBLIC_URL can name it before the app (and its poster) exists.
  const port = await freePort();
  const pictures = options.publicUrl ? new StoredPictureHost(`http://127.0.0.1:${port}`, store) : undefined;
  const lifecycle = new Lifecycle();
  const services: Services = {
    pack,
    store,
    now: options.now ?? (() => new Date()),
    poster,
    pictures,
    ...(options.background ? { background: backgroundIn(lifecycle, logger) } : {}),
  };
  const slack = createSlackApp(services, {
    routes: pictures ? opsRoutes(createPicturesHandler(pictures, logger), ['/pictures/:file']) : undefined,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    logger,
    commands: options.commands ?? registry,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    retries: 0,
    ackBudgetMs: options.ackBudgetMs,
    lifecycle,
    health: new PlatformRegistry(),
  });
  poster.register('slack', slack.poster);
  await slack.start({ port, host: '127.0.0.1' });
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  async function raw(body: string, headers: Record<string, string>): Promise<HttpAnswer> {
    const res = await fetch(eventsUrl, { method: 'POST', body, headers });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, body: parsed, text };
  }

  function signed(body: string, type: string, opts: SignOpts = {}): Promise<HttpAnswer> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return raw(body, {
      'content-type': type,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, opts.secret),
    });
  }

  const clickBody: Harness['clickBody'] = (value, user, messageTs, opts = {}) => {
    const n = ++responseCounter;
    const payload = blockActionsPayload(value, user, messageTs, {
      ...opts,
      responseUrl: fake.responseUrl(`click-${n}`),
      n,
    });
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  };

  return {
    fake,
    slack,
    lifecycle,
    services,
    store,
    logs,
    eventsUrl,
    raw,
    command(command, text, user = ALICE, opts) {
      const n = ++responseCounter;
      const body = new URLSearchParams(
        slashCommandFields(command, text, user, fake.responseUrl(`cmd-${n}`), n),
      ).toString();
      return signed(body, 'application/x-www-form-urlencoded', opts);
    },
    clickBody,
    submit(view, text, user) {
      const body = new URLSearchParams({ payload: JSON.stringify(viewSubmissionPayload(view, text, user)) }).toString();
      return signed(body, 'application/x-www-form-urlencoded');
    },
    click(value, user, messageTs, opts = {}) {
      return signed(clickBody(value, user, messageTs, opts), 'application/x-www-form-urlencoded');
    },
    async stop() {
      await slack.stop();
      await fake.stop();
      await store.close();
    },
  };
}
