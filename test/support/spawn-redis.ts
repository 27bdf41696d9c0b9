import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';
import { waitForRedis } from './redis-ping.js';

export interface OwnRedisOptions {
  /** false: no append-only file and no snapshots, so a restart forgets everything. */
  persist?: boolean;
  /** Require this password (requirepass). */
  password?: string;
}

/**
 * A redis-server of this test's own on a free loopback port, so the test can
 * kill and restart it without disturbing the shared one. Its append-only file
 * is fsynced on every write, so what Redis acknowledged survives a SIGKILL,
 * as it would on a production Redis with persistence.
 */
export class OwnRedis {
  private process?: ChildProcess;
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly options: OwnRedisOptions,
  ) {}

  static async start(options: OwnRedisOptions = {}): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), mkdtempSync(path.join(tmpdir(), 'chronicle-redis-')), options);
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        this.options.persist === false ? 'no' : 'yes',
        '--appendfsync',
        'always',
        '--dir',
        this.dir,
        ...(this.options.password ? ['--requirepass', this.options.password] : []),
      ],
      { stdio: 'ignore' },
    );
    await waitForRedis(this.port, this.options.password);
  }

  /** SIGKILL: no goodbye to clients, exactly like a crash. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
