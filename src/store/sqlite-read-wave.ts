import type { Database, Statement } from 'better-sqlite3';

/*
 * Reads that come in one wave of microtasks share one read transaction. On
 * its own, each read is a transaction: locks taken and released on the
 * -shm file (system calls), the -wal index consulted; that was more than
 * half of what a read cost. In a burst, a wave is every click at the same
 * step, so a thousand reads pay for one.
 *
 * The transaction ends in a microtask queued behind the ones already
 * waiting, so no I/O callback (nothing another process could have told us)
 * runs while it is open: a read never misses a write it could know of. A
 * write of ours ends it first (sqlite-group-commit.ts), so reads after our
 * commit see it.
 */
export class ReadWave {
  private open = false;
  private readonly begin: Statement;
  private readonly end: Statement;

  constructor(private readonly db: Database) {
    this.begin = db.prepare('BEGIN');
    this.end = db.prepare('COMMIT');
  }

  /** Runs `work` in this wave's read transaction, opening one if need be. */
  read<T>(work: () => T): T {
    if (!this.open && !this.db.inTransaction) {
      this.begin.run();
      this.open = true;
      queueMicrotask(() => this.close());
    }
    return work();
  }

  /** Ends the wave's read transaction now (before a write, or when the file closes). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.end.run();
  }
}
