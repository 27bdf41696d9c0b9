/**
 * Signed `/timeline 2020-10` slash commands at 50 connections for 10 s,
 * against Chronicle's Slack adapter and against a bare Bolt app that acks a
 * fixed string: same harness, same run, same machine. Target: Chronicle's
 * p99 within 1.3× the bare app's. Each server runs in its own process;
 * autocannon runs here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const SECRET = 'bench-signing-secret';
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET = 1.3;

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Starts a bench process and reads the one JSON line it prints when ready. */
async function spawnReady<T>(script: string, args: string[], extraNodeArgs: string[] = []) {
  const child: ChildProcess = spawn(process.execPath, [...extraNodeArgs, '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} ${args[0] ?? ''} exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { child, ready: JSON.parse(line) as T };
}

// BENCH_PROFILE=1 writes a CPU profile of each server to bench/out/ (slower; for finding costs, not for figures).
const PROFILE = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir=bench/out'] : [];

async function startServer(
  kind: 'chronicle' | 'chronicle-upload' | 'chronicle-text' | 'adapter' | 'bare' | 'bare-reply',
  apiUrl: string,
) {
  const { child, ready } = await spawnReady<{ port: number; source: string }>(
    'bench/slack-server.ts',
    [kind, apiUrl, SECRET],
    PROFILE,
  );
  return { child, url: `http://127.0.0.1:${ready.port}/slack/events`, source: ready.source };
}

/**
 * One signed slash command. Each gets its own trigger_id, and so its own
 * signature: Chronicle acks a signature it has seen before and goes no
 * further (src/adapters/slack/replay-guard.ts), so one request sent again
 * and again would measure that empty ack, not the command.
 */
function signedRequest(responseUrl: string, n = 0) {
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: 'U0BENCHUSER',
    user_name: 'bench',
    command: '/timeline',
    text: '2020-10',
    api_app_id: 'A0BENCH',
    response_url: responseUrl,
    trigger_id: `t${n}`,
  }).toString();
  // One timestamp for the run: Bolt accepts anything under five minutes old.
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
  };
}

async function load(url: string, seconds: number, responseUrl: string): Promise<Figures> {
  let sent = 0;
  // Signed afresh per request, for every server alike: the floor pays the same HMAC in this process.
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const { body, headers } = signedRequest(responseUrl, sent++);
          return { ...request, method: 'POST', body, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const fake = await spawnReady<{ apiUrl: string; responseUrl: string }>('bench/slack-fake.ts', []);
const { apiUrl, responseUrl } = fake.ready;
const bare = await startServer('bare', apiUrl);
const bareReply = await startServer('bare-reply', apiUrl);
const adapter = await startServer('adapter', apiUrl);
const chronicleText = await startServer('chronicle-text', apiUrl);
const chronicleUpload = await startServer('chronicle-upload', apiUrl);
const chronicle = await startServer('chronicle', apiUrl);
const servers = [bare, bareReply, adapter, chronicleText, chronicleUpload, chronicle];
try {
  // Warm each (JIT, users.info cache, connection setup) before measuring; the uploading one just before its
  // own run, because its uploads carry on after the acks and would load the machine during the others' runs.
  for (const server of servers) if (server !== chronicleUpload) await load(server.url, 2, responseUrl);
  const floor = await load(bare.url, DURATION_S, responseUrl);
  const floorReply = await load(bareReply.url, DURATION_S, responseUrl);
  const shell = await load(adapter.url, DURATION_S, responseUrl);
  const text = await load(chronicleText.url, DURATION_S, responseUrl);
  const ours = await load(chronicle.url, DURATION_S, responseUrl);
  // Last: its uploads run on after the ack, and would still be going when the next run starts.
  await load(chronicleUpload.url, 2, responseUrl);
  const upload = await load(chronicleUpload.url, DURATION_S, responseUrl);

  // What one request produced: the reply rides in the ack body (an empty ack would mean it went to response_url).
  const sample = await (await fetch(chronicle.url, { method: 'POST', ...signedRequest(responseUrl) })).text();
  const reply = (sample ? JSON.parse(sample) : {}) as {
    blocks?: { type: string; image_url?: string }[];
    text?: string;
  };
  // The chart is linked, and the link serves it: what Slack fetches (once per picture) when it shows the reply.
  const imageUrl = reply.blocks?.find((b) => b.type === 'image')?.image_url;
  const picture = imageUrl ? await fetch(imageUrl) : undefined;
  const pictureBytes = picture?.ok ? (await picture.arrayBuffer()).byteLength : 0;
  if (!pictureBytes) throw new Error(`Chronicle's /timeline reply did not link a picture it serves (${imageUrl})`);

  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
  const p99Ratio = ratio(ours.p99, floor.p99);
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.p50} ms | ${f.p99} ms | ${Math.round(f.rps).toLocaleString('en')} req/s | ${f.requests.toLocaleString('en')} | ${f.errors + f.non2xx} |`;
  console.log(
    `pack: ${chronicle.source}; Chronicle's reply: ${reply.blocks?.length ?? 0} blocks, ${reply.text?.length ?? 0} chars of fallback text, its chart ${pictureBytes.toLocaleString('en')} bytes`,
  );
  console.log(`${CONNECTIONS} connections, ${DURATION_S} s each\n`);
  console.log('| server | p50 | p99 | throughput | requests | errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(row('bare Bolt, fixed ack (floor)', floor));
  console.log(row('bare Bolt acking Chronicle’s reply, built once', floorReply));
  console.log(row('Slack adapter, fixed Reply', shell));
  console.log(row('Chronicle /timeline 2020-10 without its picture', text));
  console.log(row('Chronicle /timeline 2020-10, picture uploaded (no PUBLIC_URL)', upload));
  console.log(row('Chronicle /timeline 2020-10, picture linked (PUBLIC_URL)', ours));
  const ratios = (name: string, f: Figures) =>
    `${name}: p50 ${ratio(f.p50, floor.p50).toFixed(2)}×, p99 ${ratio(f.p99, floor.p99).toFixed(2)}×, throughput ${ratio(f.rps, floor.rps).toFixed(2)}×`;
  console.log(
    `\n${ratios('bare acking the reply / bare', floorReply)}\n${ratios('adapter / bare', shell)}\n${ratios('Chronicle without picture / bare', text)}\n${ratios('Chronicle uploading / bare', upload)}\n${ratios('Chronicle linking / bare', ours)}`,
  );
  console.log(`target p99 ≤ ${TARGET}× bare: ${p99Ratio <= TARGET ? 'met' : 'MISSED'}`);
  console.log(`Chronicle linking / bare acking the same reply: p99 ${ratio(ours.p99, floorReply.p99).toFixed(2)}×`);
} finally {
  // SIGINT lets a --cpu-prof server write its profile on the way out.
  for (const server of servers) server.child.kill(PROFILE.length ? 'SIGINT' : 'SIGTERM');
  fake.child.kill();
}
