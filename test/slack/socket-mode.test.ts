import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.js';
import type { Services } from '../../src/core/command.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { showDueCounts } from '../../src/engine/quiz/live-count.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { createLogger } from '../../src/log.js';
import { PlatformRegistry } from '../../src/ops/health.js';
import { Lifecycle } from '../../src/ops/lifecycle.js';
import { MemoryStore } from '../../src/store/memory.js';
import { buttonsOf, FakeSlackApi, isPost, type SlackButton } from '../fakes/slack-api.js';
import { type Envelope, FakeSlackSocket } from '../fakes/slack-socket.js';
import { captureLog } from '../support/capture-log.js';
import { fixturePack } from '../support/fixture-pack.js';
import {
  ALICE,
  BOB,
  BOT_TOKEN,
  blockActionsPayload,
  CHANNEL,
  type LogLine,
  type SlackUser,
  slashCommandFields,
} from './harness.js';

/** An app-level token, as SLACK_APP_TOKEN holds one. */
const APP_TOKEN = 'xapp-1-A0APP-0000-fake';

interface Block {
  type: string;
  text?: { text: string };
  elements?: SlackButton[];
}

let api: FakeSlackApi;
let socket: FakeSlackSocket;
let slack: SlackApp;
let services: Services;
let store: MemoryStore;
let started: unknown;
let stopped = false;
const logs: LogLine[] = [];
let clock = Date.parse('2026-03-01T12:00:00Z');
let counter = 0;
/** This app's /healthz view of Slack. */
const platforms = new PlatformRegistry();

beforeAll(async () => {
  api = await new FakeSlackApi().start();
  socket = await new FakeSlackSocket().start();
  api.socketUrl = socket.url;
  const { log: logger } = captureLog('debug', logs);
  store = new MemoryStore();
  // The poster exists only once the app does; services need a Poster first, so it registers later, as in main.
  const poster = new RoutingPoster();
  services = { pack: await fixturePack(), store, now: () => new Date(clock), poster };
  slack = createSlackApp(services, {
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    apiUrl: api.apiUrl,
    logger,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    retries: 0,
    commands,
    lifecycle: new Lifecycle(),
    health: platforms,
  });
  poster.register('slack', slack.poster);
  started = await slack.start();
});

afterAll(async () => {
  if (!stopped) await slack.stop();
  await socket.stop();
  await api.stop();
  await store.close();
});

/** A slash command as Socket Mode delivers it: the HTTP form's fields, as JSON, in an envelope. */
function slashCommand(command: string, text: string, user: SlackUser = ALICE): Omit<Envelope, 'envelope_id'> {
  const n = ++counter;
  return {
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      ...slashCommandFields(command, text, user, api.responseUrl(`socket-cmd-${n}`), n),
      is_enterprise_install: 'false',
    },
  };
}

/** A button click as Socket Mode delivers it: a block_actions payload in an `interactive` envelope. */
function click(button: SlackButton, user: SlackUser, messageTs: string): Omit<Envelope, 'envelope_id'> {
  const n = ++counter;
  return {
    type: 'interactive',
    accepts_response_payload: false,
    payload: blockActionsPayload(button.value, user, messageTs, {
      actionId: button.action_id,
      responseUrl: api.responseUrl(`socket-click-${n}`),
      n,
    }),
  };
}

const responseUrlOf = (envelope: Omit<Envelope, 'envelope_id'>) =>
  new URL(String(envelope.payload.response_url)).pathname;

/** Clicks a button and returns the ack and the private reply Chronicle sent to the click's response_url. */
async function answer(button: SlackButton, user: SlackUser, messageTs: string) {
  const envelope = click(button, user, messageTs);
  const ack = await socket.send(envelope);
  const reply = await api.waitFor((c) => c.method === 'respond' && c.path === responseUrlOf(envelope));
  return { ack, reply: reply.body };
}

