import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sign } from '../slack/harness.js';
import { useSlackProcess } from '../slack/process.js';
import { sleep } from '../support/sleep.js';

/**
 * The adversarial pass of issue 18, re-run against the real `npm start` in
 * Slack HTTP mode with a fake Web API, all on loopback: each probe gets a
 * bounded answer, the process neither crashes nor grows, and /healthz
 * answers within a second throughout.
 */

const SECRET = 'probe-test-secret';
const slack = useSlackProcess(SECRET);

/** Resident memory of the bot process, in MB (Linux). */
function rssMb(): number {
  const status = readFileSync(`/proc/${slack.bot.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Answer {
  status: number;
  ms: number;
}

/** One raw request; `body` may be shorter than the declared length, as an attacker's would be. */
function send(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: slack.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    req.flushHeaders();
    if (body) req.write(body);
    if (!headers['content-length'] || Number(headers['content-length']) <= body.length) req.end();
  });
}

function signed(body: string, type = 'application/x-www-form-urlencoded', at = Math.floor(Date.now() / 1000)) {
  return {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(at),
    'x-slack-signature': sign(body, at, SECRET),
  };
}

function command(text: string): string {
  return new URLSearchParams({
    team_id: 'T0PROBE',
    channel_id: 'C0PROBE',
    user_id: 'U0PROBE',
    user_name: 'probe',
    command: '/chronicle',
    text,
    response_url: slack.fake.responseUrl(`probe-${Math.random()}`),
    trigger_id: 't',
    api_app_id: 'A0APP',
  }).toString();
}

async function healthyWithinASecond(): Promise<void> {
  const health = await send('GET', '/healthz');
  expect(health.status).toBe(200);
  expect(health.ms).toBeLessThan(1_000);
}

describe('the adversarial probes, re-run against npm start', () => {
  it('1. forged 50 MB bodies are refused before they are read: no memory growth', async () => {
    const before = rssMb();
    for (let i = 0; i < 3; i++) {
      const answer = await send(
        'POST',
        '/slack/events',
        { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
        'x'.repeat(64 * 1024),
      );
      expect(answer.status).toBe(413);
    }
    expect(rssMb() - before).toBeLessThan(20);
    await healthyWithinASecond();
  });

  it('2. every path gets an answer at once, ops paths matched exactly', async () => {
    for (const path of [
      '/HEALTHZ',
      '/Healthz',
      '/METRICS',
      '/metrics/',
      '/Pictures/x.png',
      '/healthz/../metrics',
      '/nope',
    ]) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.ms, path).toBeLessThan(1_000);
    }
    await healthyWithinASecond();
  });

  it('3. a signed payload=null gets 400, and the bot serves on', async () => {
    const body = 'payload=null';
    expect((await send('POST', '/slack/events', signed(body), body)).status).toBe(400);
    expect(slack.bot.child.exitCode).toBeNull();
    await healthyWithinASecond();
  });

  it('4. a signed 5 MB command is refused by size; a long option is refused by name, and nothing freezes', async () => {
    const huge = command(`timeline 2020-10 topic:${'a'.repeat(5 * 1024 * 1024)}`);
    // Declared in full, sent in part: the answer must come from the declared length alone.
    expect((await send('POST', '/slack/events', signed(huge), huge.slice(0, 65_536))).status).toBe(413);
    const long = command(`timeline 2020-10 topic:${'a'.repeat(5_000)}`);
    const answer = await send('POST', '/slack/events', signed(long), long);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(1_000);
    await healthyWithinASecond();
  });

  it('5. the same signed bytes sent twice run once; a timestamp from the future runs not at all', async () => {
    const body = command('quiz start rounds:1');
    const headers = signed(body);
    const posts = () => slack.fake.callsTo('chat.postMessage').length;
    const before = posts();
    expect((await send('POST', '/slack/events', headers, body)).status).toBe(200);
    await slack.fake.waitForCount((c) => c.method === 'chat.postMessage', before + 1);
    expect((await send('POST', '/slack/events', headers, body)).status).toBe(200);
    const future = command('quiz stop');
    const ahead = Math.floor(Date.now() / 1000) + 10 * 60;
    expect((await send('POST', '/slack/events', signed(future, undefined, ahead), future)).status).toBe(200);
    await sleep(500);
    // One game's first question, no second game, and the stop from the future did nothing.
    expect(posts()).toBe(before + 1);
    expect(slack.bot.logs().some((e) => e.reason === 'replay')).toBe(true);
    expect(slack.bot.logs().some((e) => e.reason === 'future-timestamp')).toBe(true);
    await healthyWithinASecond();
  });

  it('logged nothing at error level and never crashed', () => {
    expect(slack.bot.child.exitCode).toBeNull();
    expect(slack.bot.logs().filter((e) => Number(e.level) >= 50)).toEqual([]);
  });
});
