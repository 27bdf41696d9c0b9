/**
 * Discord reply cost: a fake Discord dispatches `/timeline when:2020-10`
 * over the gateway and times until the reply reaches its REST (the callback;
 * for an uploaded picture, the request that carries the file). Each client
 * runs in its own process on a fake Discord of its own, all for the whole
 * run.
 *
 * Per round and client: the CPU time per interaction (user + system, all of
 * the client's threads) and the sequential p50 (one interaction at a time,
 * what a person sees on a quiet bot), then the p99 and CPU with 50 in
 * flight, one client at a time. Both go in chunks, the clients taking
 * turns, so they share the machine's conditions. Targets, against bare
 * discord.js replying a fixed embed in the same round: CPU per interaction
 * ≤ 1.5× and sequential p50 ≤ 1.3× with the picture linked (PUBLIC_URL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import { slashCommand } from '../test/fakes/discord/interactions.js';
import type { RecordedRequest } from '../test/fakes/discord/rest.js';
import { FAKE_APPLICATION_ID, FAKE_TOKEN, FakeDiscord } from '../test/fakes/discord/server.js';

const IN_FLIGHT = 50;
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 2_000);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 2_000);
const WARMUP = 300;
/** Between two sequential interactions: the client is idle when the next arrives, as on a quiet bot. */
const SEQUENTIAL_GAP_MS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CPU_TARGET = 1.5;
const P50_TARGET = 1.3;

/**
 * A client kind (see bench/discord-client.ts); `<kind>@<dir>` runs that kind
 * from another checkout (say, an earlier commit unpacked with `git archive`
 * into bench/out/, with this client copied in), for a before-and-after in
 * one run.
 */
type Kind = string;
const KINDS: Kind[] = process.env.BENCH_KINDS?.split(',') ?? ['bare', 'bare-reply', 'chronicle', 'chronicle-upload'];
/** Node flags for every client alike (`BENCH_NODE_FLAGS='--max-semi-space-size=32'`), so a V8 setting is tried on the floor too. */
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
/** Kinds whose reply is complete only once its picture has been uploaded. */
const UPLOADS = new Set(['adapter', 'chronicle-upload']);
const kindOf = (kind: Kind) => kind.split('@')[0] as string;
const rootOf = (kind: Kind) => kind.split('@')[1] ?? '.';

interface Client {
  child: ChildProcess;
  lines: Interface;
  source: string;
  logFile: string;
}

mkdirSync('bench/out', { recursive: true });

async function startClient(kind: Kind, fake: FakeDiscord): Promise<Client> {
  const logFile = `bench/out/discord-${kind.replaceAll(/[^\w-]/g, '_')}.log`;
  const child = spawn(
    process.execPath,
    [
      ...NODE_FLAGS,
      '--import',
      'tsx',
      `${rootOf(kind)}/bench/discord-client.ts`,
      kindOf(kind),
      fake.apiUrl,
      FAKE_TOKEN,
      FAKE_APPLICATION_ID,
      logFile,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const source = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => (line.startsWith('ready') ? resolve(line.slice(6)) : reject(new Error(line))));
    child.once('exit', (code) => reject(new Error(`${kind} client exited with ${code}`)));
  });
  return { child, lines, source, logFile };
}

/** Sends the client a command and resolves with its answer, the line that starts with `answer`. */
function ask(client: Client, command: string, answer: string): Promise<string> {
  return new Promise((resolve) => {
    const onLine = (line: string) => {
      if (!line.startsWith(answer)) return;
      client.lines.off('line', onLine);
      resolve(line.slice(answer.length));
    };
    client.lines.on('line', onLine);
    client.child.stdin?.write(`${command}\n`);
  });
}

/** The client's user + system CPU time so far, in µs. */
const cpuOf = async (client: Client) => Number(await ask(client, 'cpu', 'cpu '));

/** BENCH_PROFILE=1: a CPU profile of each client's measured phases, in bench/out/ (slower; for finding costs, not for figures). */
const PROFILE = process.env.BENCH_PROFILE === '1';

/** Warnings and errors a client logged (pino levels 40 and 50). */
function problemsLogged(logFile: string): number {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /"level":(40|50|60)/.test(line)).length;
}

/** Replies that were private (an error or a user mistake): a benchmark of those would measure nothing. */
let privateReplies = 0;
let sample = '';

interface Phase {
  latencies: number[];
  /** REST requests the phase's interactions made, and the files they carried. */
  requests: number;
  files: number;
}

