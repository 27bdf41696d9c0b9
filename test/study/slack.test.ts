import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { listReports } from '../../src/engine/study/reports.js';
import { buttonsOf, isPost, type RecordedCall, type SlackButton } from '../fakes/slack-api.js';
import { ALICE, BOB, CHANNEL, type Harness, startHarness } from '../slack/harness.js';
import { richPack } from '../support/rich-pack.js';

let h: Harness;
let clock = Date.parse('2026-03-02T12:00:00Z');
beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock), pack: richPack() });
});
afterAll(() => h.stop());

async function respondAfter(before: number): Promise<RecordedCall> {
  const calls = await h.fake.waitForCount((c) => c.method === 'respond', before + 1);
  return calls[before] as RecordedCall;
}

describe('study mode through the real Bolt app', () => {
  it('a chronology round in two teams with sequential buttons, a report from the reveal, then the board and stats', async () => {
    await h.command('/quiz', 'start mode:chronology rounds:1 teams:2', ALICE);
    const round = await h.fake.waitFor(isPost(/Question 1 of 1: chronology/));
    const game = (await h.store.get<GameState>(keys.game({ platform: 'slack', channelId: CHANNEL }))) as GameState;
    const buttons = buttonsOf(round);
    expect(buttons.map((b) => b.type)).toEqual(['button', 'button', 'button', 'button']);
    const truth = game.questions[0]?.order as number[];

    // Alice clicks the right order; Bob the reverse. Each click gets a private progress note.
    for (const [user, order] of [
      [ALICE, truth],
      [BOB, [...truth].reverse()],
    ] as const) {
      for (const [i, item] of order.entries()) {
        clock += 500;
        const before = h.fake.callsTo('respond').length;
        const button = buttons[item] as SlackButton;
        await h.click(button.value, user, game.messageId as string, { actionId: button.action_id });
        const note = await respondAfter(before);
        expect(note.body).toMatchObject({ response_type: 'ephemeral' });
        expect(String(note.body.text)).toMatch(i < 3 ? /^Your order so far/ : /^Locked in your order/);
      }
    }
    clock = game.deadline + 1;
    await closeDueQuizRounds(h.services);
    const reveal = await h.fake.waitFor(isPost(/Answer to question 1 of 1: the order/));
    expect(String(reveal.body.text)).toMatch(/alice: perfect order \(\+\d+\)/);
    expect(String(reveal.body.text)).toMatch(/bob: 6 pairs swapped \(\+0\)/);
    expect(String(reveal.body.text)).toMatch(/1\. Team Red: \d+ points \(alice\)\n2\. Team Blue: 0 points \(bob\)/);

    // Bob reports the question from the reveal and picks a reason in the private prompt.
    const report = buttonsOf(reveal).find((b) => b.text?.text === 'Report this question') as SlackButton;
    let before = h.fake.callsTo('respond').length;
    await h.click(report.value, BOB, String(reveal.body.ts ?? '1.0'), { actionId: report.action_id });
    const prompt = await respondAfter(before);
    const wrong = buttonsOf(prompt).find((b) => b.text?.text === 'The answer is wrong') as SlackButton;
    before = h.fake.callsTo('respond').length;
    await h.click(wrong.value, BOB, '2.0', { actionId: wrong.action_id, ephemeral: true });
    const thanks = await respondAfter(before);
    expect(thanks.body).toMatchObject({ replace_original: true });
    expect((await listReports(h.services))[0]).toMatchObject({
      platform: 'slack',
      userId: BOB.id,
      reason: 'wrong',
      questionId: game.questions[0]?.id,
    });

    const board = await h.command('/leaderboard', 'week', BOB);
    expect(JSON.stringify(board.body)).toMatch(/1\. alice: \d+ points \(1 of 1 right\)/);
    const stats = await h.command('/stats', '<@U0ALICE|alice>', BOB);
    expect(JSON.stringify(stats.body)).toMatch(/Stats for alice/);
    expect(JSON.stringify(stats.body)).toMatch(/100%/);
  });
});
