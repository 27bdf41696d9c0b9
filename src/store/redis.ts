import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Store } from '../core/store.js';
import type { Logger } from '../log.js';
import { StoreUnavailableError, withDeadline } from './errors.js';
import { keyvEncode } from './keyv-format.js';

type RedisClient = ReturnType<typeof createClient>;

/** Takes the next slot of a shared pace atomically: slot = max(now, next); next = slot + interval. */
const RESERVE_SCRIPT = `
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local slot = math.max(now, nextAt)
redis.call('SET', KEYS[1], slot + interval, 'PX', math.floor(math.max(60000, slot + interval - now + 60000)))
return slot
`;

export interface RedisStoreOptions {
  /** Put before every key, so tests (or two deployments) can share one server. */
  prefix?: string;
  logger?: Logger;
  /** How long one command may take before it counts as a dead Redis. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** What Redis answers to a wrong, missing or unneeded password. */
const AUTH_ERROR = /WRONGPASS|NOAUTH|invalid password|AUTH.*without any password configured|invalid username-password/i;

/** Redacts a password in a redis:// URL for messages and logs. */
function shown(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//[credentials]@');
}

/**
 * A Redis with neither an append-only file nor snapshots forgets everything
 * when it restarts: running games, histories, scores. Said once at startup;
 * a managed Redis that refuses CONFIG is taken on trust.
 */
async function warnIfNothingPersists(client: RedisClient, url: string, logger?: Logger): Promise<void> {
  try {
    const config = { ...(await client.configGet('appendonly')), ...(await client.configGet('save')) };
    if (config.appendonly === 'no' && (config.save ?? '').trim() === '')
      logger?.warn(
        { event: 'redis-persistence', url: shown(url) },
        'Redis keeps nothing on disk (appendonly no, no save points): a Redis restart loses running games, histories and scores. Set appendonly yes (see docker-compose.yml)',
      );
  } catch {
    // CONFIG is often disabled on managed Redis, whose persistence is the provider's.
  }
}

/**
 * The Store for several instances sharing one Redis. Plain values go through
 * keyv; claims (SET NX PX), lists (RPUSH/LRANGE), queues (sorted sets) and
 * pacing (a Lua script) use the client directly, since keyv has no atomic
 * set-if-absent. When Redis is down every operation rejects quickly with
 * StoreUnavailableError (no offline queue, a deadline per command) and the
 * client reconnects in the background; it never emits an unhandled 'error'.
 */
export class RedisStore implements Store {
  private readonly keyv: Keyv;
  private readonly timeoutMs: number;
  private readonly prefix: string;

  private constructor(
    private readonly client: RedisClient,
    private readonly url: string,
    options: RedisStoreOptions,
  ) {
    this.prefix = options.prefix ?? 'chronicle:';
    this.timeoutMs = options.commandTimeoutMs ?? 3_000;
    const adapter = new KeyvRedis(client as never, { throwOnConnectError: true, throwOnErrors: true });
    this.keyv = new Keyv(adapter, { namespace: undefined, useKeyPrefix: false, throwOnErrors: true });
    this.keyv.on('error', () => undefined); // already logged by the client listener below
  }

