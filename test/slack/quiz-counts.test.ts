import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showDueCounts } from '../../src/engine/quiz/live-count.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { buttonsOf, isPost, type SlackButton } from '../fakes/slack-api.js';
import { clickBurst } from '../support/click-burst.js';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

const clock = { ms: Date.parse('2026-03-01T12:00:00Z') };

describe('the live answer count of a busy round, through Bolt against a fake Slack Web API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => new Date(clock.ms) });
  });
  afterAll(() => h.stop());

  it('updates the question at most 3 times for 100 clicks in 2 s, the last update showing 100', async () => {
    await h.command('/quiz', 'start rounds:1 seconds:30', ALICE);
    const round = await h.fake.waitFor(isPost(/Question 1 of 1/));
    const game = (await h.store.get<GameState>(keys.game({ platform: 'slack', channelId: CHANNEL }))) as GameState;
    const ts = game.messageId as string;
    const button = buttonsOf(round)[0] as SlackButton;

    clock.ms += 400; // the clicks begin between two ticks of the quiz clock
    await clickBurst({
      clock,
      players: 100,
      spanMs: 2_000,
      ticks: [() => showDueCounts(h.services)],
      click: async (i) => {
        const before = h.fake.callsTo('respond').length;
        const user = { id: `U0P${String(i).padStart(3, '0')}`, name: `player${i}` };
        expect((await h.click(button.value, user, ts, { actionId: button.action_id })).status).toBe(200);
        const [reply] = (await h.fake.waitForCount((c) => c.method === 'respond', before + 1)).slice(before);
        expect(String(reply?.body.text)).toMatch(/^Locked in/);
      },
    });

    const updates = h.fake.callsTo('chat.update').filter((u) => u.body.ts === ts);
    const counts = updates.map((u) => Number(/(\d+) answers? so far/.exec(String(u.body.text))?.[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.length).toBeLessThanOrEqual(3);
    expect(counts.at(-1)).toBe(100);
  });
});
