import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from '../../src/core/store.js';

/*
 * A Store that counts what passes through it, by phase (a label the caller
 * puts around its work), operation and calling function. Timings on a shared
 * 2-core machine move ±20 % between identical runs; these counts do not, so
 * a change to the store traffic of an answer is judged on them first.
 * For measuring only: finding the caller takes a stack trace per operation.
 */

type Op = Exclude<keyof Store, 'close' | 'ping'>;
const OPS: readonly Op[] = [
  'get',
  'set',
  'delete',
  'claim',
  'append',
  'list',
  'schedule',
  'due',
  'unschedule',
  'reserve',
];

export interface OpCount {
  phase: string;
  op: Op;
  caller: string;
  n: number;
}

/** The first frame outside this file and the store: `function (file)`, the file relative to the checkout. */
function callerOf(stack: string | undefined): string {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    if (line.includes('counting-store')) continue;
    const m = /at (?:async )?(\S+) \(.*?\/((?:src|test|bench|commands)\/[^:]+):\d+:\d+\)/.exec(line);
    if (m) return `${m[1]} (${m[2]})`;
    const bare = /at (?:async )?.*?\/((?:src|test|bench|commands)\/[^:]+):\d+:\d+/.exec(line);
    if (bare) return `<anonymous> (${bare[1]})`;
  }
  return '<unknown>';
}

export class CountingStore implements Store {
  private readonly phase = new AsyncLocalStorage<string>();
  private readonly counts = new Map<string, OpCount>();

  constructor(private readonly inner: Store) {
    for (const op of OPS) {
      const forward = (inner[op] as (...args: unknown[]) => Promise<unknown>).bind(inner);
      (this as unknown as Record<Op, unknown>)[op] = (...args: unknown[]) => {
        this.count(op, callerOf(new Error().stack));
        return forward(...args);
      };
    }
  }

  /** Runs `work` with every store operation it makes, awaited or not, counted under `phase`. */
  within<T>(phase: string, work: () => Promise<T>): Promise<T> {
    return this.phase.run(phase, work);
  }

  private count(op: Op, caller: string): void {
    const phase = this.phase.getStore() ?? '(no phase)';
    const key = `${phase}\u0000${op}\u0000${caller}`;
    const row = this.counts.get(key);
    if (row) row.n++;
    else this.counts.set(key, { phase, op, caller, n: 1 });
  }

  rows(): OpCount[] {
    return [...this.counts.values()];
  }

  reset(): void {
    this.counts.clear();
  }

  // Replaced per instance in the constructor; declared for the Store interface.
  declare get: Store['get'];
  declare set: Store['set'];
  declare delete: Store['delete'];
  declare claim: Store['claim'];
  declare append: Store['append'];
  declare list: Store['list'];
  declare schedule: Store['schedule'];
  declare due: Store['due'];
  declare unschedule: Store['unschedule'];
  declare reserve: Store['reserve'];

  ping(): Promise<boolean> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