describe('Chronicle on Slack in Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('opens its connection with the app token and needs no HTTP listener or auth.test', async () => {
    expect(started).toBeUndefined(); // no HTTP server: Socket Mode only dials out
    // The only Web API call at startup: apps.connections.open, made with the xapp token, not the bot token.
    expect(api.calls.map((c) => [c.method, c.token])).toEqual([['apps.connections.open', APP_TOKEN]]);
    expect(socket.connections).toHaveLength(1);
    expect(socket.connections[0]!.path).toMatch(/^\/link\/\?ticket=/);
    expect(socket.openConnections).toBe(1);
    expect(platforms.snapshot().slack).toBe('connected');
  });

  it('answers /timeline 2020-10 in the ack itself, in the channel', async () => {
    const envelope = slashCommand('/timeline', '2020-10');
    const ack = await socket.send(envelope);
    expect(ack).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(ack.text)).toMatch(/^Timeline: October 2020/);
    const blocks = ack.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Timeline: October 2020' } });
    expect(JSON.stringify(blocks)).toMatch(/Nearest before/);
    // One round trip: nothing went to the response_url, and the ack was for this envelope.
    expect(api.calls.filter((c) => c.path === responseUrlOf(envelope))).toEqual([]);
    expect(socket.acks.at(-1)?.payload).toEqual(ack);
  });

  it('shows a bad option privately with the shared parser’s advice', async () => {
    const ack = await socket.send(slashCommand('/timeline', '2020-13'));
    expect(ack.response_type).toBe('ephemeral');
    expect(String(ack.text)).toMatch(/2020-13/);
    expect(String(ack.text)).toMatch(/try/i);
  });

  it('plays a quiz round: posted by chat.postMessage, answered by clicks, counted by chat.update', async () => {
    const start = await socket.send(slashCommand('/quiz', 'start rounds:1 seconds:10', ALICE));
    expect(start).toMatchObject({ response_type: 'in_channel' });
    expect(String(start.text)).toMatch(/alice started a quiz/);

    const round = await api.waitFor(isPost(/Question 1 of 1/));
    expect(round.body.channel).toBe(CHANNEL);
    expect(round.token).toBe(BOT_TOKEN);
    const game = (await store.get<GameState>(keys.game({ platform: 'slack', channelId: CHANNEL }))) as GameState;
    const ts = game.messageId as string;
    const buttons = buttonsOf(round);
    const question = game.questions[0]!;
    expect(buttons).toHaveLength(question.options.length);
    const right = buttons[question.answer]!;
    const wrong = buttons[(question.answer + 1) % buttons.length]!;

    // A click is acked empty at once; the private answer goes to the click's response_url.
    const alice = await answer(right, ALICE, ts);
    expect(alice.ack).toEqual({});
    expect(alice.reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(alice.reply.text)).toMatch(/^Locked in/);
    // The quiz clock's tick shows the count; Bob clicks two seconds later, after the next one.
    expect(await showDueCounts(services)).toBe(1);
    clock += 2_000;
    const bob = await answer(wrong, BOB, ts);
    expect(String(bob.reply.text)).toMatch(/^Locked in/);
    expect(await showDueCounts(services)).toBe(1);

    const again = await answer(wrong, ALICE, ts);
    expect(again.ack).toEqual({});
    expect(again.reply).toMatchObject({ response_type: 'ephemeral', text: 'You already answered this question.' });

    // The round message was edited in place with the running count.
    const updates = await api.waitForCount((c) => c.method === 'chat.update', 2);
    expect(updates.map((u) => u.body.ts)).toEqual([ts, ts]);
    expect(updates.map((u) => String(u.body.text).match(/(\d+) answers? so far/)?.[1])).toEqual(['1', '2']);

    // The deadline passes; the scheduler's job reveals the round and ends the game.
    clock += 10_000;
    expect(await closeDueQuizRounds(services)).toBe(1);
    const reveal = await api.waitFor(isPost(/Answer to question 1 of 1/));
    expect(String(reveal.body.text)).toMatch(/alice \(\+\d+\)/);
    const final = await api.waitFor(isPost(/Quiz over/));
    expect(String(final.body.text)).toMatch(/alice: \d+ points \(1 right\)/);
    expect(await store.get(keys.game({ platform: 'slack', channelId: CHANNEL }))).toBeUndefined();
  });

  it('reconnects with a fresh apps.connections.open when Slack sends `disconnect`', async () => {
    socket.requestDisconnect();
    // While the socket is down /healthz says so, instead of "connected".
    await vi.waitFor(() => expect(platforms.snapshot().slack).not.toBe('connected'), { timeout: 3_000 });
    expect(['disconnected', 'connecting']).toContain(platforms.snapshot().slack);
    // The client closes the old socket normally, then waits its 5 s reconnect delay (not settable through Bolt).
    await socket.waitForConnections(2, 10_000);
    await vi.waitFor(() => expect(platforms.snapshot().slack).toBe('connected'), { timeout: 3_000 });
    expect(socket.connections[0]!.closed?.code).toBe(1000);
    expect(socket.openConnections).toBe(1);
    expect(api.callsTo('apps.connections.open').map((c) => c.token)).toEqual([APP_TOKEN, APP_TOKEN]);
    // Commands work again on the new connection.
    const ack = await socket.send(slashCommand('/timeline', '2020-10', BOB));
    expect(String(ack.text)).toMatch(/^Timeline: October 2020/);
  }, 15_000);

  it('stops cleanly: the socket is closed normally and the client sent nothing but acks', async () => {
    await slack.stop();
    stopped = true;
    await socket.waitForAllClosed();
    expect(socket.connections.map((c) => c.closed?.code)).toEqual([1000, 1000]);
    expect(platforms.snapshot().slack).toBeUndefined();
    expect(socket.unexpected).toEqual([]);
    // No request ended in Bolt's error handler or an apology.
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('the Socket Mode client’s own retry policy', () => {
  it('stays out of the poster, which retries like the HTTP mode’s', () => {
    // @slack/socket-mode writes a 100-try reconnect policy into the client options it is handed;
    // the poster's WebClient is built from Chronicle's options afterwards and must not inherit it.
    const app = createSlackApp(services, {
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      logger: createLogger({ level: 'silent' }),
      commands,
      lifecycle: new Lifecycle(),
      health: new PlatformRegistry(),
    });
    const client = (app.poster as unknown as { client: { retryConfig: unknown } }).client;
    expect(client.retryConfig).toEqual(webApi.retryPolicies.tenRetriesInAboutThirtyMinutes);
  });
});