  static async open(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const logger = options.logger;
    let lastLogged = 0;
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: options.connectTimeoutMs ?? 5_000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
      },
    });
    // A refused password makes the client retry forever: without this, it reads as "no answer".
    let refused: ((error: Error) => void) | undefined;
    const authRefused = new Promise<never>((_, reject) => {
      refused = reject;
    });
    authRefused.catch(() => undefined);
    let opened = false;
    client.on('error', (error: Error) => {
      if (AUTH_ERROR.test(error.message)) refused?.(error);
      // Until it is open, open() reports its faults in one line. Then: one line per few seconds while down.
      if (opened && Date.now() - lastLogged > 5_000) {
        lastLogged = Date.now();
        logger?.warn({ err: error, url: shown(url) }, 'redis store unreachable; retrying in the background');
      }
    });
    client.on('ready', () => {
      if (lastLogged) logger?.info({ url: shown(url) }, 'redis store reachable again');
      lastLogged = 0;
    });
    try {
      // PING too: a server that wants a password the URL lacks connects, then refuses every command.
      await withDeadline(
        Promise.race([client.connect().then(() => client.ping()), authRefused]),
        (options.connectTimeoutMs ?? 5_000) + 500,
        'redis connect',
      );
      opened = true;
    } catch (error) {
      client.destroy();
      if (AUTH_ERROR.test((error as Error).message))
        throw new StoreUnavailableError(
          `Redis at ${shown(url)} refused the login (${(error as Error).message.split('\n')[0]}). Check the password in STORE_URL: redis://:PASSWORD@host:6379, or redis://USER:PASSWORD@host:6379 with an ACL user`,
          error,
        );
      throw new StoreUnavailableError(
        `cannot reach Redis at ${shown(url)}: ${(error as Error).message}. Start redis-server, or set STORE_URL=sqlite://./data/chronicle.sqlite for a single instance`,
        error,
      );
    }
    await warnIfNothingPersists(client as RedisClient, url, logger);
    return new RedisStore(client as RedisClient, url, options);
  }

  /** Runs one command under the deadline, turning any failure into StoreUnavailableError. */
  private async op<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline(run(), this.timeoutMs, `redis ${what}`);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`redis ${what} failed at ${shown(this.url)}: ${(error as Error).message}`, error);
    }
  }

  private v(key: string): string {
    return `${this.prefix}v:${key}`;
  }
  private l(key: string): string {
    return `${this.prefix}l:${key}`;
  }
  private q(queue: string): string {
    return `${this.prefix}q:${queue}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.op('GET', async () => (await this.keyv.get(this.v(key))) as T | undefined);
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.op('SET', () => this.keyv.set(this.v(key), value, ttlMs));
  }

  async delete(key: string): Promise<boolean> {
    return this.op('DEL', async () => (await this.client.del([this.v(key), this.l(key)])) > 0);
  }

  async claim(key: string, ttlMs: number, value: unknown = true): Promise<boolean> {
    const encoded = await keyvEncode(this.keyv, value, Date.now() + ttlMs);
    const reply = await this.op('SET NX', () => this.client.set(this.v(key), encoded, { NX: true, PX: ttlMs }));
    return reply === 'OK';
  }

  async append<T>(key: string, value: T): Promise<number> {
    return this.op('RPUSH', () => this.client.rPush(this.l(key), JSON.stringify(value)));
  }

  async list<T>(key: string): Promise<T[]> {
    const items = await this.op('LRANGE', () => this.client.lRange(this.l(key), 0, -1));
    return items.map((json) => JSON.parse(json) as T);
  }

  async schedule(queue: string, member: string, dueAt: number): Promise<void> {
    await this.op('ZADD', () => this.client.zAdd(this.q(queue), { score: Math.round(dueAt), value: member }));
  }

  async due(queue: string, now: number, limit: number): Promise<{ member: string; dueAt: number }[]> {
    const rows = await this.op('ZRANGEBYSCORE', () =>
      this.client.zRangeByScoreWithScores(this.q(queue), '-inf', Math.floor(now), {
        LIMIT: { offset: 0, count: limit },
      }),
    );
    return rows.map((row) => ({ member: String(row.value), dueAt: row.score }));
  }

  async unschedule(queue: string, member: string): Promise<void> {
    await this.op('ZREM', () => this.client.zRem(this.q(queue), member));
  }

  async reserve(key: string, intervalMs: number, now: number): Promise<number> {
    const slot = await this.op('EVAL reserve', () =>
      this.client.eval(RESERVE_SCRIPT, {
        keys: [`${this.prefix}p:${key}`],
        arguments: [String(Math.round(now)), String(intervalMs)],
      }),
    );
    return Number(slot);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.op('PING', () => this.client.ping())) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.client.isOpen) return;
    if (this.client.isReady) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }
}
