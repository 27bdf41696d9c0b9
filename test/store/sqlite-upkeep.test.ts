import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { startHousekeeper } from '../../src/store/sqlite-housekeeper.js';
import { sleep } from '../support/sleep.js';

describe('the SQLite store’s upkeep worker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-upkeep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the -wal file back into the database within moments, though the writer never checkpoints', async () => {
    const file = path.join(dir, 'checkpoint.sqlite');
    const store = await SqliteStore.open(`sqlite://${file}`, { housekeeping: { checkpointMs: 50 } });
    try {
      const before = statSync(file).size;
      for (let i = 0; i < 2_000; i++) await store.set(`game:${i}`, { state: 'x'.repeat(1_000) });
      await sleep(400);
      // Two megabytes written: in the database itself now, not only in the -wal file.
      expect(statSync(file).size - before).toBeGreaterThan(1_000_000);
    } finally {
      await store.close();
    }
  });

  it('sweeps values whose TTL has lapsed out of the file, in batches, and keeps the rest', async () => {
    const file = path.join(dir, 'sweep.sqlite');
    const store = await SqliteStore.open(`sqlite://${file}`, { housekeeping: { sweepMs: 100 } });
    try {
      for (let i = 0; i < 1_200; i++) expect(await store.claim(`answered:${i}`, 1)).toBe(true);
      await store.set('kept', 'no TTL');
      await store.set('later', 'long TTL', 60_000);
      await sleep(500);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT key FROM chronicle_value ORDER BY key').pluck().all()).toEqual(['kept', 'later']);
    } finally {
      db.close();
    }
  });

  it('hands checkpoints back to the writer when the worker cannot run', async () => {
    let handedBack = 0;
    // A folder is no database: the worker's connection fails as it opens.
    const keeper = startHousekeeper(dir, 1_000, () => handedBack++);
    await sleep(300);
    await keeper.stop();
    expect(handedBack).toBe(1);
  });

  it('never keeps a process alive: one that leaves the store open still exits', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'sqlite-left-open.ts'), path.join(dir, 'left-open.sqlite')],
      { timeout: 20_000 },
    );
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
  }, 30_000);
});
