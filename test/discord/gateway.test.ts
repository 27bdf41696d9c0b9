import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GUILD_ID, FAKE_TOKEN } from '../fakes/discord/server.js';
import { sleep } from '../support/sleep.js';
import { type Harness, startHarness } from './harness.js';

describe('the gateway session against the fake', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ heartbeatIntervalMs: 150 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('identifies with the bot token and the Guilds intent only', () => {
    expect(h.fake.gateway.identifies).toEqual([
      { token: FAKE_TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1] },
    ]);
  });

  it('is ready with the guild from GUILD_CREATE', () => {
    expect(h.adapter.client.isReady()).toBe(true);
    expect(h.adapter.client.guilds.cache.has(FAKE_GUILD_ID)).toBe(true);
  });

  it('keeps heartbeating, and discord.js measures the acknowledged round trip', async () => {
    const before = h.fake.gateway.heartbeats;
    await sleep(600);
    expect(h.fake.gateway.heartbeats - before).toBeGreaterThanOrEqual(2);
    expect(h.adapter.client.ws.ping).toBeGreaterThanOrEqual(0);
    expect(h.fake.gateway.connections).toBe(1);
  });
});
