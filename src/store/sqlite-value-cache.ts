import type { Database, Statement } from 'better-sqlite3';

/*
 * Plain values this process has read or written, kept so that a `get` of
 * one is a Map lookup rather than a statement. In a quiz-night burst most
 * reads are of values this process wrote moments before (a game's state,
 * read by each click and saved by each round), and a read statement, even
 * in a shared read transaction, cost about 4 µs against the memory store's
 * fraction of one.
 *
 * Safe across processes sharing the file: SQLite's `PRAGMA data_version`
 * changes, on this connection, whenever another connection (another process,
 * the upkeep worker's sweep) has committed since it was last read, and never
 * for this connection's own commits. Each read transaction begins by reading
 * it (sqlite-read-wave.ts); if it moved, the whole cache is dropped. Our own
 * writes update the cache inside their transaction, under the write lock, as
 * each statement succeeds; a transaction that fails drops the cache, since
 * what it left is then unknown. So a cached value is never older than what a
 * read statement in the same read transaction would have returned, and a
 * write made by another process is seen no later than it was before: at the
 * next read transaction, in the next turn of the event loop at the latest.
 *
 * TTLs are kept with each value and checked on every lookup, as the read
 * statement checks them. The cache is bounded by the characters it holds,
 * and is dropped whole when it would outgrow them.
 */

interface Entry {
  /** The value's JSON, or undefined for a key known to be absent. */
  json: string | undefined;
  /** ms since epoch; null for no TTL. */
  expiresAt: number | null;
}

/** About 32 MB of JSON (V8 keeps ASCII strings at a byte a character). */
const MAX_CHARS = 32 * 1024 * 1024;

export class ValueCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  private stamp: number | undefined;
  private readonly dataVersion: Statement;

  constructor(
    db: Database,
    private readonly maxChars = MAX_CHARS,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** Called inside each new read transaction: drops everything if another connection has committed since. */
  validate(): void {
    let version: number;
    try {
      version = this.dataVersion.get() as number;
    } catch (error) {
      // Unknown whether anything changed: nothing cached is trusted, now or at the next check.
      this.clear();
      this.stamp = undefined;
      throw error;
    }
    if (version !== this.stamp) {
      this.clear();
      this.stamp = version;
    }
  }

  /** The cached JSON (undefined: known absent or lapsed), or `miss` when the cache does not know. */
  lookup(key: string, now: number): string | undefined | typeof MISS {
    const entry = this.entries.get(key);
    if (entry === undefined) return MISS;
    if (entry.expiresAt !== null && entry.expiresAt <= now) return undefined;
    return entry.json;
  }

  /** Records what the file now holds under `key` (`json` undefined: nothing). */
  remember(key: string, json: string | undefined, expiresAt: number | null): void {
    const size = key.length + (json?.length ?? 0);
    if (size > this.maxChars / 16) {
      this.forget(key);
      return;
    }
    this.forget(key);
    if (this.chars + size > this.maxChars) this.clear();
    this.entries.set(key, { json, expiresAt });
    this.chars += size;
  }

  /** Drops what is known of `key`, so the next read asks the file. */
  forget(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.chars -= key.length + (entry.json?.length ?? 0);
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

export const MISS: unique symbol = Symbol('not cached');
