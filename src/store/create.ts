import type { Config } from '../config.js';
import type { Store } from '../core/store.js';
import type { Logger } from '../log.js';
import { MemoryStore } from './memory.js';
import { RedisStore } from './redis.js';
import { SqliteStore } from './sqlite.js';

/**
 * The Store named by STORE_URL: `sqlite://PATH` (the default,
 * ./data/chronicle.sqlite, created with its folder on first start),
 * `redis://HOST:PORT` for several instances, `memory://` for a throwaway run.
 */
export async function createStore(
  config: Pick<Config, 'STORE_URL'>,
  options: { logger?: Logger; prefix?: string } = {},
): Promise<Store> {
  const url = config.STORE_URL;
  if (url.startsWith('memory:')) return new MemoryStore();
  if (url.startsWith('sqlite://')) return SqliteStore.open(url, options);
  if (/^rediss?:\/\//.test(url)) return RedisStore.open(url, options);
  throw new Error(
    `STORE_URL must be sqlite://PATH, redis://HOST:PORT or memory:// (got a value starting "${url.split(':')[0]}:")`,
  );
}
