import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';

describe('SQLite writes, committed together as they come', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-commits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('settle only once committed: another connection to the file reads them by then', async () => {
    const file = path.join(dir, 'settled.sqlite');
    const store = await SqliteStore.open(`sqlite://${file}`);
    const other = new Database(file, { readonly: true });
    try {
      const read = other.prepare('SELECT value FROM chronicle_value WHERE key = ?').pluck();
      const claims = await Promise.all([store.claim('round:1', 60_000, 'a'), store.claim('round:2', 60_000, 'b')]);
      expect(claims).toEqual([true, true]);
      expect([read.get('round:1'), read.get('round:2')]).toEqual(['"a"', '"b"']);
      expect(await store.append('answers', { n: 1 })).toBe(1);
      expect(other.prepare("SELECT count(*) FROM chronicle_list WHERE key = 'answers'").pluck().get()).toBe(1);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('commit a write still queued when the store closes', async () => {
    const file = path.join(dir, 'closing.sqlite');
    const store = await SqliteStore.open(`sqlite://${file}`);
    const written = store.set('last words', 'kept');
    await store.close();
    await written;
    const reopened = await SqliteStore.open(`sqlite://${file}`);
    expect(await reopened.get('last words')).toBe('kept');
    await reopened.close();
  });

  it('read what another process committed, in the next turn of the event loop at the latest', async () => {
    const file = path.join(dir, 'visible.sqlite');
    const store = await SqliteStore.open(`sqlite://${file}`);
    const other = new Database(file);
    try {
      expect(await store.get('set elsewhere')).toBeUndefined();
      other.prepare("INSERT INTO chronicle_value (key, value) VALUES ('set elsewhere', '\"there\"')").run();
      await new Promise((resolve) => setImmediate(resolve));
      expect(await store.get('set elsewhere')).toBe('there');
    } finally {
      other.close();
      await store.close();
    }
  });
});
