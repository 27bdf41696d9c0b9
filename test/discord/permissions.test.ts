import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, MODERATOR, PERMISSIONS, slashCommand } from '../fakes/discord/interactions.js';
import { FAKE_CHANNEL_ID } from '../fakes/discord/server.js';
import { type Harness, interact, startHarness, textOf } from './harness.js';

describe('permissions from the member’s Discord permissions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets only the starter or someone with Manage Server stop a quiz; others get a private explanation', async () => {
    await interact(h.fake, slashCommand({ name: 'quiz', subcommand: 'start', options: { rounds: 2 }, user: ALICE }));

    const refused = await interact(h.fake, slashCommand({ name: 'quiz', subcommand: 'stop', user: BOB }));
    expect(refused.ephemeral).toBe(true);
    expect(textOf(refused.message)).toMatch(/Only alice, who started this quiz, or someone who can manage the channel/);
    const stillRunning = await interact(h.fake, slashCommand({ name: 'quiz', subcommand: 'score', user: BOB }));
    expect(textOf(stillRunning.message)).toMatch(/question 1 of 2/);

    const stopped = await interact(h.fake, slashCommand({ name: 'quiz', subcommand: 'stop', user: MODERATOR }));
    expect(stopped.ephemeral).toBe(true);
    expect(textOf(stopped.message)).toBe('Quiz stopped.');
    await h.fake.rest.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${FAKE_CHANNEL_ID}/messages` &&
        /Quiz stopped by mod/.test(textOf(r.body as Record<string, unknown>)),
    );
  });

  it('refuses /briefing subscribe to an ordinary member, privately, and accepts it from Manage Channels', async () => {
    const refused = await interact(h.fake, slashCommand({ name: 'briefing', subcommand: 'subscribe', user: BOB }));
    expect(refused.ephemeral).toBe(true);
    expect(textOf(refused.message)).toMatch(/Manage Server or Manage Channels/);

    const manager = { id: '900000000000000020', username: 'channel-admin', permissions: PERMISSIONS.manageChannels };
    const accepted = await interact(h.fake, slashCommand({ name: 'briefing', subcommand: 'subscribe', user: manager }));
    expect(textOf(accepted.message)).not.toMatch(/Only someone who can manage/);
    const status = await interact(h.fake, slashCommand({ name: 'briefing', subcommand: 'status', user: BOB }));
    expect(textOf(status.message)).toMatch(/08:00/);
  });
});
