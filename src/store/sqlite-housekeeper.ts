import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';

/*
 * SQLite's upkeep, off the event loop. In WAL mode every commit appends to
 * the -wal file, and a checkpoint copies it back into the database and
 * fsyncs both: left to the connection that writes (SQLite's default, every
 * 1,000 pages), that is a stall of 10 ms and more inside whichever answer
 * happens to cross the line, and during a quiz-night burst it was most of
 * what a write cost. A worker thread with its own connection does it
 * instead, every second, in PASSIVE mode (it never waits for or blocks a
 * writer), and now and then deletes values whose TTL has lapsed, in small
 * batches, so that claims do not pile up in the file.
 *
 * The worker is plain JavaScript evaluated from this string, so that it runs
 * the same under tsx, vitest and the compiled dist/ without a file of its own.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const sweep = db.prepare(
  'DELETE FROM chronicle_value WHERE rowid IN (SELECT rowid FROM chronicle_value WHERE expires_at <= ? LIMIT 500)',
);
let failures = 0;
function guarded(what, work) {
  try { work(); failures = 0; } catch (error) {
    // Said once per run of failures, not every second.
    if (failures++ === 0) parentPort.postMessage({ warn: what + ': ' + error.message });
  }
}
function sweepBatch() {
  guarded('sweeping lapsed values', () => {
    // Batches, with the event loop between them, hold the write lock for moments only.
    if (sweep.run(Date.now()).changes === 500) setImmediate(sweepBatch);
  });
}
const checkpoints = setInterval(() => guarded('checkpoint', () => db.pragma('wal_checkpoint(PASSIVE)')), workerData.checkpointMs);
const sweeps = setInterval(sweepBatch, workerData.sweepMs);
parentPort.on('message', () => {
  clearInterval(checkpoints);
  clearInterval(sweeps);
  guarded('final checkpoint', () => db.pragma('wal_checkpoint(PASSIVE)'));
  db.close();
  parentPort.close();
});
`;

/** How long stop() waits for the last checkpoint before ending the worker anyway. */
const STOP_WITHIN_MS = 2_000;

export interface HousekeepingOptions {
  /** How often the -wal file is copied back; 1 s keeps it to one second's writes. */
  checkpointMs?: number;
  /** How often lapsed values are deleted. */
  sweepMs?: number;
}

export interface Housekeeper {
  /** Ends the worker after a last checkpoint. */
  stop(): Promise<void>;
}

/**
 * Starts the worker for `file`. `fallback` is called if the worker cannot
 * run, so the store can hand checkpoints back to its own connection rather
 * than let the -wal file grow.
 */
export function startHousekeeper(
  file: string,
  busyTimeoutMs: number,
  fallback: () => void,
  options: HousekeepingOptions = {},
  logger?: Logger,
): Housekeeper {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      busyTimeoutMs,
      checkpointMs: options.checkpointMs ?? 1_000,
      sweepMs: options.sweepMs ?? 10 * 60_000,
    },
  });
  let stopping = false;
  let lost = false;
  const lose = (error?: unknown) => {
    if (stopping || lost) return;
    lost = true;
    logger?.warn({ err: error, file }, 'sqlite store upkeep stopped; checkpoints go back to the writing connection');
    fallback();
  };
  worker.on('message', (message: { warn?: string }) => {
    if (message.warn) logger?.warn({ file }, `sqlite store upkeep: ${message.warn}`);
  });
  worker.on('error', lose);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      lose();
      resolve();
    }),
  );
  // Upkeep must never keep a finished process alive. After the listeners: adding a 'message' one refs the worker again.
  worker.unref();
  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        // Waited for now, so it holds the process open until its last checkpoint is done.
        worker.ref();
        worker.postMessage('stop');
        // A worker stuck on a lock must not hold up a shutdown.
        setTimeout(() => void worker.terminate(), STOP_WITHIN_MS).unref();
      }
      return exited;
    },
  };
}
