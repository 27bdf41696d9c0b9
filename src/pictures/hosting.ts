import { LRUCache } from 'lru-cache';
import type { Config } from '../config.js';
import { orAfter } from '../core/deadline.js';
import type { PictureHost } from '../core/picture-host.js';
import type { ReplyImage } from '../core/reply.js';
import type { Store } from '../core/store.js';
import type { Logger } from '../log.js';
import { pictureKey } from './key.js';

/** Where pictures are served, below PUBLIC_URL: `/pictures/<key>.png`. */
export const PICTURES_ROUTE = '/pictures/';

/** 128 bits of the PNG's SHA-256, in hex: a picture's name is its content, so a link never shows another picture. */
const KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * How long a picture stays fetchable after it was last shown. Slack and
 * Discord fetch a linked image through their image proxies, which cache it
 * for a time they do not publish; a message older than this whose picture
 * has left their cache shows none. Bounded so the shared store does not
 * grow without end.
 */
export const PICTURE_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** Republishing refreshes the stored copy's lifetime; once a day per picture per instance is plenty. */
const REPUBLISH_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * How long a reply waits for its picture to be stored. Storing takes a
 * millisecond or two; a store that hangs (Redis going away) must not hold a
 * reply past Slack's and Discord's 3 s, so past this the picture is uploaded.
 */
export const LINK_WAIT_MS = 500;

/** Bytes kept in memory for serving, across all pictures. */
const MEMORY_BYTES = 32 * 1024 * 1024;

function storeKey(key: string): string {
  return `picture:${key}`;
}

/**
 * Shows a reply's picture by link instead of uploading it with every reply.
 * The PNG goes into the shared Store once, under a name taken from its
 * content, and any instance sharing that Store serves it at
 * `PUBLIC_URL/pictures/<key>.png`. Uploading the same 60–100 KB chart for
 * every `/timeline` was most of what a reply cost (see bench/README.md).
 */
export class StoredPictureHost implements PictureHost {
  private readonly published = new LRUCache<string, Promise<void>>({ max: 10_000, ttl: REPUBLISH_AFTER_MS });
  /** Pictures whose write has finished, so a reply can take the link without waiting on anything. */
  private readonly stored = new LRUCache<string, true>({ max: 10_000, ttl: REPUBLISH_AFTER_MS });
  private readonly bytes = new LRUCache<string, Uint8Array>({
    maxSize: MEMORY_BYTES,
    sizeCalculation: (png) => Math.max(1, png.byteLength),
  });

  constructor(
    /** PUBLIC_URL without a trailing slash. */
    private readonly base: string,
    private readonly store: Store,
  ) {}

  /**
   * The picture's public address. Resolves once the picture is in the Store,
   * so whichever instance the platform's fetch reaches can serve it; rejects
   * when the Store cannot take it (the caller then uploads instead).
   */
  async link(image: ReplyImage): Promise<string> {
    const key = this.keyOf(image.png);
    let writing = this.published.get(key);
    if (!writing) {
      writing = this.store.set(storeKey(key), Buffer.from(image.png).toString('base64'), PICTURE_KEPT_MS);
      this.published.set(key, writing);
      this.bytes.set(key, image.png);
      writing.then(
        () => this.stored.set(key, true),
        () => this.published.delete(key),
      );
    }
    await writing;
    return this.urlOf(key);
  }

  /** The link at once when this instance has already stored the picture (the usual case); otherwise undefined. */
  linkIfStored(image: ReplyImage): string | undefined {
    const key = this.keyOf(image.png);
    return this.stored.has(key) ? this.urlOf(key) : undefined;
  }

  /** The PNG named `key`, from memory or the Store; undefined for a name that is not a picture's. */
  async read(key: string): Promise<Uint8Array | undefined> {
    if (!KEY_PATTERN.test(key)) return undefined;
    const cached = this.bytes.get(key);
    if (cached) return cached;
    const encoded = await this.store.get<string>(storeKey(key));
    if (typeof encoded !== 'string') return undefined;
    const png = new Uint8Array(Buffer.from(encoded, 'base64'));
    this.bytes.set(key, png);
    return png;
  }

  urlOf(key: string): string {
    return `${this.base}${PICTURES_ROUTE}${key}.png`;
  }

  keyOf(png: Uint8Array): string {
    return pictureKey(png);
  }
}

/** A host when PUBLIC_URL says where this instance can be reached; none means pictures are uploaded. */
export function pictureHostFor(config: Pick<Config, 'PUBLIC_URL'>, store: Store): PictureHost | undefined {
  return config.PUBLIC_URL ? new StoredPictureHost(config.PUBLIC_URL, store) : undefined;
}

/**
 * The link to show `image` by, or undefined when it must be uploaded: no
 * picture, no PUBLIC_URL, or a Store that cannot take it right now (the
 * reply still goes out, with its picture uploaded as before).
 */
export async function pictureLink(
  host: PictureHost | undefined,
  image: ReplyImage | undefined,
  log?: Logger,
  waitMs = LINK_WAIT_MS,
): Promise<string | undefined> {
  if (!host || !image) return undefined;
  const ready = host.linkIfStored(image);
  if (ready) return ready;
  try {
    const link = await orAfter(host.link(image), waitMs, undefined);
    if (link === undefined) log?.warn({ waitMs }, 'picture store too slow for linking; uploading it instead');
    return link;
  } catch (error) {
    log?.warn({ err: error }, 'picture could not be stored for linking; uploading it instead');
    return undefined;
  }
}
