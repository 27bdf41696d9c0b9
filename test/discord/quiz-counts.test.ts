import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showDueCounts } from '../../src/engine/quiz/live-count.js';
import { ALICE, buttonClick, type FakeUser, slashCommand } from '../fakes/discord/interactions.js';
import { clickBurst } from '../support/click-burst.js';
import { CHANNEL_MESSAGES, type Harness, interact, startHarness, textOf } from './harness.js';

describe('the live answer count of a busy round, through discord.js against a fake Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('edits the question at most 3 times for 100 clicks in 2 s, the last edit showing 100', async () => {
    await interact(
      h.fake,
      slashCommand({ name: 'quiz', subcommand: 'start', options: { rounds: 1, seconds: 30 }, user: ALICE }),
    );
    const round = await h.fake.rest.waitFor(
      (r) => r.method === 'POST' && r.path === CHANNEL_MESSAGES && /Question 1 of 1/.test(textOf(r.body as never)),
    );
    const roundId = (round.response as { id: string }).id;
    const body = round.body as { components: { components: { custom_id: string }[] }[] };
    const button = body.components[0]?.components[0]?.custom_id as string;

    h.clock.advance(400); // the clicks begin between two ticks of the quiz clock
    await clickBurst({
      clock: h.clock,
      players: 100,
      spanMs: 2_000,
      ticks: [() => showDueCounts(h.services)],
      click: async (i) => {
        const user: FakeUser = { id: `9100000000000${String(i).padStart(5, '0')}`, username: `player${i}` };
        const answer = await interact(h.fake, buttonClick({ customId: button, message: { id: roundId }, user }));
        expect(textOf(answer.message)).toMatch(/^Locked in/);
      },
    });

    const edits = h.fake.rest.requests.filter(
      (r) => r.method === 'PATCH' && r.path === `${CHANNEL_MESSAGES}/${roundId}`,
    );
    const counts = edits.map((r) => Number(/(\d+) answers? so far/.exec(textOf(r.body as never))?.[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.length).toBeLessThanOrEqual(3);
    expect(counts.at(-1)).toBe(100);
    expect(edits.every((r) => r.status === 200)).toBe(true);
  });
});
