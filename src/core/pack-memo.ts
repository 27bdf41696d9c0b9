import { LRUCache } from 'lru-cache';
import type { Pack } from '../content/pack.js';

/**
 * A bounded cache of answers that depend only on the pack and the question
 * asked. The pack never changes while the bot runs, so a reply computed once
 * (a timeline page with its picture) can be served again without the work.
 */
export function packMemo<T extends {}>(max: number): (pack: Pack, key: string, build: () => T) => T {
  const caches = new WeakMap<Pack, LRUCache<string, T>>();
  return (pack, key, build) => {
    let cache = caches.get(pack);
    if (!cache) {
      cache = new LRUCache<string, T>({ max });
      caches.set(pack, cache);
    }
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = build();
    cache.set(key, value);
    return value;
  };
}

/**
 * A cache keyed by an object (an event, a ladder, a name) whose answer
 * depends only on it: kept while the object lives, built once.
 */
export function itemCache<K extends object, V>(build: (item: K) => V): (item: K) => V {
  const cache = new WeakMap<K, V>();
  return (item) => {
    let value = cache.get(item);
    if (value === undefined) {
      value = build(item);
      cache.set(item, value);
    }
    return value;
  };
}

/**
 * An unbounded per-pack cache, for answers there are only as many of as the
 * pack has items or kinds (an event's search text, a place's ancestry). The
 * builder is given once, so a lookup on a hot path allocates nothing.
 */
export function packCache<K, V>(build: (pack: Pack, key: K) => V): (pack: Pack, key: K) => V {
  const caches = new WeakMap<Pack, Map<K, V>>();
  return (pack, key) => {
    let cache = caches.get(pack);
    if (!cache) {
      cache = new Map();
      caches.set(pack, cache);
    }
    let value = cache.get(key);
    if (value === undefined) {
      value = build(pack, key);
      cache.set(key, value);
    }
    return value;
  };
}
