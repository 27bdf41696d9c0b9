import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { packCache, packMemo } from '../../src/core/pack-memo.js';

describe('packMemo', () => {
  it('builds an answer once per pack and key, and again for another pack', async () => {
    const memo = packMemo<{ n: number }>(10);
    const [a, b] = await Promise.all([loadPack('test/fixtures/pack'), loadPack('test/fixtures/pack')]);
    let builds = 0;
    const build = () => ({ n: ++builds });
    expect(memo(a, 'k', build)).toEqual({ n: 1 });
    expect(memo(a, 'k', build)).toEqual({ n: 1 });
    expect(memo(b, 'k', build)).toEqual({ n: 2 });
    expect(memo(a, 'other', build)).toEqual({ n: 3 });
  });

  it('keeps at most `max` answers, dropping the least recently used', async () => {
    const memo = packMemo<{ key: string }>(2);
    const pack = await loadPack('test/fixtures/pack');
    const built: string[] = [];
    const get = (key: string) =>
      memo(pack, key, () => {
        built.push(key);
        return { key };
      });
    get('a');
    get('b');
    get('a');
    get('c');
    get('a');
    get('b');
    expect(built).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('packCache', () => {
  it('builds each key once per pack and keeps every answer', async () => {
    const built: string[] = [];
    const cache = packCache((_pack, key: string) => {
      built.push(key);
      return { key };
    });
    const [a, b] = await Promise.all([loadPack('test/fixtures/pack'), loadPack('test/fixtures/pack')]);
    const first = cache(a, 'x');
    for (const key of ['y', 'z', 'x', 'y']) cache(a, key);
    cache(b, 'x');
    expect(cache(a, 'x')).toBe(first);
    expect(built).toEqual(['x', 'y', 'z', 'x']);
  });
});
