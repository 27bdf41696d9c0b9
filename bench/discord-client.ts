/**
 * One Discord client for bench/discord.ts, in its own process so it does not
 * share an event loop with the fake Discord and the load generator.
 * `chronicle`: the real adapter over the real pack, answering /timeline, with
 * PUBLIC_URL set to its own picture route: pictures are linked in the embed.
 * `chronicle-upload`: the same without PUBLIC_URL: each picture is uploaded.
 * `adapter`: the real adapter whose /timeline returns a fixed Reply (the one
 * the real /timeline 2020-10 gives, computed once), so the adapter's own cost
 * shows apart from the engine's. `adapter-text`: the same without the
 * picture (the embeds only).
 * `bare`: a discord.js client with the same options that replies a fixed
 * string to every slash command (the floor).
 * Prints "ready <pack source>" on stdout once the gateway says READY.
 */
import { Events } from 'discord.js';
import { commands } from '../commands/index.js';
import { createDiscordAdapter, createDiscordClient } from '../src/adapters/discord/client.js';
import { parseConfig } from '../src/config.js';
import type { Command } from '../src/core/command.js';
import { dispatch } from '../src/core/dispatch.js';
import { createLogger } from '../src/log.js';
import { startOpsServer } from '../src/ops/http.js';
import { createPicturesHandler } from '../src/ops/pictures-route.js';
import { PictureHost } from '../src/pictures/hosting.js';
import { MemoryStore } from '../src/store/memory.js';
import { freePort } from '../test/support/free-port.js';
import { benchPack } from './bench-pack.js';

const [kind, apiUrl, token, applicationId] = process.argv.slice(2) as [string, string, string, string];
// Errors go to stderr (the driver shows them); a benchmark that hides failures measures nothing.
const logger = createLogger({ level: 'warn', pretty: false, destination: process.stderr });
const config = parseConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: apiUrl });

if (kind === 'bare') {
  const client = createDiscordClient(config);
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply('October 2020: fixed reply');
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  console.log('ready bare');
} else {
  const loaded = await benchPack();
  const store = new MemoryStore();
  let only: Command[] | undefined;
  if (kind === 'adapter' || kind === 'adapter-text') {
    const caller = {
      platform: 'discord',
      userId: '1',
      userName: 'bench',
      channelId: '1',
      serverId: '1',
      canManage: false,
    } as const;
    const services = { pack: loaded.pack, store, now: () => new Date(), poster: undefined as never };
    const fixed = await dispatch(commands, { name: 'timeline', args: { when: '2020-10' } }, { ...services, caller });
    const timeline = commands.find((c) => c.name === 'timeline') as Command;
    // adapter-text: the same Reply without its picture, to show what uploading the picture costs.
    const reply = kind === 'adapter-text' ? { ...fixed, image: undefined } : fixed;
    only = [{ ...timeline, run: async () => reply }];
  }
  let pictures: PictureHost | undefined;
  if (kind === 'chronicle') {
    const port = await freePort();
    pictures = new PictureHost(`http://127.0.0.1:${port}`, store);
    const handler = createPicturesHandler(pictures, logger);
    await startOpsServer({ port, host: '127.0.0.1', handler, log: logger });
  }
  const adapter = createDiscordAdapter(config, store, logger, { commands: only ?? commands, pictures });
  await adapter.start({
    pack: loaded.pack,
    store,
    now: () => new Date(),
    poster: adapter.poster,
    log: logger,
    pictures,
  });
  console.log(`ready ${loaded.source}`);
}

// SIGINT from the driver: exit normally, so a --cpu-prof profile gets written.
process.once('SIGINT', () => process.exit(0));
