import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { type Answer, type GameState, keys } from '../../src/engine/quiz/state.js';
import type { RecordedCall } from '../fakes/slack-api.js';
import { ALICE, BOB, CHANNEL, type Harness, sign, startHarness, TEAM } from '../slack/harness.js';
import { sleep } from '../support/sleep.js';

/**
 * Forged requests (bad signature, no signature, a stale timestamp) are
 * rejected with 401 before anything runs: test/slack/requests.test.ts
 * "request verification" proves that for slash commands. Here: a forged
 * click, and replays of genuinely signed requests inside Slack's 5-minute
 * window, which Bolt accepts, so the engine itself must make them harmless.
 */

let h: Harness;
let clock = Date.parse('2026-03-01T12:00:00Z');
beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
});
afterAll(() => h.stop());

const channel = { platform: 'slack', channelId: CHANNEL } as const;

async function game(): Promise<GameState> {
  const state = await h.store.get<GameState>(keys.game(channel));
  if (!state) throw new Error('no game running');
  return state;
}

/** The exact bytes and headers of one signed block_actions click, to send as often as an attacker likes. */
function signedClick(value: string, actionId: string, user: typeof ALICE, messageTs: string) {
  const body = h.clickBody(value, user, messageTs, { actionId });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, timestamp),
  };
  return { body, headers };
}

function buttonsOf(call: RecordedCall): { value: string; action_id: string }[] {
  const blocks = call.body.blocks as { type: string; elements?: { value: string; action_id: string }[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

const posts = (pattern: RegExp) =>
  h.fake.calls.filter((c) => c.method === 'chat.postMessage' && pattern.test(String(c.body.text)));

describe('forged and replayed Slack requests', () => {
  it('acknowledges a request timestamped in the future, and one Slack retries, without running either', async () => {
    const body = new URLSearchParams({
      team_id: TEAM,
      channel_id: CHANNEL,
      user_id: BOB.id,
      user_name: BOB.name,
      command: '/timeline',
      text: '2020-10',
      api_app_id: 'A0APP',
      response_url: h.fake.responseUrl('cmd-future'),
      trigger_id: 'trigger-cmd-future',
    }).toString();
    const ahead = Math.floor(Date.now() / 1000) + 10 * 60;
    const future = await h.raw(body, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ahead),
      'x-slack-signature': sign(body, ahead),
    });
    expect(future.status).toBe(200);
    expect(future.text).toBe('');
    const now = Math.floor(Date.now() / 1000);
    const retried = await h.raw(body, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(now),
      'x-slack-signature': sign(body, now),
      'x-slack-retry-num': '1',
    });
    expect(retried.status).toBe(200);
    expect(retried.text).toBe('');
  });

  it('acknowledges a replayed slash command and runs it no further: one game starts', async () => {
    const start = { body: '', headers: {} as Record<string, string> };
    start.body = new URLSearchParams({
      team_id: TEAM,
      channel_id: CHANNEL,
      user_id: ALICE.id,
      user_name: ALICE.name,
      command: '/quiz',
      text: 'start rounds:1 seconds:30',
      api_app_id: 'A0APP',
      response_url: h.fake.responseUrl('cmd-replayed'),
      trigger_id: 'trigger-cmd-replayed',
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    start.headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(start.body, timestamp),
    };
    const first = await h.raw(start.body, start.headers);
    expect(first.status).toBe(200);
    const replays = await Promise.all([1, 2, 3].map(() => h.raw(start.body, start.headers)));
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.text).toBe('');
    }
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && /Question 1 of 1/.test(String(c.body.text)));
    expect(posts(/Question 1 of 1/)).toHaveLength(1);
  });

  it('proves a forged answer click is rejected with 401 and records nothing', async () => {
    const g = await game();
    const round = posts(/Question 1 of 1/)[0] as RecordedCall;
    const button = buttonsOf(round)[0] as { value: string; action_id: string };
    const click = signedClick(button.value, button.action_id, BOB, g.messageId as string);
    const forged = await h.raw(click.body, { ...click.headers, 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    expect(await h.store.list(keys.answers(g.id, 0))).toEqual([]);
  });

  it('counts a signed answer click replayed within the 5-minute window once, and answers only the first', async () => {
    const g = await game();
    const question = g.questions[0];
    if (!question) throw new Error('no question');
    const round = posts(/Question 1 of 1/)[0] as RecordedCall;
    const button = buttonsOf(round)[question.answer] as { value: string; action_id: string };
    const click = signedClick(button.value, button.action_id, ALICE, g.messageId as string);
    const before = h.fake.callsTo('respond').length;
    // The original and four replays, all at once, as a replaying attacker would send them.
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => h.raw(click.body, click.headers)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const replies = await h.fake.waitForCount((c) => c.method === 'respond', before + 1);
    await sleep(200);
    const texts = h.fake
      .callsTo('respond')
      .slice(before)
      .map((r) => String(r.body.text));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Locked in/);
    expect(replies.length).toBeGreaterThan(before);

    const recorded = await h.store.list<Answer>(keys.answers(g.id, 0));
    expect(recorded.map((a) => a.userId)).toEqual([ALICE.id]);

    clock += 31_000;
    expect(await closeDueQuizRounds(h.services)).toBe(1);
    const final = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && /Quiz over/.test(String(c.body.text)));
    expect(String(final.body.text)).toMatch(/alice: \d+ points? \(1 right\)/);
  });
});
