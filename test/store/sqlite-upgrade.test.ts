import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite-schema.js';

/*
 * test/fixtures/store/before-v1.sqlite was written by the store as it was
 * before layout 1 (@keyv/sqlite over sqlite3, commit b8346a9): plain values
 * in the `keyv` table as {"value":…,"expires":ms}, a string starting with ":"
 * escaped as "::", one value already lapsed, a claim marker, a two-item list,
 * a queued briefing at 42 and a pace whose next slot is 1,020.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/store/before-v1.sqlite');

describe('a SQLite file written before layout 1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-upgrade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const copy = (name: string) => {
    const file = path.join(dir, name);
    copyFileSync(FIXTURE, file);
    return file;
  };

  it('opens with every value, list, queue and pace it held, and forgets what had lapsed', async () => {
    const store = await SqliteStore.open(`sqlite://${copy('upgrade.sqlite')}`);
    try {
      expect(await store.get('briefing:sub:discord:c1')).toEqual({
        time: '08:00',
        days: ['mon'],
        note: ':a colon first',
      });
      expect(await store.get('plain:string')).toBe(':starts with a colon');
      expect(await store.get('quiz:game:discord:c2')).toEqual({ round: 1 });
      expect(await store.get('lapsed')).toBeUndefined();
      expect(await store.get('brief:discord:c1:2024-03-09')).toEqual({ state: 'sent', messageId: 'm9' });
      expect(await store.list('answers:g1:0')).toEqual([{ userId: 'u1' }, { userId: 'u2' }]);
      expect(await store.due('briefings', 100, 10)).toEqual([{ member: 'discord:c1', dueAt: 42 }]);
      expect(await store.reserve('pace:discord', 20, 1_000)).toBe(1_020);
    } finally {
      await store.close();
    }
  });

  it('keeps a claim made before the upgrade: nobody takes it again until it lapses', async () => {
    const store = await SqliteStore.open(`sqlite://${copy('claims.sqlite')}`);
    try {
      expect(await store.claim('brief:discord:c1:2024-03-10', 60_000)).toBe(false);
      expect(await store.get('brief:discord:c1:2024-03-10')).toEqual({ state: 'claimed' });
      // The lapsed value's key is free.
      expect(await store.claim('lapsed', 60_000)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('is upgraded once: the old table is gone, the layout is recorded, and a second open finds it done', async () => {
    const file = copy('once.sqlite');
    await (await SqliteStore.open(`sqlite://${file}`)).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'keyv'").get()).toBeUndefined();
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
    const again = await SqliteStore.open(`sqlite://${file}`);
    expect(await again.get('plain:string')).toBe(':starts with a colon');
    await again.close();
  });

  it('refuses a file from a newer layout with a line saying what to do', async () => {
    const file = copy('newer.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(SqliteStore.open(`sqlite://${file}`)).rejects.toThrow(
      /written by a newer Chronicle .*restore a backup/,
    );
  });
});
