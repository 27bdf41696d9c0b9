/**
 * A second process on one SQLite file, for sqlite-processes.test.ts. It
 * opens the store, says "ready", waits for "go" on stdin so that both
 * processes start together, then claims every key in the shuffled order
 * both share (so that the two reach each key at nearly the same instant: a
 * claim that read before it wrote would let both win some) and appends to
 * one shared list. Prints the keys it won and when it began and ended, as JSON.
 * Usage: sqlite-worker.ts FILE NAME KEYS APPENDS
 */
import { createInterface } from 'node:readline';
import { SqliteStore } from '../../src/store/sqlite.js';

const [file, name, keyCount, appendCount] = process.argv.slice(2) as [string, string, string, string];

function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

const store = await SqliteStore.open(`sqlite://${file}`);
console.log('ready');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

const won: string[] = [];
const startedAt = Date.now();
const appends = Number(appendCount);
let appended = 0;
for (const i of shuffled(Number(keyCount), 7)) {
  if (await store.claim(`round:${i}`, 60_000, name)) won.push(`round:${i}`);
  if (appended < appends) await store.append('answers', { by: name, n: appended++ });
  // Let the other process's statements in between ours, as two busy instances would.
  await new Promise((resolve) => setImmediate(resolve));
}
const endedAt = Date.now();
await store.close();
console.log(JSON.stringify({ won, startedAt, endedAt }));
