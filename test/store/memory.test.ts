import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';

describe('MemoryStore: lapsed values are swept, not kept until read', () => {
  it('holds no more than what is live, and about twice that at most, however many keys were claimed once', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 1000; i++) expect(await store.claim(`sig:${round}:${i}`, 10)).toBe(true);
      now += 11; // every claim so far has lapsed
    }
    // 20,000 claims, each lapsed before the next thousand: a sweep runs at the latest when the map reaches 2,048.
    expect(store.size).toBeLessThanOrEqual(2048);
  });

  it('keeps what is live through a sweep, and a replayed claim is still refused', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    expect(await store.claim('kept', 1_000_000)).toBe(true);
    await store.set('forever', { a: 1 });
    for (let i = 0; i < 5000; i++) await store.claim(`short:${i}`, 1);
    now += 2;
    for (let i = 0; i < 5000; i++) await store.claim(`later:${i}`, 1_000_000);
    expect(await store.claim('kept', 1_000_000)).toBe(false);
    expect(await store.claim('later:0', 1_000_000)).toBe(false);
    expect(await store.get('forever')).toEqual({ a: 1 });
    expect(await store.claim('short:0', 1)).toBe(true);
    expect(store.size).toBeLessThanOrEqual(5003 + 1);
  });
});
