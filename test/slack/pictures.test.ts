import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands as registry } from '../../commands/index.js';
import { loadPack } from '../../src/content/load.js';
import type { Command } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { ALICE, CHANNEL, type Harness, startHarness, TEAM } from './harness.js';

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

interface ImageBlock {
  type: 'image';
  image_url: string;
  alt_text: string;
}
interface AckBody {
  response_type: string;
  blocks: { type: string }[];
}

function imageBlocks(blocks: unknown): ImageBlock[] {
  return ((blocks as { type: string }[] | undefined) ?? []).filter((b): b is ImageBlock => b.type === 'image');
}

const PNG = new Uint8Array([...PNG_SIGNATURE, 7, 7, 7]);
const chartReply = (visibility: Reply['visibility']): Reply => ({
  title: 'October 2020',
  body: 'Three events.',
  text: 'October 2020: three events.',
  image: { png: PNG, filename: 'timeline.png', alt: 'Strip of three events in October 2020' },
  visibility,
});
const privateChart: Command = {
  name: 'mychart',
  description: 'A private reply with a picture',
  async run() {
    return chartReply('private');
  },
};
/** A channel reply whose picture no other test has linked yet. */
const freshChart: Command = {
  name: 'freshchart',
  description: 'A channel reply with a picture of its own',
  async run() {
    const reply = chartReply('channel');
    return { ...reply, image: { ...reply.image!, png: new Uint8Array([...PNG, 1]) } };
  },
};

/** Counts the Store writes of pictures while `work` runs. */
async function pictureWrites(h: Harness, work: () => Promise<unknown>): Promise<number> {
  const set = h.store.set.bind(h.store);
  let writes = 0;
  h.store.set = async (key, value, ttl) => {
    if (key.startsWith('picture:')) writes++;
    return set(key, value, ttl);
  };
  try {
    await work();
  } finally {
    h.store.set = set;
  }
  return writes;
}

describe('pictures on Slack with PUBLIC_URL: shown by link, never uploaded', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      publicUrl: true,
      pack: await loadPack('content/caucasus'),
      commands: [...registry, privateChart, freshChart],
    });
  });
  afterAll(() => h?.stop());

  it('puts /timeline’s chart in an image block of the ack itself, served by this instance', async () => {
    const answer = await h.command('/timeline', '2020-10');
    const body = answer.body as AckBody;
    expect(body.response_type).toBe('in_channel');
    const [image] = imageBlocks(body.blocks);
    const base = new URL(h.eventsUrl).origin;
    expect(image?.image_url).toMatch(new RegExp(`^${base}/pictures/[0-9a-f]{32}\\.png$`));
    expect(image?.alt_text).toMatch(/October 2020/);

    const served = await fetch(image!.image_url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    const png = new Uint8Array(await served.arrayBuffer());
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    // The name is the content's hash: a link can only ever show this picture.
    const key = createHash('sha256').update(png).digest('hex').slice(0, 32);
    expect(image!.image_url).toContain(`/pictures/${key}.png`);
    expect(h.fake.calls.filter((c) => c.method.startsWith('files.') || c.method === 'upload')).toEqual([]);
  });

  it('turns a timeline page in place with the chart still linked, and nothing uploaded', async () => {
    const body = (await h.command('/timeline', '2020-10')).body as { blocks: { elements?: { value?: string }[] }[] };
    const next = body.blocks.flatMap((b) => b.elements ?? []).find((e) => e.value?.startsWith('timeline:page:2'));
    expect(next?.value).toBeDefined();
    const fetchedBefore = h.fake.fetchedImages.length;
    await h.click(next!.value!, ALICE, '1700000000.000100');
    const update = await h.fake.waitFor((c) => c.method === 'chat.update');
    const [image] = imageBlocks(update.body.blocks);
    expect(image?.image_url).toMatch(/\/pictures\/[0-9a-f]{32}\.png$/);
    // Slack fetches the linked chart before it accepts the update (the fake records the call, then fetches).
    await vi.waitFor(() => expect(h.fake.fetchedImages.slice(fetchedBefore).map((f) => f.status)).toEqual([200]));
    expect(h.fake.calls.filter((c) => c.method.startsWith('files.') || c.method === 'upload')).toEqual([]);
  });

  it('links the same picture again without storing it twice', async () => {
    const urls: (string | undefined)[] = [];
    const writes = await pictureWrites(h, async () => {
      for (let i = 0; i < 3; i++) {
        urls.push(imageBlocks(((await h.command('/timeline', '2020')).body as AckBody).blocks)[0]?.image_url);
      }
    });
    expect(urls[0]).toMatch(/\/pictures\/[0-9a-f]{32}\.png$/);
    expect(new Set(urls).size).toBe(1);
    expect(writes).toBe(1);
  });

  it('shows a private reply’s picture too, in the ephemeral message', async () => {
    const body = (await h.command('/mychart', '')).body as AckBody;
    expect(body.response_type).toBe('ephemeral');
    const [image] = imageBlocks(body.blocks);
    expect(image?.alt_text).toBe('Strip of three events in October 2020');
    const png = new Uint8Array(await (await fetch(image!.image_url)).arrayBuffer());
    expect([...png]).toEqual([...PNG]);
  });

  it('posts a briefing’s picture as a link Slack can fetch, with no upload', async () => {
    const channel = { platform: 'slack' as const, channelId: CHANNEL, serverId: TEAM };
    const fetchedBefore = h.fake.fetchedImages.length;
    await h.slack.poster.post(channel, chartReply('channel'));
    const posted = h.fake.callsTo('chat.postMessage').at(-1)!;
    const [image] = imageBlocks(posted.body.blocks);
    expect(image).toBeDefined();
    // The fake fetches linked images as Slack does, and would have refused the message otherwise.
    expect(h.fake.fetchedImages.slice(fetchedBefore)).toEqual([
      { url: image!.image_url, status: 200, contentType: 'image/png', bytes: PNG },
    ]);
    expect(h.fake.calls.filter((c) => c.method.startsWith('files.') || c.method === 'upload')).toEqual([]);
  });

  it('uploads the picture as before when the store cannot keep it, so the reply loses nothing', async () => {
    const set = h.store.set.bind(h.store);
    h.store.set = async (key, value, ttl) => {
      if (key.startsWith('picture:')) throw new Error('store is down');
      return set(key, value, ttl);
    };
    try {
      const body = (await h.command('/freshchart', '')).body as AckBody;
      expect(body.response_type).toBe('in_channel');
      expect(imageBlocks(body.blocks)).toEqual([]);
      const complete = await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal');
      expect(complete.body).toMatchObject({ channel_id: CHANNEL });
      expect(h.logs.some((l) => l.level === 40 && l.msg.includes('uploading it instead'))).toBe(true);
    } finally {
      h.store.set = set;
    }
  });
});
