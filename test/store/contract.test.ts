import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.js';
import { backends } from '../support/backends.js';
import { sleep } from '../support/sleep.js';

describe.each(backends())('Store contract on $name', (backend) => {
  afterAll(() => backend.cleanup());

  const fresh = (): Promise<Store> => backend.open();

  it('keeps JSON values until overwritten or deleted', async () => {
    const store = await fresh();
    expect(await store.get('missing')).toBeUndefined();
    await store.set('sub', { time: '08:00', days: ['mon'], n: 3, ok: true });
    expect(await store.get('sub')).toEqual({ time: '08:00', days: ['mon'], n: 3, ok: true });
    await store.set('sub', 'replaced');
    expect(await store.get('sub')).toBe('replaced');
    expect(await store.delete('sub')).toBe(true);
    expect(await store.get('sub')).toBeUndefined();
    expect(await store.delete('sub')).toBe(false);
  });

  it('forgets a value once its TTL lapses', async () => {
    const store = await fresh();
    await store.set('short', 1, 150);
    expect(await store.get('short')).toBe(1);
    await sleep(250);
    expect(await store.get('short')).toBeUndefined();
  });

  it('lets exactly one of many concurrent callers claim a key', async () => {
    const store = await fresh();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => store.claim('slot', 60_000, { by: i })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store.get('slot')).toEqual({ by: winner });
  });

  it('lets a claim be taken again only after its TTL lapses', async () => {
    const store = await fresh();
    expect(await store.claim('lease', 150, 'first')).toBe(true);
    expect(await store.claim('lease', 150, 'second')).toBe(false);
    await sleep(250);
    expect(await store.claim('lease', 60_000, 'third')).toBe(true);
    expect(await store.get('lease')).toBe('third');
  });

  it('never lets a claim take a value set without a TTL', async () => {
    const store = await fresh();
    await store.set('marker', { messageId: 'm1' });
    expect(await store.claim('marker', 60_000)).toBe(false);
    expect(await store.get('marker')).toEqual({ messageId: 'm1' });
  });

  it('lets the holder overwrite its claim with a result that keeps others out', async () => {
    const store = await fresh();
    expect(await store.claim('brief:discord:c1:2024-03-10', 60_000, { state: 'claimed' })).toBe(true);
    await store.set('brief:discord:c1:2024-03-10', { state: 'sent', messageId: 'm9' }, 3 * 86_400_000);
    expect(await store.claim('brief:discord:c1:2024-03-10', 60_000)).toBe(false);
    expect(await store.get('brief:discord:c1:2024-03-10')).toEqual({ state: 'sent', messageId: 'm9' });
  });

  it('appends atomically and lists oldest first', async () => {
    const store = await fresh();
    expect(await store.list('log')).toEqual([]);
    const lengths = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append('log', { i })));
    expect([...lengths].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const items = await store.list<{ i: number }>('log');
    expect(items.map((x) => x.i).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await store.append('ordered', 'a');
    await store.append('ordered', 'b');
    expect(await store.list('ordered')).toEqual(['a', 'b']);
    expect(await store.delete('ordered')).toBe(true);
    expect(await store.list('ordered')).toEqual([]);
  });

  it('returns due queue members earliest first, up to a limit, and reschedules in place', async () => {
    const store = await fresh();
    await store.schedule('briefings', 'late', 3_000);
    await store.schedule('briefings', 'early', 1_000);
    await store.schedule('briefings', 'future', 9_000);
    await store.schedule('other', 'elsewhere', 500);
    expect(await store.due('briefings', 5_000, 10)).toEqual([
      { member: 'early', dueAt: 1_000 },
      { member: 'late', dueAt: 3_000 },
    ]);
    expect(await store.due('briefings', 5_000, 1)).toEqual([{ member: 'early', dueAt: 1_000 }]);
    await store.schedule('briefings', 'early', 8_000);
    expect((await store.due('briefings', 5_000, 10)).map((d) => d.member)).toEqual(['late']);
    await store.unschedule('briefings', 'late');
    expect(await store.due('briefings', 5_000, 10)).toEqual([]);
    expect((await store.due('briefings', 10_000, 10)).map((d) => d.member)).toEqual(['early', 'future']);
  });

  it('paces concurrent reservations one interval apart', async () => {
    const store = await fresh();
    const now = 1_000_000;
    const slots = await Promise.all(Array.from({ length: 10 }, () => store.reserve('pace:test', 20, now)));
    expect([...slots].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => now + i * 20));
    // A caller arriving after the backlog has drained is served at once.
    expect(await store.reserve('pace:test', 20, now + 10_000)).toBe(now + 10_000);
  });

  it('answers ping', async () => {
    const store = await fresh();
    expect(await store.ping()).toBe(true);
  });
});
