import { describe, expect, it } from 'vitest';
import type { Services } from '../../src/core/command.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { closeDueQuizRounds, loadGame } from '../../src/engine/quiz/game.js';
import { BriefingScheduler } from '../../src/schedule/briefings.js';
import { type Subscription, subscriptionKey } from '../../src/schedule/subscriptions.js';
import { TestClock } from '../support/clock.js';
import { harness, RecordingPoster } from '../support/harness.js';

const DISCORD = { platform: 'discord' as const, channelId: 'c-discord', serverId: 'g1', canManage: true };
const SLACK = { platform: 'slack' as const, channelId: 'c-slack', serverId: 'T1', canManage: true };

/** Two instances on one store: one serving only Discord, one only Slack, as a split fleet runs. */
async function splitFleet() {
  const h = await harness({ clock: new TestClock(Date.parse('2024-05-01T06:00:00Z')) });
  const instance = (platform: 'discord' | 'slack') => {
    const posted = new RecordingPoster();
    const poster = new RoutingPoster();
    poster.register(platform, posted);
    const services: Services = { pack: h.pack, store: h.store, now: h.now, poster };
    return { services, posted, scheduler: new BriefingScheduler(services) };
  };
  return { h, discordOnly: instance('discord'), slackOnly: instance('slack') };
}

describe('instances serving different platforms on one store', () => {
  it('each posts only its own platform’s briefings, and leaves the others due rather than failing them', async () => {
    const { h, discordOnly, slackOnly } = await splitFleet();
    await h.run('/briefing subscribe time:08:00', DISCORD);
    await h.run('/briefing subscribe time:08:00', SLACK);
    h.clock.ms = Date.parse('2024-05-01T08:01:00Z');

    await discordOnly.scheduler.tick();
    expect(discordOnly.posted.posts.map((p) => p.channel.channelId)).toEqual(['c-discord']);
    // Before: "no slack adapter is running" was a permanent failure, and the Slack subscription paused itself.
    const slackSub = await h.store.get<Subscription>(subscriptionKey('slack:c-slack'));
    expect(slackSub?.paused).toBeUndefined();

    await slackOnly.scheduler.tick();
    expect(slackOnly.posted.posts.map((p) => p.channel.channelId)).toEqual(['c-slack']);
    expect(discordOnly.posted.posts).toHaveLength(1);
  });

  it('each closes only the quiz rounds whose reveal it can post', async () => {
    const { h, discordOnly, slackOnly } = await splitFleet();
    await h.run('/quiz start rounds:2 seconds:10', SLACK);
    const game = await loadGame(h, SLACK);
    h.clock.ms = (game?.deadline ?? 0) + 1;

    expect(await closeDueQuizRounds(discordOnly.services)).toBe(0);
    expect((await loadGame(h, SLACK))?.round).toBe(0);
    expect(discordOnly.posted.posts).toEqual([]);

    expect(await closeDueQuizRounds(slackOnly.services)).toBe(1);
    expect((await loadGame(h, SLACK))?.round).toBe(1);
    expect(slackOnly.posted.posts[0]?.reply.title).toMatch(/^Answer to question 1/);
  });
});
