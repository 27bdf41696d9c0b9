import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { redisUrlOrFail, uniquePrefix } from '../support/backends.js';

describe('createStore(STORE_URL)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-create-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a SQLite file, creating its folder, and keeps values across restarts', async () => {
    const file = path.join(dir, 'data', 'chronicle.sqlite');
    const first = await createStore({ STORE_URL: `sqlite://${file}` });
    expect(first).toBeInstanceOf(SqliteStore);
    expect(existsSync(file)).toBe(true);
    await first.set('briefing:sub:discord:c1', { time: '08:00' });
    await first.schedule('briefings', 'discord:c1', 42);
    await first.close();

    const second = await createStore({ STORE_URL: `sqlite://${file}` });
    expect(await second.get('briefing:sub:discord:c1')).toEqual({ time: '08:00' });
    expect(await second.due('briefings', 100, 10)).toEqual([{ member: 'discord:c1', dueAt: 42 }]);
    await second.close();
  });

  it('resolves a relative sqlite path from the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await createStore({ STORE_URL: 'sqlite://./relative/here.sqlite' });
      await store.close();
      expect(existsSync(path.join(dir, 'relative', 'here.sqlite'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('says what to do when the SQLite file cannot be created', async () => {
    const blocker = path.join(dir, 'a-file');
    await (await createStore({ STORE_URL: `sqlite://${blocker}` })).close();
    await expect(createStore({ STORE_URL: `sqlite://${blocker}/under/a/file.sqlite` })).rejects.toThrow(
      /STORE_URL=sqlite:\/\//,
    );
  });

  it('gives a memory store for memory://', async () => {
    expect(await createStore({ STORE_URL: 'memory://' })).toBeInstanceOf(MemoryStore);
  });

  it.skipIf(!redisUrlOrFail())('connects to Redis for redis://', async () => {
    const store = await createStore({ STORE_URL: redisUrlOrFail() as string }, { prefix: uniquePrefix('create') });
    expect(store).toBeInstanceOf(RedisStore);
    expect(await store.ping()).toBe(true);
    await store.close();
  });
});