const tokenOf = (path: string) => path.split('/')[3] as string;

/**
 * Sends `count` interactions keeping `inFlight` outstanding; each one's
 * latency runs from its dispatch to the request that completes its reply.
 */
async function drive(fake: FakeDiscord, count: number, inFlight: number, uploads: boolean): Promise<Phase> {
  const sentAt = new Map<string, number>();
  const phase: Phase = { latencies: [], requests: 0, files: 0 };
  const statuses: Record<number, number> = {};
  let sent = 0;
  return new Promise((resolve, reject) => {
    let lastProgress = performance.now();
    const finish = () => {
      clearInterval(watchdog);
      fake.rest.observers.delete(observe);
    };
    // A lost interaction would stall the loop forever; say which instead.
    const watchdog = setInterval(() => {
      if (performance.now() - lastProgress < 15_000) return;
      finish();
      reject(
        new Error(
          `stalled: ${sentAt.size} interactions unanswered after ${phase.latencies.length} answered; statuses seen: ${JSON.stringify(statuses)}`,
        ),
      );
    }, 1_000);
    const sendOne = () => {
      const interaction = slashCommand({ name: 'timeline', options: { when: '2020-10' } });
      sentAt.set(interaction.token, performance.now());
      sent++;
      fake.interact(interaction);
    };
    const observe = (r: RecordedRequest) => {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const started = sentAt.get(tokenOf(r.path));
      if (started === undefined) return;
      phase.requests++;
      phase.files += r.files.length;
      const callback = r.method === 'POST' && r.path.endsWith('/callback') && r.status === 204;
      if (callback) {
        const data = (r.body as { data?: { flags?: number; content?: string; embeds?: { title?: string }[] } }).data;
        if ((Number(data?.flags ?? 0) & 64) !== 0) privateReplies++;
        sample = data?.embeds?.[0]?.title ?? data?.content ?? '';
      }
      if (r.status >= 300 || (uploads ? r.files.length === 0 : !callback)) return;
      lastProgress = performance.now();
      sentAt.delete(tokenOf(r.path));
      phase.latencies.push(r.at - started);
      if (phase.latencies.length === count) {
        finish();
        // Requests still to come for answered interactions (none expected) would land in the next phase's count.
        resolve(phase);
      } else if (sent < count) {
        // One at a time means the client has finished with the last one (its response read, its log line
        // written): the fake sends the reply's 204 only after this, so the next waits a moment.
        if (inFlight === 1) setTimeout(sendOne, SEQUENTIAL_GAP_MS);
        else sendOne();
      }
    };
    fake.rest.observers.add(observe);
    for (let i = 0; i < Math.min(inFlight, count); i++) sendOne();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const median = (xs: number[]) => percentile(xs, 50);

interface Round {
  /** Sequential: every latency, and CPU µs per interaction. */
  sequential: number[];
  sequentialCpu: number;
  /** 50 in flight. */
  concurrent: number[];
  concurrentCpu: number;
  throughput: number;
  requestsPerReply: number;
  filesPerReply: number;
  problems: number;
}

/**
 * Sequential interactions go in chunks of this many, the clients taking
 * turns, so that a change in the machine's load (other work on it) lands on
 * every client alike rather than on whichever ran then.
 */
const CHUNK = 100;
/** The 50-in-flight runs take turns likewise, a client at a time, in chunks of this many. */
const CONCURRENT_CHUNK = 500;

interface Running {
  kind: Kind;
  client: Client;
  fake: FakeDiscord;
  uploads: boolean;
  /** `work`, stopping every client if it fails. */
  run<T>(work: Promise<T>): Promise<T>;
}

const running: Running[] = [];
const stopAll = () => {
  for (const r of running) r.client.child.kill();
};
// Never leave a client behind, even when the run fails.
process.once('exit', stopAll);
for (const kind of KINDS) {
  // Each client has a fake Discord of its own: a gateway dispatch reaches every connection on it.
  const fake = await FakeDiscord.start();
  fake.rest.keepRecords = false;
  const client = await startClient(kind, fake);
  running.push({
    kind,
    client,
    fake,
    uploads: UPLOADS.has(kindOf(kind)),
    run: (work) =>
      work.catch((error: unknown) => {
        stopAll();
        throw error;
      }),
  });
}
let packSource = '';
for (const r of running) {
  if (r.kind !== 'bare') packSource = r.client.source;
  await r.run(drive(r.fake, WARMUP, IN_FLIGHT, r.uploads));
  await r.run(drive(r.fake, 100, 1, r.uploads));
  console.log(`${r.kind} replies like: ${sample.slice(0, 80)}`);
}

const rounds = new Map<Kind, Round[]>(KINDS.map((k) => [k, []]));
const roundsOf = (kind: Kind) => rounds.get(kind) as Round[];
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const load: string[] = [loadAverage()];
for (let round = 0; round < ROUNDS; round++) {
  // Each round starts with another client, so none always runs first.
  const order = running.map((_, i) => running[(i + round) % running.length] as Running);
  const threadsBefore = new Map<Kind, Record<string, number>>();
  for (const r of order) {
    if (PROFILE) await ask(r.client, 'profile-start', 'profile started');
    threadsBefore.set(r.kind, JSON.parse(await ask(r.client, 'threads', 'threads ')) as Record<string, number>);
  }
  const sequential = new Map<Kind, Phase & { cpu: number }>(
    KINDS.map((k) => [k, { latencies: [], requests: 0, files: 0, cpu: 0 }]),
  );
  for (let done = 0; done < SEQUENTIAL; done += CHUNK) {
    for (const r of order) {
      const total = sequential.get(r.kind) as Phase & { cpu: number };
      const cpu = await cpuOf(r.client);
      const chunk = await r.run(drive(r.fake, Math.min(CHUNK, SEQUENTIAL - done), 1, r.uploads));
      total.cpu += (await cpuOf(r.client)) - cpu;
      total.latencies.push(...chunk.latencies);
      total.requests += chunk.requests;
      total.files += chunk.files;
    }
  }
  const concurrent = new Map<Kind, Phase & { cpu: number; seconds: number }>(
    KINDS.map((k) => [k, { latencies: [], requests: 0, files: 0, cpu: 0, seconds: 0 }]),
  );
  for (let done = 0; done < INTERACTIONS; done += CONCURRENT_CHUNK) {
    for (const r of order) {
      const total = concurrent.get(r.kind) as Phase & { cpu: number; seconds: number };
      const cpu = await cpuOf(r.client);
      const started = performance.now();
      const chunk = await r.run(drive(r.fake, Math.min(CONCURRENT_CHUNK, INTERACTIONS - done), IN_FLIGHT, r.uploads));
      total.seconds += (performance.now() - started) / 1000;
      total.cpu += (await cpuOf(r.client)) - cpu;
      total.latencies.push(...chunk.latencies);
      total.requests += chunk.requests;
      total.files += chunk.files;
    }
  }
  for (const r of order) {
    const seq = sequential.get(r.kind) as Phase & { cpu: number };
    const conc = concurrent.get(r.kind) as Phase & { cpu: number; seconds: number };
    const replies = SEQUENTIAL + INTERACTIONS;
    roundsOf(r.kind).push({
      sequential: seq.latencies,
      sequentialCpu: seq.cpu / SEQUENTIAL,
      concurrent: conc.latencies,
      concurrentCpu: conc.cpu / INTERACTIONS,
      throughput: INTERACTIONS / conc.seconds,
      requestsPerReply: (seq.requests + conc.requests) / replies,
      filesPerReply: (seq.files + conc.files) / replies,
      problems: 0,
    });
  }
  for (const r of order) {
    if (PROFILE) console.log(`${r.kind}: ${await ask(r.client, 'profile-stop', 'profile ')}`);
    const after = JSON.parse(await ask(r.client, 'threads', 'threads ')) as Record<string, number>;
    const before = threadsBefore.get(r.kind) ?? {};
    const byThread = Object.entries(after)
      .map(([name, ms]) => `${name} ${Math.round(ms - (before[name] ?? 0))}`)
      .join(', ');
    if (process.env.BENCH_THREADS) console.log(`${r.kind} round ${round + 1} CPU ms by thread: ${byThread}`);
  }
  load.push(loadAverage());
}
for (const r of running) {
  r.client.child.kill('SIGINT');
  await new Promise((resolve) => r.client.child.once('exit', resolve));
  await r.fake.close();
  (roundsOf(r.kind)[0] as Round).problems = problemsLogged(r.client.logFile);
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => `${x.toFixed(2)}×`;
console.log(
  `pack: ${packSource}; ${ROUNDS} rounds: ${SEQUENTIAL} sequential, then ${INTERACTIONS} with ${IN_FLIGHT} in flight; load average ${load.join(' → ')}`,
);

console.log('\nPer round (ratios to bare in the same round):\n');
console.log(
  '| round | client | seq p50 ms | CPU µs/interaction seq, 50 in flight | p99 ms (50 in flight) | interactions/s | requests, files per reply | seq p50 ratio | CPU ratio seq, 50 in flight |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (let round = 0; round < ROUNDS; round++) {
  const bare = rounds.get('bare')?.[round];
  for (const kind of KINDS) {
    const r = roundsOf(kind)[round] as Round;
    const p50 = median(r.sequential);
    const ratios =
      bare && kind !== 'bare'
        ? `| ${f2(p50 / median(bare.sequential))} | ${f2(r.sequentialCpu / bare.sequentialCpu)}, ${f2(r.concurrentCpu / bare.concurrentCpu)} |`
        : '| | |';
    console.log(
      `| ${round + 1} | ${kind} | ${f1(p50)} | ${Math.round(r.sequentialCpu)}, ${Math.round(r.concurrentCpu)} | ${f1(percentile(r.concurrent, 99))} | ${Math.round(r.throughput)} | ${r.requestsPerReply.toFixed(2)}, ${r.filesPerReply.toFixed(2)} ${ratios}`,
    );
  }
}

/** Pooled over the rounds: every latency together, CPU as the mean of the rounds'. */
const pooled = (kind: Kind) => {
  const rs = roundsOf(kind);
  const mean = (f: (r: Round) => number) => rs.reduce((sum, r) => sum + f(r), 0) / rs.length;
  return {
    p50: median(rs.flatMap((r) => r.sequential)),
    p99: percentile(
      rs.flatMap((r) => r.concurrent),
      99,
    ),
    sequentialCpu: mean((r) => r.sequentialCpu),
    concurrentCpu: mean((r) => r.concurrentCpu),
    throughput: mean((r) => r.throughput),
    problems: rs.reduce((sum, r) => sum + r.problems, 0),
  };
};
console.log('\nAll rounds:\n');
console.log(
  '| client | seq p50 ms | CPU µs/interaction seq | CPU µs/interaction, 50 in flight | p99 ms, 50 in flight | interactions/s |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const kind of KINDS) {
  const p = pooled(kind);
  console.log(
    `| ${kind} | ${f1(p.p50)} | ${Math.round(p.sequentialCpu)} | ${Math.round(p.concurrentCpu)} | ${f1(p.p99)} | ${Math.round(p.throughput)} |`,
  );
}
if (privateReplies > 0) console.log(`WARNING: ${privateReplies} private (error) replies`);
for (const kind of KINDS) {
  const problems = pooled(kind).problems;
  if (problems > 0) console.log(`WARNING: ${kind} logged ${problems} warnings or errors (see bench/out/)`);
}
if (!rounds.has('bare')) process.exit(0);
const bare = pooled('bare');
console.log('');
for (const kind of KINDS.filter((k) => k !== 'bare')) {
  const p = pooled(kind);
  const perRound = (f: (r: Round) => number) =>
    roundsOf(kind)
      .map((r, i) => f(r) / f(roundsOf('bare')[i] as Round))
      .map((x) => x.toFixed(2));
  const cpu = p.sequentialCpu / bare.sequentialCpu;
  const cpuConcurrent = p.concurrentCpu / bare.concurrentCpu;
  const p50 = p.p50 / bare.p50;
  const verdict = (x: number, target: number) => (x <= target ? 'met' : 'NOT met');
  console.log(
    `${kind}: CPU per interaction ${f2(cpu)} bare sequential, ${f2(cpuConcurrent)} with 50 in flight (target ≤ ${CPU_TARGET}×: ${verdict(Math.max(cpu, cpuConcurrent), CPU_TARGET)}); sequential p50 ${f2(p50)} (target ≤ ${P50_TARGET}×: ${verdict(p50, P50_TARGET)}); p99 with 50 in flight ${f2(p.p99 / bare.p99)}; throughput ${f2(p.throughput / bare.throughput)}`,
  );
  console.log(
    `  per round: CPU seq ${perRound((r) => r.sequentialCpu).join(', ')}; CPU 50 in flight ${perRound((r) => r.concurrentCpu).join(', ')}; seq p50 ${perRound((r) => median(r.sequential)).join(', ')}`,
  );
}
