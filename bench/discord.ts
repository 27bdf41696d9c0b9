/**
 * Interaction → callback latency with 50 interactions in flight: the fake
 * Discord dispatches `/timeline when:2020-10` over the gateway and times
 * until the interaction callback reaches its REST. Chronicle's adapter
 * against a bare discord.js client replying a fixed string, same fake, same
 * run, interleaved; plus the adapter alone, with /timeline returning a
 * fixed Reply (the real one, computed once), with and without its picture. Target: Chronicle's p99 within 1.3× the bare client's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { slashCommand } from '../test/fakes/discord/interactions.js';
import { FAKE_APPLICATION_ID, FAKE_TOKEN, FakeDiscord } from '../test/fakes/discord/server.js';

const IN_FLIGHT = 50;
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 2_000);
const WARMUP = 300;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1.3;

type Kind = 'bare' | 'adapter-text' | 'adapter' | 'chronicle-upload' | 'chronicle';
const KINDS: Kind[] = (process.env.BENCH_KINDS?.split(',') as Kind[] | undefined) ?? [
  'bare',
  'adapter-text',
  'adapter',
  'chronicle-upload',
  'chronicle',
];
const perKind = (): Record<Kind, number[]> => ({
  bare: [],
  'adapter-text': [],
  adapter: [],
  'chronicle-upload': [],
  chronicle: [],
});

async function startClient(kind: Kind, fake: FakeDiscord): Promise<{ child: ChildProcess; source: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', 'bench/out'] : []),
      '--import',
      'tsx',
      'bench/discord-client.ts',
      kind,
      fake.apiUrl,
      FAKE_TOKEN,
      FAKE_APPLICATION_ID,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const source = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => (line.startsWith('ready') ? resolve(line.slice(6)) : reject(new Error(line))));
    child.once('exit', (code) => reject(new Error(`${kind} client exited with ${code}`)));
  });
  return { child, source };
}

/** Replies that were private (an error or a user mistake): a benchmark of those would measure nothing. */
let privateReplies = 0;
const contentTypes: Record<string, number> = {};
let sample = '';

/** Sends `count` interactions keeping IN_FLIGHT outstanding; returns each one's latency in ms. */
async function drive(fake: FakeDiscord, count: number): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  return new Promise((resolve, reject) => {
    let lastProgress = performance.now();
    // A lost interaction would stall the loop forever; say which instead.
    const watchdog = setInterval(() => {
      if (performance.now() - lastProgress < 15_000) return;
      clearInterval(watchdog);
      fake.rest.observers.delete(observe);
      reject(
        new Error(
          `stalled: ${sentAt.size} interactions unanswered after ${latencies.length} answered; statuses seen: ${JSON.stringify(statuses)}`,
        ),
      );
    }, 1_000);
    const sendOne = () => {
      const interaction = slashCommand({ name: 'timeline', options: { when: '2020-10' } });
      sentAt.set(interaction.token, performance.now());
      sent++;
      fake.interact(interaction);
    };
    const observe = (r: {
      method: string;
      path: string;
      at: number;
      status: number;
      body: unknown;
      contentType?: string;
    }) => {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const type = (r.contentType ?? 'none').split(';')[0] as string;
      contentTypes[type] = (contentTypes[type] ?? 0) + 1;
      if (r.method !== 'POST' || !r.path.endsWith('/callback') || r.status !== 204) return;
      lastProgress = performance.now();
      const data = (r.body as { data?: { flags?: number; content?: string; embeds?: { title?: string }[] } }).data;
      if ((Number(data?.flags ?? 0) & 64) !== 0) privateReplies++;
      sample = data?.embeds?.[0]?.title ?? data?.content ?? '';
      const token = r.path.split('/')[3] as string;
      const started = sentAt.get(token);
      if (started === undefined) return;
      sentAt.delete(token);
      latencies.push(r.at - started);
      if (latencies.length === count) {
        clearInterval(watchdog);
        fake.rest.observers.delete(observe);
        resolve(latencies);
      } else if (sent < count) sendOne();
    };
    fake.rest.observers.add(observe);
    for (let i = 0; i < Math.min(IN_FLIGHT, count); i++) sendOne();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const fake = await FakeDiscord.start();
fake.rest.keepRecords = false;
const results = perKind();
/** p99 of each round, so each kind can be compared with the bare round run just before it. */
const roundP99 = perKind();
const throughput = perKind();
let packSource = '';
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of KINDS) {
    const { child, source } = await startClient(kind, fake);
    // Never leave a client behind, even when the run fails.
    const killChild = () => child.kill();
    process.once('exit', killChild);
    if (kind === 'chronicle') packSource = source;
    await drive(fake, WARMUP).catch((error: unknown) => {
      child.kill();
      throw error;
    });
    if (round === 0) console.log(`${kind} replies like: ${sample.slice(0, 80)} ${JSON.stringify(contentTypes)}`);
    for (const key of Object.keys(contentTypes)) delete contentTypes[key];
    const started = performance.now();
    const latencies = await drive(fake, INTERACTIONS).catch((error: unknown) => {
      child.kill();
      throw error;
    });
    results[kind].push(...latencies);
    roundP99[kind].push(
      percentile(
        [...latencies].sort((a, b) => a - b),
        99,
      ),
    );
    throughput[kind].push(INTERACTIONS / ((performance.now() - started) / 1000));
    process.off('exit', killChild);
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
}
await fake.close();

const rows = KINDS.map((kind) => {
  const sorted = [...results[kind]].sort((a, b) => a - b);
  const rps = throughput[kind].reduce((a, b) => a + b, 0) / throughput[kind].length;
  return { kind, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), rps };
});
const [bare, ...others] = rows as [(typeof rows)[0], ...(typeof rows)[0][]];
console.log(`pack: ${packSource}; ${ROUNDS} rounds × ${INTERACTIONS} interactions each, ${IN_FLIGHT} in flight`);
console.log('| client | p50 ms | p95 ms | p99 ms | interactions/s |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.kind} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${Math.round(r.rps)} |`);
}
if (privateReplies > 0) console.log(`WARNING: ${privateReplies} private (error) replies`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
for (const r of others) {
  const ratio = r.p99 / bare.p99;
  const perRound = roundP99[r.kind].map((p99, i) => p99 / (roundP99.bare[i] as number));
  console.log(
    `${r.kind}: p50 ${(r.p50 / bare.p50).toFixed(2)}×, p99 ${ratio.toFixed(2)}× bare (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'NOT met'}), throughput ${(r.rps / bare.rps).toFixed(2)}×; p99 ratio per round ${perRound.map((x) => x.toFixed(2)).join(', ')} (median ${median(perRound).toFixed(2)}×)`,
  );
}
