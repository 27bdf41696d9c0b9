import { afterAll, beforeAll } from 'vitest';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { freePort, type Running, startChronicle } from '../support/chronicle-process.js';

/** `npm start` serving Slack over HTTP on a free port, against a fake Web API, until `stop()`. */
export interface SlackProcess {
  fake: FakeSlackApi;
  bot: Running;
  port: number;
  stop(): Promise<void>;
}

export async function startSlackProcess(secret: string): Promise<SlackProcess> {
  const fake = await new FakeSlackApi().start();
  const port = await freePort();
  const bot = startChronicle({
    argv: ['bin/chronicle.js', 'start'],
    cwd: process.cwd(),
    env: {
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE_URL: 'memory://',
      CONTENT_DIR: 'test/fixtures/pack',
    },
  });
  await bot.waitForLog((e) => e.msg === 'slack connected', 20_000);
  return {
    fake,
    bot,
    port,
    async stop() {
      if (bot.child.exitCode === null) {
        bot.child.kill('SIGTERM');
        await bot.exited;
      }
      await fake.stop();
    },
  };
}

/** One such process for the whole test file: started before the first test, stopped after the last. */
export function useSlackProcess(secret: string): SlackProcess {
  let running: SlackProcess | undefined;
  beforeAll(async () => {
    running = await startSlackProcess(secret);
  });
  afterAll(() => running?.stop());
  const get = () => {
    if (!running) throw new Error('the Slack process has not started');
    return running;
  };
  return {
    get fake() {
      return get().fake;
    },
    get bot() {
      return get().bot;
    },
    get port() {
      return get().port;
    },
    stop: () => get().stop(),
  };
}
