import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { freePort } from '../support/free-port.js';
import { waitForRedis } from '../support/redis-ping.js';
import 'vitest';
import type { TestProject } from 'vitest/node';

/**
 * Redis-backed tests need a real redis-server. CI passes REDIS_URL; on a
 * developer machine we start a throwaway one on a free loopback port when
 * redis-server is installed. Tests read the URL from `inject('redisUrl')`.
 */
let server: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.REDIS_URL ?? '';
  if (!url && spawnSync('redis-server', ['--version']).status === 0) {
    const port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitForRedis(port);
    url = `redis://127.0.0.1:${port}`;
  }
  project.provide('redisUrl', url);
  return async () => {
    server?.kill('SIGTERM');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
