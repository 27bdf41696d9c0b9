/**
 * One Discord client for bench/discord.ts, in its own process so it does not
 * share an event loop with the fake Discord and the load generator, and so
 * its CPU time is its own.
 * `chronicle`: the real adapter over the real pack, answering /timeline, with
 * PUBLIC_URL set to its own picture route: pictures are linked in the embed.
 * `chronicle-upload`: the same without PUBLIC_URL: each picture is uploaded.
 * `adapter`: the real adapter whose /timeline returns a fixed Reply (the one
 * the real /timeline 2020-10 gives, computed once), so the adapter's own cost
 * shows apart from the engine's. `adapter-text`: the same without the
 * picture (the embeds only).
 * `bare`: a discord.js client with the same options that replies a fixed
 * embed to every slash command (the floor).
 * `bare-reply`: the same bare client replying Chronicle's own linked
 * /timeline 2020-10 message (rendered once at startup): what sending that
 * message through discord.js costs by itself.
 * Prints "ready <pack source>" on stdout once the gateway says READY; then
 * answers each "cpu" line on stdin with "cpu <µs>", the process's user +
 * system CPU time so far.
 * Chronicle logs at info, as it runs by default, into the file named by
 * the fifth argument (the driver counts its warnings and errors): the
 * per-interaction log line is one of the costs measured.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createInterface } from 'node:readline';
import { EmbedBuilder, Events, type InteractionReplyOptions } from 'discord.js';
import { pino } from 'pino';
import { commands } from '../commands/index.js';
import { createDiscordAdapter, createDiscordClient } from '../src/adapters/discord/client.js';
import { toSend } from '../src/adapters/discord/payload.js';
import { renderReply } from '../src/adapters/discord/render.js';
import { parseConfig } from '../src/config.js';
import type { Command } from '../src/core/command.js';
import { dispatch } from '../src/core/dispatch.js';
import type { PictureHost } from '../src/core/picture-host.js';
import { createLogger } from '../src/log.js';
import { startOpsServer } from '../src/ops/http.js';
import { Lifecycle } from '../src/ops/lifecycle.js';
import { createPicturesHandler } from '../src/ops/pictures-route.js';
import { StoredPictureHost } from '../src/pictures/hosting.js';
import { MemoryStore } from '../src/store/memory.js';
import { freePort } from '../test/support/free-port.js';
import { benchPack } from './bench-pack.js';
import { benchCaller } from './discord-caller.js';

const [kind, apiUrl, token, applicationId, logFile] = process.argv.slice(2) as [string, string, string, string, string];
// Warnings and errors of the bench's own picture server go to stderr (the driver shows them).
const problems = createLogger({ level: 'warn', pretty: false, destination: process.stderr });
// Synchronous writes, as Chronicle logs to stderr by default.
const logger = createLogger({
  level: 'info',
  pretty: false,
  destination: pino.destination({ dest: logFile, sync: true }) as unknown as NodeJS.WritableStream,
});
const config = parseConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: apiUrl });
const caller = benchCaller;

/** Answers every slash command with the same options, built once: a bot with no work of its own. */
async function startBare(reply: InteractionReplyOptions): Promise<void> {
  const client = createDiscordClient(config);
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply(reply);
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
}

if (kind === 'bare') {
  const embed = new EmbedBuilder()
    .setTitle('Timeline: October 2020')
    .setDescription('A fixed reply, the same for every interaction.')
    .setFooter({ text: 'Page 1 of 2' });
  await startBare({ embeds: [embed] });
  console.log('ready bare');
} else if (kind === 'bare-reply') {
  const loaded = await benchPack();
  const store = new MemoryStore();
  const services = { pack: loaded.pack, store, now: () => new Date(), poster: undefined as never };
  const reply = await dispatch(commands, { name: 'timeline', args: { when: '2020-10' } }, { ...services, caller });
  // As it is linked: the picture's address in the embed, no file.
  const imageUrl = 'http://127.0.0.1:1/pictures/00000000000000000000000000000000.png';
  const [first] = renderReply(reply, { imageUrl }).messages;
  if (!first) throw new Error('the /timeline reply rendered to no message');
  await startBare(toSend(first, false));
  console.log(`ready ${loaded.source}`);
} else {
  const loaded = await benchPack();
  const store = new MemoryStore();
  let only: Command[] | undefined;
  if (kind === 'adapter' || kind === 'adapter-text') {
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
    pictures = new StoredPictureHost(`http://127.0.0.1:${port}`, store);
    const handler = createPicturesHandler(pictures, problems);
    await startOpsServer({ port, host: '127.0.0.1', handler, log: problems });
  }
  const adapter = createDiscordAdapter(config, store, logger, {
    commands: only ?? commands,
    pictures,
    lifecycle: new Lifecycle(),
  });
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

/** CPU ms so far, user and system, of the main thread and of the others by name (V8's GC helpers are 'helpers'), from /proc. */
function threadTimes(): Record<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const out: Record<string, number> = {};
  for (const task of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const name = Number(task) === process.pid ? 'main' : comm === 'node' ? 'helpers' : comm;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out[`${name} user`] = (out[`${name} user`] ?? 0) + (Number(fields[11]) * 1000) / ticks;
    out[`${name} sys`] = (out[`${name} sys`] ?? 0) + (Number(fields[12]) * 1000) / ticks;
  }
  return out;
}

// The driver asks for CPU time around each measured phase, and with
// BENCH_PROFILE for a CPU profile of the measured phases only (startup left out).
const profiler = new Session();
let profilerConnected = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'cpu') {
    const { user, system } = process.cpuUsage();
    console.log(`cpu ${user + system}`);
  } else if (line === 'threads') {
    console.log(`threads ${JSON.stringify(threadTimes())}`);
  } else if (line === 'profile-start') {
    // Once per process: each round asks again, and a second connect throws.
    if (!profilerConnected) profiler.connect();
    profilerConnected = true;
    profiler.post('Profiler.enable', () => profiler.post('Profiler.start', () => console.log('profile started')));
  } else if (line === 'profile-stop') {
    profiler.post('Profiler.stop', (error, result) => {
      if (error) throw error;
      const file = `bench/out/discord-${kind}-${process.pid}.cpuprofile`;
      writeFileSync(file, JSON.stringify(result.profile));
      console.log(`profile ${file}`);
    });
  }
});

// SIGINT from the driver: exit normally, so a --cpu-prof profile gets written.
process.once('SIGINT', () => process.exit(0));
