import type { Database, Statement } from 'better-sqlite3';

/*
 * Every statement the SQLite store runs, prepared once when it opens. Each
 * write is one statement, which SQLite commits as its own transaction under
 * the file's write lock; `deleteBoth` is the one operation of two statements,
 * and runs them in one IMMEDIATE transaction.
 */

export interface Statements {
  get: Statement;
  set: Statement;
  claim: Statement;
  append: Statement;
  list: Statement;
  schedule: Statement;
  due: Statement;
  unschedule: Statement;
  reserve: Statement;
  ping: Statement;
  /** Deletes a key's value and its list; true when either was there (a lapsed value counts as absent). */
  deleteBoth(key: string, now: number): boolean;
}

export function statements(db: Database): Statements {
  const deleteValue = db.prepare('DELETE FROM chronicle_value WHERE key = ? RETURNING expires_at').pluck();
  const deleteList = db.prepare('DELETE FROM chronicle_list WHERE key = ?');
  const deleteBoth = db.transaction((key: string, now: number): boolean => {
    const expiresAt = deleteValue.get(key) as number | null | undefined;
    const hadValue = expiresAt === null || (expiresAt !== undefined && expiresAt > now);
    return deleteList.run(key).changes > 0 || hadValue;
  });
  return {
    get: db
      .prepare('SELECT value FROM chronicle_value WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)')
      .pluck(),
    set: db.prepare(
      `INSERT INTO chronicle_value (key, value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    ),
    // A value set without a TTL (expires_at NULL) is never taken: it is a result, not a lease.
    claim: db.prepare(
      `INSERT INTO chronicle_value (key, value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE chronicle_value.expires_at IS NOT NULL AND chronicle_value.expires_at <= ?`,
    ),
    append: db
      .prepare(
        `INSERT INTO chronicle_list (key, idx, value)
         SELECT ?, coalesce(max(idx), 0) + 1, ? FROM chronicle_list WHERE key = ?
         RETURNING idx`,
      )
      .pluck(),
    list: db.prepare('SELECT value FROM chronicle_list WHERE key = ? ORDER BY idx').pluck(),
    schedule: db.prepare(
      `INSERT INTO chronicle_queue (queue, member, due_at) VALUES (?, ?, ?)
       ON CONFLICT (queue, member) DO UPDATE SET due_at = excluded.due_at`,
    ),
    due: db.prepare(
      'SELECT member, due_at FROM chronicle_queue WHERE queue = ? AND due_at <= ? ORDER BY due_at, member LIMIT ?',
    ),
    unschedule: db.prepare('DELETE FROM chronicle_queue WHERE queue = ? AND member = ?'),
    reserve: db
      .prepare(
        `INSERT INTO chronicle_pace (key, next_at) VALUES (?, ? + ?)
         ON CONFLICT (key) DO UPDATE SET next_at = max(chronicle_pace.next_at, ?) + ?
         RETURNING next_at`,
      )
      .pluck(),
    ping: db.prepare('SELECT 1').pluck(),
    deleteBoth: (key, now) => deleteBoth.immediate(key, now),
  };
}
