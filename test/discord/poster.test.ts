import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { type Command, onChoice } from '../../src/core/command.js';
import type { ChannelRef } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import { pictureKey } from '../../src/pictures/key.js';
import { buttonClick } from '../fakes/discord/interactions.js';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID } from '../fakes/discord/server.js';
import { anyAction } from '../support/any-action.js';
import { postError } from '../support/post-error.js';
import { sleep } from '../support/sleep.js';
import { type Harness, interact, startHarness, textOf } from './harness.js';
import { expectValidMessage, type MessageJson } from './validate.js';

const channel = (channelId = FAKE_CHANNEL_ID): ChannelRef => ({
  platform: 'discord',
  channelId,
  serverId: FAKE_GUILD_ID,
});
const note = (text: string): Reply => ({ text, title: 'Note', body: text, visibility: 'channel' });

/** A command whose buttons carry actions longer than a custom_id can hold. */
const echo: Command = {
  name: 'echo',
  description: 'Echoes the clicked action',
  options: [],
  run: async () => note('echo'),
  actions: [
    onChoice(anyAction('echo'), (action) => ({ text: `clicked ${action.length} characters`, visibility: 'private' })),
  ],
};

describe('DiscordPoster against the fake REST', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ commands: [...commands, echo] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('posts and edits a channel message', async () => {
    const { messageId } = await h.adapter.poster.post(channel(), note('first version'));
    await h.adapter.poster.edit(channel(), messageId, note('second version'));
    expect(textOf(h.fake.rest.messages.get(messageId) as Record<string, unknown>)).toContain('second version');
  });

  it('posts a long reply as several valid messages and returns the first one’s id', async () => {
    const body = Array.from({ length: 800 }, (_, i) => `Line ${i} of a very long briefing.`).join('\n');
    const before = h.fake.rest.requests.length;
    const { messageId } = await h.adapter.poster.post(channel(), note(body));
    const posts = h.fake.rest.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expectValidMessage(p.body as MessageJson);
    expect(posts[0]?.response).toMatchObject({ id: messageId });
  });

  it('uploads the image as an attachment that the embed shows, with alt text', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const before = h.fake.rest.requests.length;
    await h.adapter.poster.post(channel(), {
      ...note('map'),
      image: { png, filename: 'map.png', alt: 'Tavush and Tovuz' },
    });
    const request = h.fake.rest.requests.slice(before).find((r) => r.method === 'POST');
    const name = `map-${pictureKey(png).slice(0, 16)}.png`;
    expect(request?.files.map((f) => [f.name, [...f.bytes]])).toEqual([[name, [...png]]]);
    expect(request?.body).toMatchObject({
      attachments: [{ id: 0, filename: name, description: 'Tavush and Tovuz' }],
      embeds: [{ image: { url: `attachment://${name}` } }],
    });
  });

  it('routes a click on a button whose action was too long for a custom_id', async () => {
    const action = `echo:${'x'.repeat(140)}`;
    const { messageId } = await h.adapter.poster.post(channel(), {
      ...note('pick'),
      choices: [{ action, label: 'Go' }],
    });
    const rows = h.fake.rest.messages.get(messageId)?.components as { components: { custom_id: string }[] }[];
    const customId = rows[0]?.components[0]?.custom_id ?? '';
    expect(customId.length).toBeLessThanOrEqual(100);
    const answer = await interact(h.fake, buttonClick({ customId, message: { id: messageId } }));
    expect(textOf(answer.message)).toBe(`clicked ${action.length} characters`);
  });

  it('marks Unknown Channel (10003), Missing Access (50001) and Missing Permissions (50013) permanent', async () => {
    h.fake.rest.missingChannels.add('111');
    h.fake.rest.forbiddenChannels.add('222');
    h.fake.rest.fail({ path: /^\/channels\/333\//, status: 403, body: { message: 'Missing Access', code: 50001 } });
    const gone = await postError(h.adapter.poster.post(channel('111'), note('x')));
    const denied = await postError(h.adapter.poster.post(channel('222'), note('x')));
    const noAccess = await postError(h.adapter.poster.post(channel('333'), note('x')));
    expect([gone, denied, noAccess].map((e) => [e.code, e.permanent])).toEqual([
      ['10003', true],
      ['50013', true],
      ['50001', true],
    ]);
  });

  it('reports a 5xx that outlasts discord.js’s retries as transient', async () => {
    h.fake.rest.fail({ path: /^\/channels\/444\//, status: 502, times: 10 });
    const error = await postError(h.adapter.poster.post(channel('444'), note('x')));
    expect([error.code, error.permanent]).toEqual(['502', false]);
    expect(h.fake.rest.requests.filter((r) => r.path === '/channels/444/messages')).toHaveLength(4);
  });

  it('survives a single 5xx through discord.js’s retry', async () => {
    h.fake.rest.fail({ path: /^\/channels\/\d+\/messages$/, status: 500 });
    const { messageId } = await h.adapter.poster.post(channel(), note('after a hiccup'));
    expect(h.fake.rest.messages.get(messageId)).toBeDefined();
  });

  it('hands a 429 back with retry_after as retryAfterMs, transient, and posts again afterwards', async () => {
    h.fake.rest.fail({
      path: /^\/channels\/555\//,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.5, global: false },
      headers: { 'retry-after': '0.5' },
    });
    const error = await postError(h.adapter.poster.post(channel('555'), note('x')));
    expect(error.permanent).toBe(false);
    expect(error.code).toBe('429');
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(500);
    expect(error.retryAfterMs).toBeLessThan(1_000);
    await sleep(error.retryAfterMs ?? 0);
    const { messageId } = await h.adapter.poster.post(channel('555'), note('later'));
    expect(h.fake.rest.messages.get(messageId)).toBeDefined();
  });
});
