import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../src/core/command.js';
import { slashCommand } from '../fakes/discord/interactions.js';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID } from '../fakes/discord/server.js';
import { type Harness, interact, startHarness } from './harness.js';

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);

const chart: Command = {
  name: 'chart',
  description: 'A reply with a picture',
  async run() {
    return {
      title: 'October 2020',
      body: 'Three events.',
      text: 'October 2020: three events.',
      image: { png: PNG, filename: 'timeline.png', alt: 'Strip of three events in October 2020' },
      visibility: 'channel',
    };
  },
};

describe('a reply with a picture', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ commands: [chart] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers with the text first, then adds the picture by editing the original response', async () => {
    const interaction = slashCommand({ name: 'chart' });
    const answer = await interact(h.fake, interaction);

    // The callback is plain JSON: the embed's text, no file and no dangling image reference.
    const callback = answer.requests.find((r) => r.path.endsWith('/callback'));
    expect(answer.callbackType).toBe(4);
    expect(callback?.files).toEqual([]);
    expect(answer.message).toMatchObject({ embeds: [{ title: 'October 2020', description: 'Three events.' }] });
    expect((answer.message.embeds as Record<string, unknown>[])[0]?.image).toBeUndefined();

    const edit = await h.fake.rest.waitFor(
      (r) =>
        r.method === 'PATCH' &&
        r.path === `/webhooks/${FAKE_APPLICATION_ID}/${interaction.token}/messages/@original` &&
        r.status === 200,
    );
    expect(edit.seq).toBeGreaterThan(callback?.seq ?? Number.POSITIVE_INFINITY);
    expect(edit.files.map((f) => [f.name, [...f.bytes]])).toEqual([['timeline.png', [...PNG]]]);
    // discord.js names a new file in an edit by its index among the request's files.
    expect(edit.body).toMatchObject({
      attachments: [{ id: '0', description: 'Strip of three events in October 2020' }],
      embeds: [{ title: 'October 2020', image: { url: 'attachment://timeline.png' } }],
    });

    // What the channel ends up showing: one message whose embed shows the file it carries (so Discord does not list it as an attachment).
    const shown = h.fake.rest.messages.get(String((edit.response as { id: string }).id));
    expect(shown?.attachments).toEqual([]);
    expect(shown?.embeds).toMatchObject([
      {
        title: 'October 2020',
        image: { url: expect.stringMatching(/^https:\/\/cdn\.discordapp\.com\/attachments\/.+\/timeline\.png$/) },
      },
    ]);
    // Logged once, when both steps are done.
    await vi.waitFor(() =>
      expect(h.logs.filter((l) => l.msg === 'interaction')).toMatchObject([
        {
          command: 'chart',
          outcome: 'ok',
          interaction: interaction.id,
          user: (interaction.member as { user: { id: string } }).user.id,
        },
      ]),
    );
  });
});

describe('a reply with a picture, with PUBLIC_URL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ commands: [chart], publicUrl: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('links the picture in the embed of the one JSON callback: no upload, no edit', async () => {
    const interaction = slashCommand({ name: 'chart' });
    const answer = await interact(h.fake, interaction);
    expect(answer.callbackType).toBe(4);
    const [embed] = answer.message.embeds as { title: string; image?: { url: string } }[];
    expect(embed?.title).toBe('October 2020');
    expect(embed?.image?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pictures\/[0-9a-f]{32}\.png$/);
    expect(answer.requests.flatMap((r) => r.files)).toEqual([]);
    expect(answer.requests.filter((r) => r.method === 'PATCH')).toEqual([]);

    // What Discord's image proxy fetches from that link.
    const served = await fetch(embed!.image!.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });

  it('posts a channel message (a briefing) with the linked picture and no attachment', async () => {
    const reply = await chart.run!({} as never, {} as never);
    const { messageId } = await h.adapter.poster.post(
      { platform: 'discord', channelId: FAKE_CHANNEL_ID, serverId: FAKE_GUILD_ID },
      reply,
    );
    const shown = h.fake.rest.messages.get(messageId);
    expect(shown?.attachments ?? []).toEqual([]);
    expect(shown?.embeds).toMatchObject([{ image: { url: expect.stringMatching(/\/pictures\/[0-9a-f]{32}\.png$/) } }]);
  });
});
