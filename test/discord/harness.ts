import { commands as registry } from '../../commands/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/client.js';
import { parseConfig } from '../../src/config.js';
import type { Pack } from '../../src/content/pack.js';
import type { Command, OptionSpec, Services } from '../../src/core/command.js';
import type { PictureHost } from '../../src/core/picture-host.js';
import type { Store } from '../../src/core/store.js';
import { silentLogger } from '../../src/log.js';
import { backgroundIn } from '../../src/ops/background.js';
import { type OpsServer, startOpsServer } from '../../src/ops/http.js';
import { Lifecycle } from '../../src/ops/lifecycle.js';
import { createPicturesHandler } from '../../src/ops/pictures-route.js';
import { StoredPictureHost } from '../../src/pictures/hosting.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { InteractionPayload } from '../fakes/discord/interactions.js';
import type { RecordedRequest } from '../fakes/discord/rest.js';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_TOKEN, FakeDiscord } from '../fakes/discord/server.js';
import { captureLog, type LogLine } from '../support/capture-log.js';
import { TestClock } from '../support/clock.js';
import { fixturePack } from '../support/fixture-pack.js';
import { freePort } from '../support/free-port.js';
import { sleep } from '../support/sleep.js';

/** Each command and subcommand of a registry as a user calls it, with its label ("/quiz start") and declared options. */
export function commandForms(registry: readonly Command[]) {
  return registry.flatMap((command) =>
    (command.subcommands ?? [{ name: undefined, options: command.options ?? [] }]).map((sub) => ({
      label: `/${command.name}${sub.name ? ` ${sub.name}` : ''}`,
      name: command.name,
      subcommand: sub.name,
      options: sub.options as OptionSpec[],
    })),
  );
}

/** A real discord.js client serving Chronicle against a fake Discord on loopback. */
export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  /** The adapter's, as main hands it the process's: counts the replies in flight. */
  lifecycle: Lifecycle;
  services: Services;
  store: Store;
  pack: Pack;
  clock: TestClock;
  logs: LogLine[];
  /** Stops the client and starts a new one on the same Store and fake: a process restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    commands?: readonly Command[];
    deferAfterMs?: number;
    uploadDeferAfterMs?: number;
    heartbeatIntervalMs?: number;
    pack?: Pack;
    /** Serve pictures on a loopback port of their own (as PUBLIC_URL) and link them instead of attaching them. */
    publicUrl?: boolean;
    /** Close a quiz round after the reply to its last answer, as `npm start` does (Services.background). */
    background?: boolean;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start({ heartbeatIntervalMs: options.heartbeatIntervalMs });
  const config = parseConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
  });
  const pack = options.pack ?? (await fixturePack());
  const clock = new TestClock(Date.parse('2024-06-01T12:00:00Z'));
  const store = new MemoryStore(() => clock.ms);
  const { log: logger, lines: logs } = captureLog();
  const pictures = options.publicUrl ? await servePictures(store) : undefined;
  const adapterOptions = {
    commands: options.commands ?? registry,
    deferAfterMs: options.deferAfterMs,
    uploadDeferAfterMs: options.uploadDeferAfterMs,
    pictures: pictures?.host,
    lifecycle: new Lifecycle(),
  };
  const { lifecycle } = adapterOptions;
  let adapter = createDiscordAdapter(config, store, logger, adapterOptions);
  const services: Services = {
    pack,
    store,
    now: clock.now,
    poster: adapter.poster,
    log: logger,
    pictures: pictures?.host,
    ...(options.background ? { background: backgroundIn(lifecycle, logger) } : {}),
  };
  await adapter.start(services);
  const harness: Harness = {
    fake,
    adapter,
    lifecycle,
    services,
    store,
    pack,
    clock,
    logs,
    async restart() {
      await adapter.stop();
      adapter = createDiscordAdapter(config, store, logger, adapterOptions);
      services.poster = adapter.poster;
      harness.adapter = adapter;
      await adapter.start(services);
    },
    async close() {
      await adapter.stop();
      await fake.close();
      await pictures?.server.close();
    },
  };
  return harness;
}

/** What an instance with PUBLIC_URL runs: a PictureHost, and its route on the port PUBLIC_URL names. */
async function servePictures(store: Store): Promise<{ host: PictureHost; server: OpsServer }> {
  const port = await freePort();
  const host = new StoredPictureHost(`http://127.0.0.1:${port}`, store);
  const handler = createPicturesHandler(host, silentLogger);
  const server = await startOpsServer({ port, host: '127.0.0.1', handler, log: silentLogger });
  return { host, server };
}

export function callbackOf(fake: FakeDiscord, interaction: InteractionPayload): Promise<RecordedRequest> {
  return fake.rest.waitFor((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

export interface Answer {
  /** How the interaction was first acknowledged: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete. */
  callbackType: number;
  /** The message the user ends up seeing (the reply, the edited original, or the follow-up). */
  message: Record<string, unknown>;
  ephemeral: boolean;
  requests: RecordedRequest[];
}

const EPHEMERAL = 64;

/**
 * Sends an interaction through the gateway and follows its REST calls to
 * the message the user finally sees.
 */
export async function interact(fake: FakeDiscord, interaction: InteractionPayload, timeoutMs = 5_000): Promise<Answer> {
  fake.interact(interaction);
  const callback = await fake.rest.waitFor(
    (r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback` && r.status === 204,
    timeoutMs,
  );
  const body = callback.body as { type: number; data?: Record<string, unknown> };
  let message = body.data ?? {};
  if (body.type === 5 || body.type === 6) {
    const final = await fake.rest.waitFor(
      (r) =>
        r.seq > callback.seq &&
        r.status < 300 &&
        r.path.startsWith(`/webhooks/${FAKE_APPLICATION_ID}/${interaction.token}`) &&
        (r.method === 'PATCH' || r.method === 'POST'),
      timeoutMs,
    );
    message = final.body as Record<string, unknown>;
  }
  // Let any follow-ups for this interaction land before the caller looks.
  await sleep(20);
  return {
    callbackType: body.type,
    message,
    ephemeral: (Number(message.flags ?? 0) & EPHEMERAL) !== 0,
    requests: fake.rest.forToken(interaction.token),
  };
}

/** Where the bot posts into the fake's one channel. */
export const CHANNEL_MESSAGES = `/channels/${FAKE_CHANNEL_ID}/messages`;

/** The next message the bot posts in the channel, after request `after`, whose text matches. */
export function nextChannelPost(fake: FakeDiscord, after: number, pattern: RegExp): Promise<RecordedRequest> {
  return fake.rest.waitFor(
    (r) =>
      r.seq > after &&
      r.method === 'POST' &&
      r.path === CHANNEL_MESSAGES &&
      pattern.test(textOf(r.body as Record<string, unknown>)),
  );
}

/** Text a person would read in a message: content, embed titles, descriptions, fields, footers. */
export function textOf(message: Record<string, unknown>): string {
  const embeds = (message.embeds as Record<string, unknown>[] | undefined) ?? [];
  const parts = [String(message.content ?? '')];
  for (const e of embeds) {
    parts.push(String(e.title ?? ''), String(e.description ?? ''));
    for (const f of (e.fields as { name: string; value: string }[] | undefined) ?? []) parts.push(f.name, f.value);
    parts.push(String((e.footer as { text?: string } | undefined)?.text ?? ''));
  }
  return parts.filter(Boolean).join('\n');
}
