/**
 * One server for bench/slack.ts, in its own process so it does not share an
 * event loop with the load generator. `chronicle`: the real Slack adapter
 * over the real pack. `bare`: a Bolt app with the same receiver and options
 * that acks /timeline with a fixed string (the floor). `bare-reply`: the same
 * app acking Chronicle's /timeline 2020-10 reply, built once. `adapter`: the
 * Slack adapter with /timeline answering a fixed Reply (the adapter's own cost).
 * `chronicle-text`: the real adapter and pack, replies without their picture.
 * `chronicle-upload`: the real adapter and pack without PUBLIC_URL, so each
 * picture is uploaded with files.uploadV2. `chronicle` has PUBLIC_URL set to
 * its own address and links its pictures (served on the same port).
 * Prints {"port": N} on stdout once listening on 127.0.0.1.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type RespondArguments } from '@slack/bolt';
import { commands } from '../commands/index.js';
import { createSlackApp } from '../src/adapters/slack/app.js';
import { asResponse } from '../src/adapters/slack/deliver.js';
import { renderReply, type SlackMessage } from '../src/adapters/slack/render.js';
import type { Command } from '../src/core/command.js';
import { dispatch } from '../src/core/dispatch.js';
import type { Poster } from '../src/core/poster.js';
import type { Reply } from '../src/core/reply.js';
import { createLogger } from '../src/log.js';
import { PlatformRegistry } from '../src/ops/health.js';
import { opsRoutes } from '../src/ops/http.js';
import { Lifecycle } from '../src/ops/lifecycle.js';
import { createPicturesHandler } from '../src/ops/pictures-route.js';
import { StoredPictureHost } from '../src/pictures/hosting.js';
import { MemoryStore } from '../src/store/memory.js';
import { freePort } from '../test/support/free-port.js';
import { benchPack } from './bench-pack.js';

const FIXED: Reply = { text: 'Timeline: a fixed string', visibility: 'channel' };

const [kind, apiUrl, secret] = process.argv.slice(2) as [string, string, string];
const token = 'xoxb-bench-0000';
const identity = { botId: 'B0BENCH', botUserId: 'U0BENCH' };

/** The ack body Chronicle sends for /timeline 2020-10 with its picture linked. */
async function chronicleAck(): Promise<RespondArguments> {
  const loaded = await benchPack();
  const caller = {
    platform: 'slack',
    userId: 'U0',
    userName: 'u',
    channelId: 'C0',
    serverId: 'T0',
    canManage: false,
  } as const;
  const services = { pack: loaded.pack, store: new MemoryStore(), now: () => new Date(), poster: undefined as never };
  const reply = await dispatch(commands, { name: 'timeline', args: { when: '2020-10' } }, { ...services, caller });
  const imageUrl = `http://127.0.0.1:1/pictures/${'0'.repeat(32)}.png`;
  return asResponse(renderReply(reply, { imageUrl }).messages[0] as SlackMessage, reply.visibility);
}

let server: Server;
let source = 'none';
if (kind === 'bare' || kind === 'bare-reply') {
  const app = new App({
    token,
    signingSecret: secret,
    ...identity,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
  });
  // bare-reply: the same bare app acking Chronicle's own /timeline 2020-10 answer, built once: what sending that reply costs.
  const fixed = kind === 'bare-reply' ? await chronicleAck() : 'Timeline: a fixed string';
  app.command('/timeline', async ({ ack }) => {
    await ack(fixed);
  });
  server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
} else {
  const loaded = await benchPack();
  // `adapter`: the whole Slack adapter, but /timeline returns a fixed Reply, isolating the adapter's own cost.
  // `chronicle-text`: the real commands, but replies go out without their picture (what the upload costs).
  // The same memoised Reply maps to the same stripped one, so the adapter's per-Reply render memo still applies.
  const stripped = new WeakMap<Reply, Reply>();
  const strip = (reply: Reply): Reply => {
    let hit = stripped.get(reply);
    if (!hit) {
      const { image: _image, ...rest } = reply;
      hit = rest;
      stripped.set(reply, hit);
    }
    return hit;
  };
  const withoutPictures = (list: readonly Command[]): Command[] =>
    list.map((c) => {
      const run = c.run;
      return run ? { ...c, run: async (args, ctx) => strip(await run.call(c, args, ctx)) } : c;
    });
  const port = await freePort();
  const pictures =
    kind === 'chronicle' ? new StoredPictureHost(`http://127.0.0.1:${port}`, new MemoryStore()) : undefined;
  const registry: readonly Command[] =
    kind === 'chronicle-text'
      ? withoutPictures(commands)
      : kind === 'adapter'
        ? [
            {
              name: 'timeline',
              description: 'fixed',
              options: [{ name: 'when', description: 'w', type: 'string' }],
              run: async () => FIXED,
            },
          ]
        : commands;
  source = loaded.source;
  const store = new MemoryStore();
  let slackPoster: Poster | undefined;
  const poster: Poster = {
    post: (c, r) => slackPoster!.post(c, r),
    edit: (c, id, r) => slackPoster!.edit(c, id, r),
  };
  // Interaction logs stay on, as in production; stderr goes nowhere.
  const logger = createLogger({ level: 'info', format: 'json' });
  const slack = createSlackApp(
    { pack: loaded.pack, store, now: () => new Date(), poster, pictures },
    {
      botToken: token,
      signingSecret: secret,
      apiUrl,
      logger,
      ...identity,
      retries: 0,
      commands: registry,
      lifecycle: new Lifecycle(),
      health: new PlatformRegistry(),
      routes: pictures ? opsRoutes(createPicturesHandler(pictures, logger), ['/pictures/:file']) : undefined,
    },
  );
  slackPoster = slack.poster;
  server = (await slack.start({ port, host: '127.0.0.1' })) as Server;
}
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, source })}\n`);
// An orderly exit, so a server started with --cpu-prof writes its profile.
process.on('SIGINT', () => process.exit(0));
