/**
 * A process that opens the SQLite store, writes, and ends without closing
 * it, for sqlite-upkeep.test.ts: it must still exit on its own.
 * Usage: sqlite-left-open.ts FILE
 */
import { SqliteStore } from '../../src/store/sqlite.js';

const store = await SqliteStore.open(`sqlite://${process.argv[2]}`);
await store.set('written', true);
