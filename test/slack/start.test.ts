import { describe, expect, it } from 'vitest';
import { sign } from './harness.js';
import { useSlackProcess } from './process.js';

const SECRET = 'start-test-secret';

const slack = useSlackProcess(SECRET);

describe('npm start with the Slack variables set', () => {
  it('checks its token with auth.test, then answers a signed slash command on PORT', async () => {
    // Bolt starts auth.test when the app is built; under load the call can land just after the "connected" line.
    await slack.fake.waitFor((c) => c.method === 'auth.test');
    expect(slack.fake.callsTo('auth.test')).toHaveLength(1);
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      channel_id: 'C0START',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/timeline',
      text: '2020-09',
      response_url: slack.fake.responseUrl('start'),
      trigger_id: 't',
      api_app_id: 'A0APP',
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${slack.port}/slack/events`, {
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
    const res = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    slack.bot.child.kill('SIGTERM');
    const { code } = await slack.bot.exited;
    expect(code).toBe(0);
  });
});
