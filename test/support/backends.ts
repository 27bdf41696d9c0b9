import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { Store } from '../../src/core/store.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import { SqliteStore } from '../../src/store/sqlite.js';

export interface Backend {
  name: string;
  /** A fresh, empty store; `cleanup` removes what it made. */
  open(): Promise<Store>;
  cleanup(): void;
}

/**
 * The Redis URL for this run. Under CI a missing Redis is a failure with a
 * clear message, not a silent skip; on a laptop without redis-server the
 * Redis cases are skipped.
 */
export function redisUrlOrFail(): string | undefined {
  const url = inject('redisUrl');
  if (!url && process.env.CI === 'true') {
    throw new Error(
      'CI=true but no Redis: .ci/run should start redis-server and export REDIS_URL (or install redis-server)',
    );
  }
  return url || undefined;
}

/** A key prefix no other test run shares. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

export function backends(): Backend[] {
  const dirs: string[] = [];
  const opened: Store[] = [];
  const list: Backend[] = [
    {
      name: 'memory',
      open: async () => new MemoryStore(),
      cleanup: () => undefined,
    },
    {
      name: 'sqlite',
      open: async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-store-'));
        dirs.push(dir);
        const store = await SqliteStore.open(`sqlite://${path.join(dir, 'nested', 'chronicle.sqlite')}`);
        opened.push(store);
        return store;
      },
      cleanup: () => {
        for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      },
    },
  ];
  const url = redisUrlOrFail();
  if (url) {
    list.push({
      name: 'redis',
      open: async () => {
        const store = await RedisStore.open(url, { prefix: uniquePrefix('contract') });
        opened.push(store);
        return store;
      },
      cleanup: () => undefined,
    });
  }
  return list.map((b) => ({
    ...b,
    cleanup: () => {
      for (const s of opened.splice(0)) void s.close();
      b.cleanup();
    },
  }));
}
