import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadPack } from '../../src/content/load.js';
import { type Command, onChoice } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { buttonClick, slashCommand } from '../fakes/discord/interactions.js';
import type { RecordedRequest } from '../fakes/discord/rest.js';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID } from '../fakes/discord/server.js';
import { anyAction } from '../support/any-action.js';
import { type Harness, interact, startHarness } from './harness.js';

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
/** The same picture as PNG, drawn again: equal bytes in another array. */
const SAME_PNG = new Uint8Array(PNG);
const OTHER_PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 4, 5, 6]);

const page = (n: number, png: Uint8Array | undefined): Reply => ({
  title: `October 2020, page ${n}`,
  body: `Events of page ${n}.`,
  text: `October 2020, page ${n}.`,
  ...(png ? { image: { png, filename: 'timeline.png', alt: 'Strip of three events in October 2020' } } : {}),
  choices: [
    { action: 'chart:same', label: 'Next' },
    { action: 'chart:other', label: 'Another period' },
    { action: 'chart:none', label: 'Text only' },
  ],
  visibility: 'channel',
});

const chart: Command = {
  name: 'chart',
  description: 'A reply with a picture, and pages that keep it, change it or drop it',
  async run() {
    return page(1, PNG);
  },
  actions: [
    onChoice(anyAction('chart'), (action) => {
      const pictures: Record<string, Uint8Array | undefined> = {
        'chart:same': SAME_PNG,
        'chart:other': OTHER_PNG,
        'chart:none': undefined,
      };
      return { ...page(2, pictures[action]), replaceOriginal: true };
    }),
  ],
};

/** The picture an embed shows, as Discord reports it: the CDN address of the attachment (its id and name). */
function shownPicture(message: Record<string, unknown> | undefined): { id: string; name: string } | undefined {
  const url = ((message?.embeds as { image?: { url?: string } }[] | undefined)?.[0]?.image?.url ?? '') as string;
  const match = /\/attachments\/[^/]+\/(\d+)\/([^/]+)$/.exec(url);
  return match ? { id: match[1] as string, name: match[2] as string } : undefined;
}

const uploads = (requests: RecordedRequest[]) => requests.flatMap((r) => r.files.map((f) => f.name));

describe('a reply with a picture, uploaded (no PUBLIC_URL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ commands: [chart] });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Runs /chart and returns the message it posted, as the channel shows it. */
  async function postChart() {
    const interaction = slashCommand({ name: 'chart' });
    const answer = await interact(h.fake, interaction);
    const messageId = h.fake.rest.originalOf(interaction.token)?.id as string;
    return { interaction, answer, messageId };
  }

  it('sends the picture in the first interaction response: one multipart callback carrying the file, no edit', async () => {
    const { interaction, answer, messageId } = await postChart();
    expect(answer.callbackType).toBe(4);
    expect(answer.requests.map((r) => `${r.method} ${r.path.replace(interaction.token, 'TOKEN')}`)).toEqual([
      `POST /interactions/${interaction.id}/TOKEN/callback`,
    ]);
    const [callback] = answer.requests;
    expect(callback?.contentType).toMatch(/^multipart\/form-data/);
    // Named by its content, so a later edit can tell the message already carries this picture.
    const name = callback?.files[0]?.name ?? '';
    expect(name).toMatch(/^timeline-[0-9a-f]{16}\.png$/);
    expect(callback?.files.map((f) => [f.name, [...f.bytes]])).toEqual([[name, [...PNG]]]);
    expect(answer.message).toMatchObject({
      attachments: [{ id: '0', description: 'Strip of three events in October 2020' }],
      embeds: [{ title: 'October 2020, page 1', image: { url: `attachment://${name}` } }],
    });
    // What the channel shows: the embed shows the uploaded file.
    expect(shownPicture(h.fake.rest.messages.get(messageId))?.name).toBe(name);
    // Logged once, when the reply is out.
    await vi.waitFor(() =>
      expect(h.logs.filter((l) => l.msg === 'interaction' && l.interaction === interaction.id)).toMatchObject([
        { command: 'chart', outcome: 'ok', user: (interaction.member as { user: { id: string } }).user.id },
      ]),
    );
  });

  it('turns a page that keeps the chart without uploading it again: one JSON update keeping the attachment by id', async () => {
    const { messageId } = await postChart();
    const before = shownPicture(h.fake.rest.messages.get(messageId));
    const click = buttonClick({ customId: 'chart:same', message: { id: messageId } });
    const answer = await interact(h.fake, click);
    expect(answer.callbackType).toBe(7);
    expect(answer.requests).toHaveLength(1);
    expect(answer.requests[0]?.contentType).toBe('application/json');
    expect(uploads(answer.requests)).toEqual([]);
    expect(answer.message).toMatchObject({
      attachments: [{ id: before?.id }],
      embeds: [{ title: 'October 2020, page 2', image: { url: `attachment://${before?.name}` } }],
    });
    const shown = h.fake.rest.messages.get(messageId);
    expect(shownPicture(shown)).toEqual(before);
    expect(shown?.attachments).toEqual([]);
  });

  it('uploads a different chart in the one update, and the old one goes', async () => {
    const { messageId } = await postChart();
    const before = shownPicture(h.fake.rest.messages.get(messageId));
    const answer = await interact(h.fake, buttonClick({ customId: 'chart:other', message: { id: messageId } }));
    expect(answer.callbackType).toBe(7);
    expect(answer.requests).toHaveLength(1);
    const [name] = uploads(answer.requests);
    expect(name).toMatch(/^timeline-[0-9a-f]{16}\.png$/);
    expect(name).not.toBe(before?.name);
    const shown = h.fake.rest.messages.get(messageId);
    expect(shownPicture(shown)?.name).toBe(name);
    expect(shown?.attachments).toEqual([]);
  });

  it('drops the picture when the new page has none', async () => {
    const { messageId } = await postChart();
    const answer = await interact(h.fake, buttonClick({ customId: 'chart:none', message: { id: messageId } }));
    expect(answer.message).toMatchObject({ attachments: [] });
    const shown = h.fake.rest.messages.get(messageId);
    expect(shown?.attachments).toEqual([]);
    expect(shownPicture(shown)).toBeUndefined();
  });
});

describe('/timeline with its chart uploaded, on the curated pack', () => {
  let h: Harness;
  beforeAll(async () => {
    const pack = await loadPack(path.resolve(import.meta.dirname, '../../content/caucasus'));
    h = await startHarness({ commands, pack });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uploads the chart once: the reply carries it, Next keeps it', async () => {
    const interaction = slashCommand({ name: 'timeline', options: { when: '2020' } });
    const answer = await interact(h.fake, interaction);
    expect(answer.requests).toHaveLength(1);
    expect(uploads(answer.requests)).toHaveLength(1);
    const messageId = h.fake.rest.originalOf(interaction.token)?.id as string;
    const next = (answer.message.components as { components: { custom_id: string; label: string }[] }[])
      .flatMap((row) => row.components)
      .find((c) => c.label.startsWith('Next'));
    const turned = await interact(h.fake, buttonClick({ customId: next?.custom_id ?? '', message: { id: messageId } }));
    expect(turned.requests).toHaveLength(1);
    expect(uploads(turned.requests)).toEqual([]);
    expect(JSON.stringify(turned.message.embeds)).toMatch(/page 2/i);
    expect(shownPicture(h.fake.rest.messages.get(messageId))?.name).toBe(uploads(answer.requests)[0]);
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
    expect(embed?.title).toBe('October 2020, page 1');
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
