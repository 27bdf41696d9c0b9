import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToExit } from '../support/chronicle-process.js';

let holder: Server;
let port: number;
beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = (holder.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

describe('a PORT that is already taken', () => {
  it('stops a bot that must listen there with one line naming the port and the fix, exit 1, no stack', async () => {
    const { code, err } = await runToExit({
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      // Nothing listens on port 9: the bot must fail on its own port, not on Slack.
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe(
      `port ${port} on 127.0.0.1 is already in use (PORT=${port}): stop what holds it, or set PORT to a free port`,
    );
    expect(err).not.toMatch(/\n\s+at |"stack"/);
  });

  it('leaves the console running without /healthz, saying why in words rather than a stack', async () => {
    const { code, err, out } = await runToExit({ PORT: String(port), HOST: '127.0.0.1' }, '/timeline 2020-10\n');
    expect(code).toBe(0);
    expect(out).toMatch(/October 2020/);
    expect(err).toMatch(/already in use \(PORT=\d+\).*the console runs without them/);
    expect(err).not.toMatch(/"stack"/);
  });

  it('is never touched by a console whose PORT is unset: no server, no warning', async () => {
    const { code, err, out } = await runToExit({ PORT: '' }, '/timeline 2020-10\n');
    expect(code).toBe(0);
    expect(out).toMatch(/October 2020/);
    expect(err).not.toMatch(/healthz|already in use/);
  });
});
