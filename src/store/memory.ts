import type { Store } from '../core/store.js';

const MIN_SWEEP_AT = 1024;

/** A Store in this process's memory, for tests and the throwaway console. */
export class MemoryStore implements Store {
  private readonly values = new Map<string, { json: string; expiresAt?: number }>();
  private readonly lists = new Map<string, string[]>();
  private readonly queues = new Map<string, Map<string, number>>();
  private readonly pace = new Map<string, number>();
  /** Past this many values, lapsed ones are swept (see set). */
  private sweepAt = MIN_SWEEP_AT;

  constructor(private readonly clock: () => number = Date.now) {}

  private live(key: string): { json: string; expiresAt?: number } | undefined {
    const entry = this.values.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.clock()) {
      this.values.delete(key);
      return undefined;
    }
    return entry;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return entry ? (JSON.parse(entry.json) as T) : undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    this.values.set(key, {
      json: JSON.stringify(value),
      expiresAt: ttlMs === undefined ? undefined : this.clock() + ttlMs,
    });
    // A lapsed value was only dropped when read again, and most never are (every Slack request's signature is
    // claimed once): the map grew without end. Sweeping when it has doubled since the last sweep keeps it to
    // what is live at a constant cost per write, with no timer.
    if (this.values.size >= this.sweepAt) this.sweep();
  }

  /** How many values are held, lapsed or not: for tests of the sweep. */
  get size(): number {
    return this.values.size;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.values) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.values.delete(key);
    }
    this.sweepAt = Math.max(MIN_SWEEP_AT, 2 * this.values.size);
  }

  async delete(key: string): Promise<boolean> {
    const had = this.live(key) !== undefined || this.lists.has(key);
    this.values.delete(key);
    this.lists.delete(key);
    return had;
  }

  async claim(key: string, ttlMs: number, value: unknown = true): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async append<T>(key: string, value: T): Promise<number> {
    const list = this.lists.get(key) ?? [];
    list.push(JSON.stringify(value));
    this.lists.set(key, list);
    return list.length;
  }

  async list<T>(key: string): Promise<T[]> {
    return (this.lists.get(key) ?? []).map((json) => JSON.parse(json) as T);
  }

  async schedule(queue: string, member: string, dueAt: number): Promise<void> {
    const q = this.queues.get(queue) ?? new Map<string, number>();
    q.set(member, dueAt);
    this.queues.set(queue, q);
  }

  async due(queue: string, now: number, limit: number): Promise<{ member: string; dueAt: number }[]> {
    const q = this.queues.get(queue);
    if (!q) return [];
    return [...q]
      .filter(([, dueAt]) => dueAt <= now)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([member, dueAt]) => ({ member, dueAt }));
  }

  async unschedule(queue: string, member: string): Promise<void> {
    this.queues.get(queue)?.delete(member);
  }

  async reserve(key: string, intervalMs: number, now: number): Promise<number> {
    const slot = Math.max(now, this.pace.get(key) ?? now);
    this.pace.set(key, slot + intervalMs);
    return slot;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
