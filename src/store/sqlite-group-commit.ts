import type { Database, Statement } from 'better-sqlite3';

/*
 * One commit for a wave of writes, not one per write. A commit is most of
 * what a small write costs in SQLite (the write lock taken and released,
 * the changed pages appended to the -wal file, each page once per commit
 * however many writes touched it), and a quiz-night burst is thousands of
 * small writes: 2,000 clicks on 1,000 game states and answer lists.
 *
 * So a write joins a queue, and the queue is run by a microtask queued
 * behind the ones already waiting: in a burst those are the other clicks at
 * the same step, whose writes join the same queue. Then the writes run in
 * the order they came, in one IMMEDIATE transaction: each is still decided
 * under the write lock (a claim stays atomic across processes), and its
 * promise settles once the transaction has committed, so a caller that acts
 * on a claim acts on a committed one. A lone writer (a loop closing rounds
 * one by one) loses no turn of the event loop: its write commits in the
 * next microtask.
 *
 * The lock is held only while the queued statements run, not while other
 * JavaScript does, so another process sharing the file still gets its turn.
 * Reads do not queue: they see what has been committed, as they would on a
 * store across the network; a caller that awaits its write reads it back.
 */

interface Queued {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;

  constructor(
    private readonly db: Database,
    /** Called before any write runs: ends a read transaction a write must not run inside. */
    private readonly beforeWriting: () => void = () => undefined,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  /** Queues `work` for the next commit; resolves with its result once that has committed. */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Runs and commits the queued writes now (when their microtask comes, or before the file closes). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.beforeWriting();
    // A lone write (a sequential caller, such as the quiz clock closing rounds one by one) is its own transaction.
    if (batch.length === 1) {
      this.alone(batch[0] as Queued);
      return;
    }
    try {
      this.begin.run();
    } catch (error) {
      for (const q of batch) q.reject(error);
      return;
    }
    const results: { ok: boolean; value: unknown }[] = [];
    for (const q of batch) {
      try {
        results.push({ ok: true, value: q.work() });
      } catch (error) {
        // SQLite undoes the failed statement only, unless the failure (a full disk, an I/O error) ended the
        // whole transaction: then none of the batch was written.
        if (!this.db.inTransaction) {
          this.fail(batch, error);
          return;
        }
        results.push({ ok: false, value: error });
      }
    }
    try {
      this.commit.run();
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    batch.forEach((q, i) => {
      const result = results[i] as { ok: boolean; value: unknown };
      if (result.ok) q.resolve(result.value);
      else q.reject(result.value);
    });
  }

  private alone(q: Queued): void {
    let value: unknown;
    try {
      value = q.work();
    } catch (error) {
      q.reject(error);
      return;
    }
    q.resolve(value);
  }

  private fail(batch: Queued[], error: unknown): void {
    try {
      if (this.db.inTransaction) this.rollback.run();
    } catch {
      // The connection is already gone; the batch failed either way.
    }
    for (const q of batch) q.reject(error);
  }
}
