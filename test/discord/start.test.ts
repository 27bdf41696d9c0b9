import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../fakes/discord/interactions.js';
import { FAKE_APPLICATION_ID, FAKE_TOKEN, FakeDiscord } from '../fakes/discord/server.js';
import { sleep } from '../support/sleep.js';
import { interact, textOf } from './harness.js';

/** `npm start` with the Discord variables set: the real process, against the fake. */
describe('chronicle start with DISCORD_TOKEN', () => {
  let fake: FakeDiscord;
  let child: ChildProcess;
  let stderr = '';
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    child = spawn(process.execPath, ['bin/chronicle.js', 'start'], {
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
        DISCORD_API_URL: fake.apiUrl,
        STORE_URL: 'memory://',
        CONTENT_DIR: 'test/fixtures/pack',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (d) => (stderr += d));
    for (let i = 0; i < 300 && fake.gateway.identifies.length === 0; i++) await sleep(50);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake?.close();
  });

  it('connects to the gateway and answers a slash command', async () => {
    expect(fake.gateway.identifies).toHaveLength(1);
    // READY → GUILD_CREATE → ClientReady takes a moment after IDENTIFY.
    await sleep(300);
    const answer = await interact(fake, slashCommand({ name: 'help' }));
    expect(textOf(answer.message)).toContain('/quiz');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/"level":(50|60)/);
  });
});
