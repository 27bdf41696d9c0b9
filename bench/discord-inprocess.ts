/**
 * A profiling aid for bench/discord.ts, not a benchmark of its own: the
 * whole discord.js path of `/timeline 2020-10` in one process, with REST
 * answered by a stub instead of the network, so that Chronicle's own cost
 * per interaction shows without the noise of sockets and other processes.
 *
 *   npx tsx bench/discord-inprocess.ts          CPU µs per interaction
 *   ALLOC=1 npx tsx bench/discord-inprocess.ts  KB allocated per interaction, by the innermost Chronicle function
 *   RETAINED=1 ALLOC=1 ...                      only what is still live afterwards: what an interaction leaves behind
 *   node --cpu-prof --import tsx bench/discord-inprocess.ts   for a profile
 *
 * Clients: `bare` replies a fixed embed; `bare-reply` replies Chronicle's
 * own /timeline message (rendered once); `chronicle` is the real handler
 * with the picture linked, logging at info to /dev/null as it would to stderr.
 */
import { Session } from 'node:inspector/promises';
import { type Client, EmbedBuilder, Events } from 'discord.js';
import { pino } from 'pino';
import { commands } from '../commands/index.js';
import { createDiscordClient } from '../src/adapters/discord/client.js';
import { createInteractionHandler } from '../src/adapters/discord/interactions.js';
import { toSend } from '../src/adapters/discord/payload.js';
import { renderReply } from '../src/adapters/discord/render.js';
import { parseConfig } from '../src/config.js';
import { dispatch } from '../src/core/dispatch.js';
import { createLogger } from '../src/log.js';
import { Lifecycle } from '../src/ops/lifecycle.js';
import { StoredPictureHost } from '../src/pictures/hosting.js';
import { MemoryStore } from '../src/store/memory.js';
import { slashCommand } from '../test/fakes/discord/interactions.js';
import { benchPack } from './bench-pack.js';
import { benchCaller } from './discord-caller.js';

const config = parseConfig({
  DISCORD_TOKEN: 'bench',
  DISCORD_APPLICATION_ID: '900000000000000002',
  DISCORD_API_URL: 'http://127.0.0.1:1/api',
});
const caller = benchCaller;

/** Resolves when the client under test hands its reply to REST. */
let replied: (() => void) | undefined;

function clientAnsweredByStub(): Client {
  const client = createDiscordClient(config);
  const rest = client.rest as unknown as { options: { makeRequest: () => Promise<Response> } };
  rest.options.makeRequest = async () => {
    const done = replied;
    queueMicrotask(() => done?.());
    return new Response(null, { status: 204 });
  };
  return client;
}

const { pack } = await benchPack();
const store = new MemoryStore();
const reply = await dispatch(
  commands,
  { name: 'timeline', args: { when: '2020-10' } },
  {
    pack,
    store,
    now: () => new Date(),
    poster: undefined as never,
    caller,
  },
);

const bare = clientAnsweredByStub();
const embed = new EmbedBuilder().setTitle('Timeline: October 2020').setDescription('A fixed reply.');
bare.on(Events.InteractionCreate, (i) => {
  if (i.isChatInputCommand()) void i.reply({ embeds: [embed] });
});

const bareReply = clientAnsweredByStub();
const [message] = renderReply(reply, { imageUrl: 'http://127.0.0.1:1/pictures/0.png' }).messages;
bareReply.on(Events.InteractionCreate, (i) => {
  if (i.isChatInputCommand() && message) void i.reply(toSend(message, false));
});

const chronicle = clientAnsweredByStub();
const logger = createLogger({
  level: 'info',
  pretty: false,
  destination: pino.destination({ dest: '/dev/null', sync: true }) as unknown as NodeJS.WritableStream,
});
const pictures = new StoredPictureHost('http://127.0.0.1:1', store);
const handle = createInteractionHandler({
  commands,
  services: { pack, store, now: () => new Date(), poster: undefined as never, log: logger, pictures },
  logger: logger.child({ adapter: 'discord' }),
  lifecycle: new Lifecycle(),
});
chronicle.on(Events.InteractionCreate, (i) => void handle(i));

const clients = { bare, 'bare-reply': bareReply, chronicle };

/** One interaction, from the gateway's dispatch to the reply handed to REST. */
async function interact(client: Client): Promise<void> {
  const arrived = new Promise<void>((resolve) => {
    replied = resolve;
  });
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;
  actions.InteractionCreate.handle(slashCommand({ name: 'timeline', options: { when: '2020-10' } }));
  await arrived;
}

const N = Number(process.env.N ?? 3_000);

if (process.env.ALLOC) {
  interface SampleNode {
    callFrame: { functionName: string; url: string };
    selfSize: number;
    children: SampleNode[];
  }
  const session = new Session();
  session.connect();
  for (const [name, client] of Object.entries(clients)) {
    for (let i = 0; i < 2_000; i++) await interact(client);
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: !process.env.RETAINED,
      includeObjectsCollectedByMinorGC: !process.env.RETAINED,
    });
    for (let i = 0; i < N; i++) await interact(client);
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: SampleNode };
    };
    const byFunction = new Map<string, number>();
    let total = 0;
    const walk = (node: SampleNode, stack: string[]) => {
      const frame = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*\/(node_modules|wt-[\w-]+|chronicle)\//, '')}`;
      const frames = [...stack, frame];
      // Charged to the innermost Chronicle function on the stack, else to the innermost frame.
      const owner = [...frames].reverse().find((f) => / (src|commands)\//.test(f)) ?? frame;
      total += node.selfSize;
      byFunction.set(owner, (byFunction.get(owner) ?? 0) + node.selfSize);
      for (const child of node.children) walk(child, frames);
    };
    walk(profile.head, []);
    console.log(`${name}: ${(total / N / 1024).toFixed(1)} KB allocated per interaction`);
    for (const [owner, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
      console.log(`  ${(bytes / N / 1024).toFixed(2).padStart(6)} KB  ${owner}`);
    }
  }
} else {
  const perInteraction: Record<string, number[]> = { bare: [], 'bare-reply': [], chronicle: [] };
  // Interleaved rounds, the first two as warm-up; the median round is reported.
  for (let round = 0; round < 8; round++) {
    for (const [name, client] of Object.entries(clients)) {
      const before = process.cpuUsage();
      for (let i = 0; i < N; i++) await interact(client);
      const used = process.cpuUsage(before);
      if (round >= 2) perInteraction[name]?.push((used.user + used.system) / N);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  for (const [name, xs] of Object.entries(perInteraction)) {
    console.log(`${name}: ${median(xs).toFixed(1)} µs CPU per interaction (median of ${xs.length} rounds of ${N})`);
  }
}
process.exit(0);
