import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';
import { orAfter } from '../core/deadline.js';
import type { Store } from '../core/store.js';
import type { Logger } from '../log.js';
import { StoreUnavailableError } from './errors.js';
import { keyvEncode } from './keyv-format.js';

type Query = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/*
 * Tables of our own next to keyv's, in the same file. Every write below is a
 * single statement, which SQLite runs as its own transaction: the one
 * connection keyv opens is shared by concurrent callers, so a multi-statement
 * BEGIN…COMMIT would interleave with them.
 */
const SCHEMA = [
  'PRAGMA journal_mode = WAL',
  'CREATE TABLE IF NOT EXISTS chronicle_list (key TEXT NOT NULL, idx INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, idx))',
  'CREATE TABLE IF NOT EXISTS chronicle_queue (queue TEXT NOT NULL, member TEXT NOT NULL, due_at INTEGER NOT NULL, PRIMARY KEY (queue, member))',
  'CREATE INDEX IF NOT EXISTS chronicle_queue_due ON chronicle_queue (queue, due_at)',
  'CREATE TABLE IF NOT EXISTS chronicle_pace (key TEXT PRIMARY KEY, next_at INTEGER NOT NULL)',
];

/** The path inside `sqlite://PATH`, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  const raw = url.replace(/^sqlite:\/\//, '');
  return raw === ':memory:' ? raw : path.resolve(raw);
}

/** How long opening the store may take before startup gives up with a clear line. */
export const OPEN_TIMEOUT_MS = 10_000;

async function withinOpenTime<T>(work: Promise<T>, step: string): Promise<T> {
  const late = Symbol('late');
  const result = await orAfter(work, OPEN_TIMEOUT_MS, late);
  if (result === late) throw new Error(`${step} took longer than ${OPEN_TIMEOUT_MS / 1000} s`);
  return result as T;
}

/**
 * A file with a valid header and a damaged body opens fine and then fails
 * every command; `PRAGMA quick_check` at open finds it first, in time
 * proportional to the file (a few ms for a study group's store).
 */
async function checkIntact(query: Query, file: string): Promise<void> {
  let verdict: string;
  try {
    const rows = await query('PRAGMA quick_check');
    verdict = rows.map((r) => String(Object.values(r)[0])).join('; ');
  } catch (error) {
    verdict = (error as Error).message;
  }
  if (verdict === 'ok') return;
  throw new StoreUnavailableError(
    `the SQLite store at ${file} is damaged (${verdict.slice(0, 200)}). Restore it from a backup, or move it aside and start afresh (history and scores in it are then lost)`,
  );
}

/**
 * The default Store: one SQLite file, created with its folder on first use.
 * Plain values go through keyv; claims, lists and queues use SQL on keyv's
 * own connection so they are atomic even with several processes on one file.
 */
export class SqliteStore implements Store {
  private readonly keyv: Keyv;
  private readonly query: Query;
  private readonly ready: Promise<void>;

