import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { isUserError } from '../../src/core/errors.js';
import { savePicture } from '../../src/pictures/save.js';
import { harness } from '../support/harness.js';

const REAL_PACK = path.resolve(import.meta.dirname, '../../content/caucasus');

async function userError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('/map on the fixture pack', () => {
  it('replies with a map of the year’s places and lists them in words', async () => {
    const h = await harness();
    const reply = await h.run('/map 2020');
    expect(reply.title).toBe('Map: 2020');
    expect(reply.image?.filename).toBe('map.png');
    expect(
      Buffer.from(reply.image?.png ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(reply.image?.alt).toContain('Tovuz');
    expect(reply.body).toContain('**Tavush** (Armenia): 1 event');
    expect(reply.body).toContain('**Nagorno-Karabakh**: 1 event');
    expect(reply.sources?.map((s) => s.outlet)).toEqual(['World Socialist Web Site']);
    expect(reply.visibility).toBe('channel');
  });

  it('maps all events when no period is given, and narrows to a topic through its aliases', async () => {
    const h = await harness();
    expect((await h.run('/map')).title).toBe('Map: all events');
    const reply = await h.run('/map 2020 Toyuz');
    expect(reply.title).toBe('Map: 2020 about Tovuz');
    expect(reply.body).toContain('**Tovuz**');
    expect(reply.body).not.toContain('Nagorno-Karabakh');
  });

  it('says so, without a picture, when the period has no events', async () => {
    const reply = await (await harness()).run('/map 2019');
    expect(reply.image).toBeUndefined();
    expect(reply.body).toContain('No events in the pack for 2019');
  });

  it('turns a bad period or topic into an error a person can act on', async () => {
    const h = await harness();
    expect(await userError(h.run('/map 2020-13'))).toBe('2020-13 is not a month; try 2020-12.');
    expect(await userError(h.run('/map yesterday'))).toContain('is not a date; use YYYY, YYYY-MM');
    expect(await userError(h.run('/map 2020 Gnaja'))).toContain('Did you mean Ganja?');
    expect(await userError(h.run('/map 2020-11..2020-10'))).toContain('ends before it starts');
  });
});

describe('/timeline and its strip', () => {
  it('leaves the picture out below three events, where the list says it all', async () => {
    const reply = await (await harness()).run('/timeline 2020');
    expect(reply.body).toContain('Clashes at Tavush and Tovuz');
    expect(reply.image).toBeUndefined();
  });
});

describe('on the real pack', () => {
  it('/map 2020 and /timeline 2020-10 carry pictures', async () => {
    const pack = await loadPack(REAL_PACK);
    const h = await harness({ pack });
    const map = await h.run('/map 2020');
    expect(map.image?.png.length).toBeGreaterThan(1000);
    expect(map.image?.alt).toMatch(/event places? marked/);
    const october = pack.eventsBetween('2020-10', '2020-10');
    const timeline = await h.run('/timeline 2020-10');
    if (october.length >= 3) {
      expect(timeline.image?.filename).toBe('timeline.png');
      expect(timeline.image?.alt).toContain(`${october.length} events`);
    } else expect(timeline.image).toBeUndefined();
  });
});

describe('savePicture', () => {
  it('writes the PNG once under a name that carries its hash, and returns the path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'chronicle-pictures-'));
    try {
      const reply = await (await harness()).run('/map 2020');
      const image = reply.image;
      if (!image) throw new Error('no picture');
      const file = await savePicture(image, path.join(dir, 'nested'));
      expect(path.isAbsolute(file)).toBe(true);
      expect(path.basename(file)).toMatch(/^map-[0-9a-f]{12}\.png$/);
      expect(new Uint8Array(await readFile(file))).toEqual(image.png);
      expect(await savePicture(image, path.join(dir, 'nested'))).toBe(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
