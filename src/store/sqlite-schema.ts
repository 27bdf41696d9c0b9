import type { Database } from 'better-sqlite3';
import type { Logger } from '../log.js';
import { StoreUnavailableError } from './errors.js';

/*
 * The file's layout. `PRAGMA user_version` says which one a file has:
 * 0 is a new file, or one written by Chronicle before version 1, whose plain
 * values sat in @keyv/sqlite's `keyv` table as `{"value":…,"expires":ms}`.
 * Layout 1 keeps each value's expiry in a column of its own, so that `claim`
 * is a plain comparison, and clusters lists, queues and paces on their
 * primary keys (WITHOUT ROWID), so that a write touches one b-tree fewer:
 * on a busy night each commit's pages are what the -wal file and its
 * checkpoints have to carry.
 */
export const SCHEMA_VERSION = 1;

const TABLES = [
  // Values can be large (a game's state), so they stay in a rowid table; lapsed ones are swept by a scan.
  'CREATE TABLE IF NOT EXISTS chronicle_value (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER)',
  `CREATE TABLE IF NOT EXISTS chronicle_list (key TEXT NOT NULL, idx INTEGER NOT NULL, value TEXT NOT NULL,
     PRIMARY KEY (key, idx)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS chronicle_queue (queue TEXT NOT NULL, member TEXT NOT NULL, due_at INTEGER NOT NULL,
     PRIMARY KEY (queue, member)) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS chronicle_queue_due ON chronicle_queue (queue, due_at)',
  'CREATE TABLE IF NOT EXISTS chronicle_pace (key TEXT PRIMARY KEY, next_at INTEGER NOT NULL) WITHOUT ROWID',
];

/** Tables of layout 0 that layout 1 keeps, column for column, in a new form. */
const CARRIED = ['chronicle_list', 'chronicle_queue', 'chronicle_pace'];

/**
 * A file with a valid header and a damaged body opens fine and then fails
 * every command; `PRAGMA quick_check` at open finds it first, in time
 * proportional to the file (a few ms for a study group's store).
 */
export function checkIntact(db: Database, file: string): void {
  let verdict: string;
  try {
    verdict = (db.pragma('quick_check') as Record<string, unknown>[])
      .map((row) => String(Object.values(row)[0]))
      .join('; ');
  } catch (error) {
    verdict = (error as Error).message;
  }
  if (verdict === 'ok') return;
  throw new StoreUnavailableError(
    `the SQLite store at ${file} is damaged (${verdict.slice(0, 200)}). Restore it from a backup, or move it aside and start afresh (history and scores in it are then lost)`,
  );
}

/**
 * @keyv/serialize's reading of a stored string, which the old layout used:
 * it wrote a string starting with ":" with one more ":" in front, and a
 * Buffer as ":base64:…" (Chronicle stores JSON, so none was ever written).
 */
function keyvDecode(raw: string): { value: unknown; expires?: unknown } {
  return JSON.parse(raw, (_, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith(':')) return value;
    return value.startsWith(':base64:') ? Buffer.from(value.slice(8), 'base64') : value.slice(1);
  });
}

/**
 * Moves the plain values of a file written before version 1 into
 * `chronicle_value` and drops the old table. Values whose TTL has lapsed are
 * left behind, as the old store would have forgotten them; a row that is not
 * keyv's JSON (nothing Chronicle wrote) is left behind and counted. Lists,
 * queues and paces were already in their own tables.
 */
function migrateKeyvTable(db: Database, now: number): { moved: number; lapsed: number; unreadable: number } {
  const counts = { moved: 0, lapsed: 0, unreadable: 0 };
  const insert = db.prepare('INSERT OR REPLACE INTO chronicle_value (key, value, expires_at) VALUES (?, ?, ?)');
  // Read in pages: a statement cannot write while another is still reading the same connection.
  const page = db.prepare('SELECT key, value FROM keyv WHERE key > ? ORDER BY key LIMIT 500');
  let after = '';
  for (;;) {
    const rows = page.all(after) as { key: string; value: string | null }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.key;
      let decoded: { value: unknown; expires?: unknown };
      try {
        decoded = keyvDecode(String(row.value));
      } catch {
        counts.unreadable++;
        continue;
      }
      const expires = typeof decoded.expires === 'number' ? decoded.expires : null;
      if (expires !== null && expires <= now) {
        counts.lapsed++;
        continue;
      }
      insert.run(row.key, JSON.stringify(decoded.value) ?? 'null', expires);
      counts.moved++;
    }
  }
  db.exec('DROP TABLE keyv');
  return counts;
}

const tableExists = (db: Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Brings the file to SCHEMA_VERSION: one IMMEDIATE transaction, so that of
 * several processes opening the file at once one upgrades it and the others
 * find it done, and a failure leaves the file as it was. A file from a newer
 * Chronicle is refused rather than guessed at.
 */
export function prepareSchema(db: Database, file: string, logger?: Logger): void {
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION)
      throw new StoreUnavailableError(
        `the SQLite store at ${file} was written by a newer Chronicle (layout ${version}; this one knows ${SCHEMA_VERSION}). Run that version, or restore a backup made before the upgrade`,
      );
    if (version === SCHEMA_VERSION) return;
    // Layout 0's lists, queues and paces move aside, then into their new tables.
    const carried = CARRIED.filter((name) => tableExists(db, name));
    for (const name of carried) db.exec(`ALTER TABLE ${name} RENAME TO ${name}_layout0`);
    db.exec('DROP INDEX IF EXISTS chronicle_queue_due');
    for (const statement of TABLES) db.exec(statement);
    for (const name of carried) {
      db.exec(`INSERT INTO ${name} SELECT * FROM ${name}_layout0`);
      db.exec(`DROP TABLE ${name}_layout0`);
    }
    if (tableExists(db, 'keyv')) {
      const counts = migrateKeyvTable(db, Date.now());
      logger?.info(
        { event: 'store-migrated', file, ...counts },
        `the SQLite store moved ${counts.moved} values from the keyv table to layout ${SCHEMA_VERSION}`,
      );
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
