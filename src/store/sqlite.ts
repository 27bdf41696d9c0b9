import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { orAfter } from '../core/deadline.js';
import type { Store } from '../core/store.js';
import type { Logger } from '../log.js';
import { StoreUnavailableError } from './errors.js';
import { GroupCommit } from './sqlite-group-commit.js';
import { type Housekeeper, type HousekeepingOptions, startHousekeeper } from './sqlite-housekeeper.js';
import { ReadWave } from './sqlite-read-wave.js';
import { checkIntact, prepareSchema } from './sqlite-schema.js';
import { type Statements, statements } from './sqlite-statements.js';

/** The path inside `sqlite://PATH`, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  const raw = url.replace(/^sqlite:\/\//, '');
  return raw === ':memory:' ? raw : path.resolve(raw);
}

/** How long opening the store may take before startup gives up with a clear line. */
export const OPEN_TIMEOUT_MS = 10_000;

/**
 * How long a statement waits for another process's write to finish. Writes
 * here take microseconds, so a wait this long means a stuck process; the
 * wait blocks this one's event loop, as every call on this driver does.
 */
const BUSY_TIMEOUT_MS = 5_000;

/** SQLite's default: the writing connection checkpoints itself only when the upkeep worker cannot. */
const FALLBACK_CHECKPOINT_PAGES = 1_000;

/** A -wal file that grew in a burst is cut back to this when it restarts, not kept at its high-water mark. */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * Two processes opening one new file at once can each find the other in the
 * middle of its switch to WAL, and SQLite then answers SQLITE_BUSY at once
 * instead of waiting its busy timeout: the switch is tried again, for as
 * long as a busy statement would wait.
 */
async function switchToWal(db: Database.Database): Promise<void> {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }
}

async function withinOpenTime<T>(work: Promise<T>, step: string): Promise<T> {
  const late = Symbol('late');
  const result = await orAfter(work, OPEN_TIMEOUT_MS, late);
  if (result === late) throw new Error(`${step} took longer than ${OPEN_TIMEOUT_MS / 1000} s`);
  return result as T;
}

/** JSON for a value column: `undefined` has no JSON, and is kept as null. */
const encode = (value: unknown): string => JSON.stringify(value) ?? 'null';

/**
 * The default Store: one SQLite file, created with its folder on first use,
 * on better-sqlite3. Every operation is one prepared statement or one
 * transaction, run synchronously: no round trips queue behind each other on
 * a shared connection, and a claim is settled by SQLite's write lock, so it
 * is atomic across processes sharing the file. WAL lets readers run beside
 * the writer; `synchronous = NORMAL` commits without an fsync each (see
 * README, Storage: a power cut may lose the last moments, never consistency);
 * checkpoints and the sweep of lapsed values run on a worker thread
 * (sqlite-housekeeper.ts).
 */
export class SqliteStore implements Store {
  private housekeeper: Housekeeper | undefined;
  private readonly reads: ReadWave;
  private readonly group: GroupCommit;

  private constructor(
    readonly file: string,
    private readonly db: Database.Database,
    private readonly sql: Statements,
    private readonly prefix: string,
  ) {
    this.reads = new ReadWave(db);
    this.group = new GroupCommit(db, () => this.reads.close());
  }

  /** Opens (and if need be creates and upgrades) the file; rejects with a clear message when it cannot. */
  static async open(
    url: string,
    options: { prefix?: string; logger?: Logger; housekeeping?: HousekeepingOptions } = {},
  ): Promise<SqliteStore> {
    const file = sqlitePath(url);
    let db: Database.Database | undefined;
    try {
      // Bounded: a folder that cannot be made (under /proc, say) can make mkdir spin forever.
      if (file !== ':memory:')
        await withinOpenTime(mkdir(path.dirname(file), { recursive: true }), 'creating its folder');
      db = new Database(file);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      checkIntact(db, file);
      await switchToWal(db);
      db.pragma('synchronous = NORMAL');
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
      prepareSchema(db, file, options.logger);
      const store = new SqliteStore(file, db, statements(db), options.prefix ?? '');
      if (file !== ':memory:') store.startUpkeep(options);
      return store;
    } catch (error) {
      db?.close();
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(
        `cannot open the SQLite store at ${file}: ${(error as Error).message}. Check that the folder is writable, or set STORE_URL=sqlite://another/path.sqlite`,
        error,
      );
    }
  }

