import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToExit } from '../support/chronicle-process.js';
import { OwnRedis } from '../support/spawn-redis.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!hasRedis)('a Redis that refuses the login, or keeps nothing on disk', () => {
  let guarded: OwnRedis;
  let forgetful: OwnRedis;
  beforeAll(async () => {
    guarded = await OwnRedis.start({ password: 'right-horse-battery' });
    forgetful = await OwnRedis.start({ persist: false });
  });
  afterAll(async () => {
    await guarded?.stop();
    await forgetful?.stop();
  });

  it('stops startup on a wrong password with one line saying the login was refused, the password redacted', async () => {
    const { code, err } = await runToExit({ STORE_URL: `redis://:wrong-pony@127.0.0.1:${guarded.port}` });
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([
      expect.stringMatching(/^Redis at redis:\/\/\[credentials\]@127\.0\.0\.1:\d+ refused the login \(WRONGPASS/),
    ]);
    expect(err).not.toContain('wrong-pony');
  });

  it('says the same of a missing password, which would otherwise connect and then fail every command', async () => {
    const { code, err } = await runToExit({ STORE_URL: guarded.url });
    expect(code).toBe(1);
    expect(err).toMatch(/refused the login \(NOAUTH.*Check the password in STORE_URL/);
  });

  it('serves with the right password, and warns at startup when Redis would forget everything on restart', async () => {
    const right = await runToExit(
      { STORE_URL: `redis://:right-horse-battery@127.0.0.1:${guarded.port}`, PORT: '0', HOST: '127.0.0.1' },
      '/timeline 2020-10\n',
    );
    expect(right.code).toBe(0);
    expect(right.out).toMatch(/October 2020/);
    expect(right.err).not.toMatch(/keeps nothing on disk/);
    const bare = await runToExit({ STORE_URL: forgetful.url, PORT: '0', HOST: '127.0.0.1' }, '/timeline 2020-10\n');
    expect(bare.code).toBe(0);
    expect(bare.err).toMatch(/Redis keeps nothing on disk .*appendonly yes/);
  });
});
