import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { freePort, type Running, startChronicle } from '../ops/process.js';
import { sign } from './harness.js';

const SECRET = 'start-test-secret';

let fake: FakeSlackApi;
let bot: Running;
let port: number;

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  port = await freePort();
  bot = startChronicle({
    argv: ['bin/chronicle.js', 'start'],
    cwd: process.cwd(),
    env: {
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE_URL: 'memory://',
      CONTENT_DIR: 'test/fixtures/pack',
    },
  });
  await bot.waitForLog((e) => e.msg === 'slack connected', 20_000);
});

afterAll(async () => {
  if (bot.child.exitCode === null) {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  await fake.stop();
});

describe('npm start with the Slack variables set', () => {
  it('checks its token with auth.test, then answers a signed slash command on PORT', async () => {
    // Bolt starts auth.test when the app is built; under load the call can land just after the "connected" line.
    await fake.waitFor((c) => c.method === 'auth.test');
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      channel_id: 'C0START',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/timeline',
      text: '2020-09',
      response_url: fake.responseUrl('start'),
      trigger_id: 't',
      api_app_id: 'A0APP',
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(body, ts, SECRET),
      },
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { response_type: string; text: string };
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toMatch(/Timeline: September 2020/);
  });

  it('serves /healthz on the same port', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
  });
});