  /** Hands checkpoints to the upkeep worker; should it stop, they come back to this connection. */
  private startUpkeep(options: { logger?: Logger; housekeeping?: HousekeepingOptions }): void {
    this.db.pragma('wal_autocheckpoint = 0');
    const handBack = () => {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
    };
    this.housekeeper = startHousekeeper(this.file, BUSY_TIMEOUT_MS, handBack, options.housekeeping, options.logger);
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  /** A locked, full or closed file is the store being unavailable, as a dead Redis is. */
  private unavailable(what: string, error: unknown): StoreUnavailableError {
    return new StoreUnavailableError(`sqlite ${what} failed at ${this.file}: ${(error as Error).message}`, error);
  }

  /** Runs one read now, in this wave's read transaction (sqlite-read-wave.ts). */
  private op<T>(what: string, work: () => T): T {
    try {
      return this.reads.read(work);
    } catch (error) {
      throw this.unavailable(what, error);
    }
  }

  /** Queues one write for the next commit; settles once that has committed (sqlite-group-commit.ts). */
  private async write<T>(what: string, work: () => T): Promise<T> {
    try {
      return await this.group.write(work);
    } catch (error) {
      throw this.unavailable(what, error);
    }
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = this.op('get', () => this.sql.get.get(this.k(key), Date.now()) as string | undefined);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const now = Date.now();
    await this.write('set', () =>
      this.sql.set.run(this.k(key), encode(value), ttlMs === undefined ? null : now + ttlMs),
    );
  }

  async delete(key: string): Promise<boolean> {
    return this.write('delete', () => this.sql.deleteBoth(this.k(key), Date.now()));
  }

  async claim(key: string, ttlMs: number, value: unknown = true): Promise<boolean> {
    const now = Date.now();
    // The upsert takes a row only when its TTL has lapsed; otherwise it changes nothing.
    return this.write('claim', () => this.sql.claim.run(this.k(key), encode(value), now + ttlMs, now).changes === 1);
  }

  async append<T>(key: string, value: T): Promise<number> {
    return this.write('append', () => Number(this.sql.append.get(this.k(key), encode(value), this.k(key))));
  }

  async list<T>(key: string): Promise<T[]> {
    const rows = this.op('list', () => this.sql.list.all(this.k(key)) as string[]);
    return rows.map((json) => JSON.parse(json) as T);
  }

  async schedule(queue: string, member: string, dueAt: number): Promise<void> {
    await this.write('schedule', () => this.sql.schedule.run(this.k(queue), member, Math.round(dueAt)));
  }

  async due(queue: string, now: number, limit: number): Promise<{ member: string; dueAt: number }[]> {
    const rows = this.op(
      'due',
      () => this.sql.due.all(this.k(queue), Math.floor(now), limit) as { member: string; due_at: number }[],
    );
    return rows.map((row) => ({ member: row.member, dueAt: Number(row.due_at) }));
  }

  async unschedule(queue: string, member: string): Promise<void> {
    await this.write('unschedule', () => this.sql.unschedule.run(this.k(queue), member));
  }

  async reserve(key: string, intervalMs: number, now: number): Promise<number> {
    const at = Math.round(now);
    return this.write(
      'reserve',
      () => Number(this.sql.reserve.get(this.k(key), at, intervalMs, at, intervalMs)) - intervalMs,
    );
  }

  async ping(): Promise<boolean> {
    try {
      this.sql.ping.get();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.group.flush();
      this.reads.close();
    }
    await this.housekeeper?.stop();
    if (this.db.open) this.db.close();
  }
}
