/**
 * Opens a SQLite store when told to, for sqlite-processes.test.ts: it says
 * "ready", waits for "go" on stdin so that several processes open one new
 * file at the same instant, then opens it, writes once and says "opened".
 * Usage: sqlite-opener.ts FILE NAME
 */
import { createInterface } from 'node:readline';
import { SqliteStore } from '../../src/store/sqlite.js';

const [file, name] = process.argv.slice(2) as [string, string];
console.log('ready');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();
const store = await SqliteStore.open(`sqlite://${file}`);
await store.set(`opened:${name}`, true);
await store.close();
console.log('opened');
