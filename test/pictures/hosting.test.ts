import { createHash } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PictureHost } from '../../src/core/picture-host.js';
import type { ReplyImage } from '../../src/core/reply.js';
import type { Store } from '../../src/core/store.js';
import { silentLogger } from '../../src/log.js';
import { type OpsServer, startOpsServer } from '../../src/ops/http.js';
import { createPicturesHandler } from '../../src/ops/pictures-route.js';
import { PICTURE_KEPT_MS, pictureLink, StoredPictureHost } from '../../src/pictures/hosting.js';
import { MemoryStore } from '../../src/store/memory.js';
import { backends } from '../support/backends.js';
import { sleep } from '../support/sleep.js';

const BASE = 'https://chronicle.example.org';
const image = (bytes: number[]): ReplyImage => ({
  png: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...bytes]),
  filename: 'timeline.png',
  alt: 'Strip of three events',
});

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An instance's picture route on its own loopback port. */
async function serve(host: PictureHost): Promise<string> {
  const server = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    handler: createPicturesHandler(host, silentLogger),
    log: silentLogger,
  });
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

describe('PictureHost', () => {
  it('names a picture by the hash of its bytes, under PUBLIC_URL', async () => {
    const picture = image([1, 2, 3]);
    const key = createHash('sha256').update(picture.png).digest('hex').slice(0, 32);
    expect(await new StoredPictureHost(BASE, new MemoryStore()).link(picture)).toBe(`${BASE}/pictures/${key}.png`);
  });

  it('stores a picture once however often it is shown, and keeps it 30 days', async () => {
    const store = new MemoryStore();
    const writes: { key: string; ttl?: number }[] = [];
    const set = store.set.bind(store);
    store.set = async (key, value, ttl) => {
      writes.push({ key, ttl });
      return set(key, value, ttl);
    };
    const host = new StoredPictureHost(BASE, store);
    const picture = image([4, 5]);
    const links = await Promise.all([host.link(picture), host.link(picture), host.link({ ...picture })]);
    expect(new Set(links).size).toBe(1);
    expect(writes).toEqual([{ key: expect.stringMatching(/^picture:[0-9a-f]{32}$/), ttl: PICTURE_KEPT_MS }]);
  });

  it('answers only once the picture is in the store, so any instance can serve the link', async () => {
    const store = new MemoryStore();
    let release: () => void = () => {};
    const set = store.set.bind(store);
    store.set = async (key, value, ttl) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return set(key, value, ttl);
    };
    let linked = false;
    const host = new StoredPictureHost(BASE, store);
    const pending = host.link(image([6])).then(() => {
      linked = true;
    });
    await sleep(20);
    expect(linked).toBe(false);
    expect(host.linkIfStored(image([6]))).toBeUndefined();
    release();
    await pending;
    expect(linked).toBe(true);
    // Once stored, later replies take the link without waiting on the store at all.
    expect(host.linkIfStored(image([6]))).toMatch(/^https:\/\/chronicle\.example\.org\/pictures\/[0-9a-f]{32}\.png$/);
  });

  it('gives no link when the store refuses the picture (the adapter uploads it instead), and tries again next time', async () => {
    const store = new MemoryStore();
    const set = store.set.bind(store);
    let down = true;
    store.set = async (key, value, ttl) => {
      if (down) throw new Error('store is down');
      return set(key, value, ttl);
    };
    const warnings: unknown[] = [];
    const log = {
      ...silentLogger,
      warn: (...args: unknown[]) => warnings.push(args),
    } as unknown as typeof silentLogger;
    const host = new StoredPictureHost(BASE, store);
    expect(await pictureLink(host, image([7]), log)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    down = false;
    expect(await pictureLink(host, image([7]), log)).toMatch(/^https:\/\/chronicle\.example\.org\/pictures\//);
  });

  it('gives up on a store that hangs, so the reply goes out in time with its picture uploaded', async () => {
    const store = new MemoryStore();
    store.set = () => new Promise(() => {});
    const warnings: unknown[] = [];
    const log = {
      ...silentLogger,
      warn: (...args: unknown[]) => warnings.push(args),
    } as unknown as typeof silentLogger;
    // A store that never answers: without the wait's bound this would hang until the test times out.
    expect(await pictureLink(new StoredPictureHost(BASE, store), image([10]), log, 50)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it('gives no link without a host or without a picture', async () => {
    expect(await pictureLink(undefined, image([8]))).toBeUndefined();
    expect(await pictureLink(new StoredPictureHost(BASE, new MemoryStore()), undefined)).toBeUndefined();
  });
});

describe.each(backends())('pictures shared through the $name store', (backend) => {
  afterAll(() => backend.cleanup());

  it('are served by an instance that never saw them, byte for byte', async () => {
    const store: Store = await backend.open();
    const picture = image([...Array(5_000).keys()].map((i) => (i * 31) % 256));
    const link = await new StoredPictureHost(BASE, store).link(picture);
    const other = await serve(new StoredPictureHost(BASE, store));
    const res = await fetch(link.replace(BASE, other));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(picture.png);
  });
});

describe('GET /pictures/<key>.png', () => {
  it('serves the bytes with a long, immutable cache and an ETag; HEAD gives the headers only', async () => {
    const host = new StoredPictureHost(BASE, new MemoryStore());
    const picture = image([9, 9]);
    const base = await serve(host);
    const path = new URL(await host.link(picture)).pathname;
    const got = await fetch(`${base}${path}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(got.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Number(got.headers.get('content-length'))).toBe(picture.png.byteLength);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(picture.png);
    const head = await fetch(`${base}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['an unknown picture', `/pictures/${'0'.repeat(32)}.png`],
    ['a name that is not a hash', '/pictures/timeline.png'],
    ['upper-case hex', `/pictures/${'A'.repeat(32)}.png`],
    ['a path outside the folder', '/pictures/..%2F..%2Fetc%2Fpasswd'],
    ['the folder itself', '/pictures/'],
  ])('is 404 for %s', async (_what, path) => {
    const base = await serve(new StoredPictureHost(BASE, new MemoryStore()));
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('is 405 for anything but GET and HEAD', async () => {
    const base = await serve(new StoredPictureHost(BASE, new MemoryStore()));
    const res = await fetch(`${base}/pictures/${'0'.repeat(32)}.png`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('is 503 (try again) when the store cannot be read, rather than a 404 the platform would cache', async () => {
    const store = new MemoryStore();
    store.get = async () => {
      throw new Error('store is down');
    };
    const base = await serve(new StoredPictureHost(BASE, store));
    const res = await fetch(`${base}/pictures/${'1'.repeat(32)}.png`);
    expect(res.status).toBe(503);
  });
});
