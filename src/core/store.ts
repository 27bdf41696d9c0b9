/**
 * Everything Chronicle remembers goes through this interface, so a test can
 * swap the backend and several instances can share one. Values are JSON.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlMs` omitted keeps the value until it is overwritten or deleted. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;

  /**
   * Takes `key` if nobody holds it: atomic across instances (SQLite:
   * insert-if-absent in a transaction; Redis: SET NX PX). Returns true for
   * exactly one caller until the TTL lapses.
   */
  claim(key: string, ttlMs: number, value?: unknown): Promise<boolean>;

  /** Appends to a list atomically; returns the new length. */
  append<T>(key: string, value: T): Promise<number>;
  /** The whole list, oldest first (empty when absent). */
  list<T>(key: string): Promise<T[]>;

  /**
   * Deadlines: `schedule` files `member` in `queue` at `dueAt` (ms since
   * epoch), replacing an earlier time; `due` returns members whose time has
   * come, earliest first; `unschedule` removes one. Work is then taken with
   * `claim`, so two instances never do it twice.
   */
  schedule(queue: string, member: string, dueAt: number): Promise<void>;
  due(queue: string, now: number, limit: number): Promise<{ member: string; dueAt: number }[]>;
  unschedule(queue: string, member: string): Promise<void>;

  /**
   * Shared pacing (a rate limit across instances): reserves the next slot of
   * `key`, spacing callers `intervalMs` apart, and returns the time (ms since
   * epoch, never before `now`) at which this caller may act.
   */
  reserve(key: string, intervalMs: number, now: number): Promise<number>;

  /** Is the backend reachable right now? Used by /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
