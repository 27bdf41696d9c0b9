import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/client.js';
import { parseConfig } from '../../src/config.js';
import { Lifecycle } from '../../src/ops/lifecycle.js';
import { ALICE, BOB, buttonClick, CAROL, slashCommand } from '../fakes/discord/interactions.js';
import { FAKE_APPLICATION_ID, FAKE_TOKEN } from '../fakes/discord/server.js';
import { captureLog, type LogLine } from '../support/capture-log.js';
import { sleep } from '../support/sleep.js';
import { CHANNEL_MESSAGES, type Harness, interact, startHarness, textOf } from './harness.js';

/**
 * Two replicas with one token and no sharding, as the compose file once ran
 * them: the gateway sends every interaction to both sessions, and Discord
 * takes one callback per interaction (the fake refuses a second with 40060).
 */
describe('two replicas on one shard and one Store', () => {
  let h: Harness;
  let second: DiscordAdapter;
  const secondLogs: LogLine[] = [];
  beforeAll(async () => {
    h = await startHarness();
    const config = parseConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
      DISCORD_API_URL: h.fake.apiUrl,
    });
    const { log } = captureLog('debug', secondLogs);
    second = createDiscordAdapter(config, h.store, log, { commands, lifecycle: new Lifecycle() });
    await second.start({ ...h.services, poster: second.poster, log });
  });
  afterAll(async () => {
    await second?.stop();
    await h?.close();
  });

  const callbacksFor = (token: string) => h.fake.rest.requests.filter((r) => r.path.includes(`/${token}/callback`));

  it('answer each interaction once: one game, every first click locked in, nothing refused or logged as an error', async () => {
    const start = await interact(
      h.fake,
      slashCommand({ name: 'quiz', subcommand: 'start', options: { rounds: 1, seconds: 30 }, user: ALICE }),
    );
    expect(textOf(start.message)).toMatch(/alice started a quiz/);
    const round = await h.fake.rest.waitFor(
      (r) => r.method === 'POST' && r.path === CHANNEL_MESSAGES && /Question 1 of 1/.test(textOf(r.body as never)),
    );
    const ids = ((round.body as { components: { components: { custom_id: string }[] }[] }).components ?? []).flatMap(
      (row) => row.components.map((c) => c.custom_id),
    );
    const messageId = (round.response as { id: string }).id;
    for (const user of [ALICE, BOB, CAROL]) {
      const click = buttonClick({ customId: ids[0] as string, message: { id: messageId }, user });
      const answer = await interact(h.fake, click);
      expect(textOf(answer.message)).toMatch(/^Locked in: A\./);
    }
    // Give the losing replica time to (wrongly) answer, then count.
    await sleep(300);
    const tokens = [...new Set(h.fake.rest.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.path))];
    expect(tokens.length).toBe(4);
    for (const path of tokens) {
      const token = path.split('/')[3] as string;
      expect(callbacksFor(token)).toHaveLength(1);
      expect(callbacksFor(token)[0]?.status).toBe(204);
    }
    const rounds = h.fake.rest.requests.filter(
      (r) => r.method === 'POST' && r.path === CHANNEL_MESSAGES && /Question 1 of 1/.test(textOf(r.body as never)),
    );
    expect(rounds).toHaveLength(1);
    for (const line of [...h.logs, ...secondLogs]) expect(line.level, JSON.stringify(line)).toBeLessThan(50);
  });
});
