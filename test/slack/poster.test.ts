import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { BriefingScheduler } from '../../src/schedule/briefings.js';
import { postError } from '../support/post-error.js';
import { ALICE, BOB, CHANNEL, type Harness, startHarness, TEAM } from './harness.js';

const channel = { platform: 'slack' as const, channelId: CHANNEL, serverId: TEAM };
const reply: Reply = { text: 'Round one', title: 'Question 1', body: 'Which came first?', visibility: 'channel' };

let h: Harness;
let clock = Date.parse('2026-03-02T07:59:00Z');
beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
});
afterAll(() => h.stop());

describe('the Slack Poster', () => {
  it('posts Block Kit with chat.postMessage and edits the same message with chat.update', async () => {
    const { messageId } = await h.slack.poster.post(channel, reply);
    const posted = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(posted.body).toMatchObject({ channel: CHANNEL, text: 'Round one' });
    expect(posted.token).toBe('xoxb-test-0000-token');
    await h.slack.poster.edit(channel, messageId, { ...reply, footer: '2 answers so far' });
    expect(h.fake.callsTo('chat.update').at(-1)!.body).toMatchObject({ channel: CHANNEL, ts: messageId });
  });

  it('uploads a picture as a file in the channel (files.uploadV2)', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    await h.slack.poster.post(channel, { ...reply, image: { png, filename: 'map.png', alt: 'Map of Tovuz' } });
    await h.fake.waitFor((c) => c.method === 'upload');
    const complete = await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal');
    expect(complete.body).toMatchObject({ channel_id: CHANNEL });
    expect(JSON.stringify(complete.body.files)).toContain('Map of Tovuz');
  });

  it.each(['channel_not_found', 'is_archived', 'not_in_channel', 'token_revoked'])(
    'reports %s as permanent, so a briefing pauses instead of retrying forever',
    async (code) => {
      h.fake.failNext('chat.postMessage', { error: code });
      const error = await postError(h.slack.poster.post(channel, reply));
      expect(error).toMatchObject({ code, permanent: true });
    },
  );

  it('reports a 429 as temporary with the Retry-After Slack asked for', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await postError(h.slack.poster.post(channel, reply));
    expect(error).toMatchObject({ code: '429', permanent: false, retryAfterMs: 7_000 });
  });

  it('reports a server error as temporary', async () => {
    h.fake.failNext('chat.update', { status: 503 });
    const error = await postError(h.slack.poster.edit(channel, '1.2', reply));
    expect(error).toMatchObject({ code: '503', permanent: false });
  });
});

describe('a daily briefing in a Slack channel', () => {
  it('needs a workspace admin to subscribe (users.info), then posts in Block Kit at the local time', async () => {
    const refused = await h.command('/briefing', 'subscribe time:08:00 timezone:UTC', BOB);
    expect(refused.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String((refused.body as { text: string }).text)).toMatch(/admin|manage/i);

    h.fake.admins.add(ALICE.id);
    const ok = await h.command('/briefing', 'subscribe time:08:00 timezone:UTC', ALICE);
    expect(String((ok.body as { text: string }).text)).toMatch(/^Subscribed/);

    clock = Date.parse('2026-03-02T08:00:30Z');
    const before = h.fake.callsTo('chat.postMessage').length;
    const report = await new BriefingScheduler(h.services, { sleep: async () => {} }).tick();
    expect(report.sent).toBe(1);
    const [briefing] = h.fake.callsTo('chat.postMessage').slice(before);
    expect(briefing?.body.channel).toBe(CHANNEL);
    const blocks = briefing?.body.blocks as { type: string }[];
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.some((b) => b.type === 'context')).toBe(true);
  });

  it('pauses itself when Slack says the channel is gone, and /briefing status says why', async () => {
    clock = Date.parse('2026-03-03T08:00:30Z');
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const report = await new BriefingScheduler(h.services, { sleep: async () => {} }).tick();
    expect(report.paused).toBe(1);
    const status = await h.command('/briefing', 'status', ALICE);
    expect(String((status.body as { text: string }).text)).toMatch(/Paused since .*channel_not_found/);
  });
});