  private constructor(
    readonly file: string,
    private readonly prefix: string,
    logger?: Logger,
  ) {
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5_000 });
    this.keyv = new Keyv(adapter, { namespace: undefined, useKeyPrefix: false, throwOnErrors: true });
    // Until the file is open, its faults are open()'s to report, in one line; after, each is logged.
    let opened = false;
    this.keyv.on('error', (error: unknown) => {
      if (opened) logger?.warn({ err: error, file }, 'sqlite store error');
    });
    this.query = adapter.query as unknown as Query;
    const query = this.query;
    this.ready = (async () => {
      await checkIntact(query, file);
      for (const statement of SCHEMA) await query(statement);
      opened = true;
    })();
  }

  /** Opens (and if need be creates) the file; rejects with a clear message when it cannot. */
  static async open(url: string, options: { prefix?: string; logger?: Logger } = {}): Promise<SqliteStore> {
    const file = sqlitePath(url);
    let store: SqliteStore | undefined;
    try {
      // Bounded: a folder that cannot be made (under /proc, say) can make mkdir spin forever.
      if (file !== ':memory:')
        await withinOpenTime(mkdir(path.dirname(file), { recursive: true }), 'creating its folder');
      store = new SqliteStore(file, options.prefix ?? '', options.logger);
      await withinOpenTime(store.ready, 'opening the file');
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(
        `cannot open the SQLite store at ${file}: ${(error as Error).message}. Check that the folder is writable, or set STORE_URL=sqlite://another/path.sqlite`,
        error,
      );
    }
    return store;
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  private async run(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
    await this.ready;
    return this.query(sql, ...params);
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.keyv.get(this.k(key))) as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(this.k(key), value, ttlMs);
  }

  async delete(key: string): Promise<boolean> {
    const hadValue = await this.keyv.delete(this.k(key));
    const removed = await this.run('DELETE FROM chronicle_list WHERE key = ? RETURNING idx', this.k(key));
    return hadValue || removed.length > 0;
  }

  async claim(key: string, ttlMs: number, value: unknown = true): Promise<boolean> {
    const now = Date.now();
    const encoded = await keyvEncode(this.keyv, value, now + ttlMs);
    // Keyv keeps the expiry inside the value, so a row may exist yet have
    // lapsed: the upsert takes it only then, and RETURNING says whether it did.
    const rows = await this.run(
      `INSERT INTO keyv (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value
       WHERE json_valid(keyv.value) AND json_type(keyv.value, '$.expires') IN ('integer', 'real')
         AND json_extract(keyv.value, '$.expires') <= ?
       RETURNING key`,
      this.k(key),
      encoded,
      now,
    );
    return rows.length === 1;
  }

  async append<T>(key: string, value: T): Promise<number> {
    const rows = await this.run(
      `INSERT INTO chronicle_list (key, idx, value)
       SELECT ?, coalesce(max(idx), 0) + 1, ? FROM chronicle_list WHERE key = ?
       RETURNING idx`,
      this.k(key),
      JSON.stringify(value),
      this.k(key),
    );
    return Number(rows[0]?.idx);
  }

  async list<T>(key: string): Promise<T[]> {
    const rows = await this.run('SELECT value FROM chronicle_list WHERE key = ? ORDER BY idx', this.k(key));
    return rows.map((row) => JSON.parse(String(row.value)) as T);
  }

  async schedule(queue: string, member: string, dueAt: number): Promise<void> {
    await this.run(
      `INSERT INTO chronicle_queue (queue, member, due_at) VALUES (?, ?, ?)
       ON CONFLICT (queue, member) DO UPDATE SET due_at = excluded.due_at`,
      this.k(queue),
      member,
      Math.round(dueAt),
    );
  }

  async due(queue: string, now: number, limit: number): Promise<{ member: string; dueAt: number }[]> {
    const rows = await this.run(
      'SELECT member, due_at FROM chronicle_queue WHERE queue = ? AND due_at <= ? ORDER BY due_at, member LIMIT ?',
      this.k(queue),
      Math.floor(now),
      limit,
    );
    return rows.map((row) => ({ member: String(row.member), dueAt: Number(row.due_at) }));
  }

  async unschedule(queue: string, member: string): Promise<void> {
    await this.run('DELETE FROM chronicle_queue WHERE queue = ? AND member = ?', this.k(queue), member);
  }

  async reserve(key: string, intervalMs: number, now: number): Promise<number> {
    const rows = await this.run(
      `INSERT INTO chronicle_pace (key, next_at) VALUES (?, ? + ?)
       ON CONFLICT (key) DO UPDATE SET next_at = max(chronicle_pace.next_at, ?) + ?
       RETURNING next_at`,
      this.k(key),
      Math.round(now),
      intervalMs,
      Math.round(now),
      intervalMs,
    );
    return Number(rows[0]?.next_at) - intervalMs;
  }

  async ping(): Promise<boolean> {
    try {
      await this.run('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.keyv.disconnect();
  }
}
