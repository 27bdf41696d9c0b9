import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { showDueCounts } from '../../src/engine/quiz/live-count.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { buttonsOf, isPost, type RecordedCall, type SlackButton } from '../fakes/slack-api.js';
import { ALICE, BOB, CAROL, CHANNEL, type Harness, type SlackUser, startHarness } from './harness.js';

let h: Harness;
let clock = Date.parse('2026-03-01T12:00:00Z');

async function game(): Promise<GameState> {
  const state = await h.store.get<GameState>(keys.game({ platform: 'slack', channelId: CHANNEL }));
  if (!state) throw new Error('no game running');
  return state;
}

/** Clicks the button of `option` on the round message and returns the private answer the clicker got. */
async function answer(user: SlackUser, round: RecordedCall, option: number): Promise<RecordedCall> {
  const before = h.fake.callsTo('respond').length;
  const button = buttonsOf(round)[option] as SlackButton;
  const http = await h.click(button.value, user, postedTs.get(round) as string, { actionId: button.action_id });
  expect(http.status).toBe(200);
  const [reply] = (await h.fake.waitForCount((c) => c.method === 'respond', before + 1)).slice(before);
  return reply as RecordedCall;
}

/** Each round message's ts, as chat.postMessage answered it (the engine keeps it as the game's messageId). */
const postedTs = new Map<RecordedCall, string>();

describe.each([
  ['the close before the last reply', false],
  ['the close after the last reply, as npm start runs it', true],
])('a quiz game in a Slack channel, three players clicking (%s)', (_name, background) => {
  beforeAll(async () => {
    clock = Date.parse('2026-03-01T12:00:00Z');
    postedTs.clear();
    h = await startHarness({ now: () => new Date(clock), background });
  });
  afterAll(() => h.stop());

  it('plays two rounds: buttons, one answer each, live count, reveals and final standings', async () => {
    const start = await h.command('/quiz', 'start rounds:2 seconds:10', ALICE);
    expect(start.body).toMatchObject({ response_type: 'in_channel' });

    // Round 1 is posted in the channel with four answer buttons.
    const round1 = await h.fake.waitFor(isPost(/Question 1 of 2/));
    expect(round1.body.channel).toBe(CHANNEL);
    const ts1 = (await game()).messageId as string;
    postedTs.set(round1, ts1);
    // Each option is a one-click button (a true/false question has two, the others four).
    const question1 = (await game()).questions[0]!;
    expect(buttonsOf(round1).map((b) => b.type)).toEqual(question1.options.map(() => 'button'));
    const right = question1.answer;
    const wrong = (right + 1) % question1.options.length;

    // The quiz clock ticks each second and shows the count; these clicks come two seconds apart.
    const alice = await answer(ALICE, round1, right);
    expect(alice.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(alice.body.text)).toMatch(/^Locked in/);
    expect(await showDueCounts(h.services)).toBe(1);
    clock += 2_000;
    await answer(BOB, round1, wrong);
    expect(await showDueCounts(h.services)).toBe(1);
    clock += 2_000;
    await answer(CAROL, round1, right);
    expect(await showDueCounts(h.services)).toBe(1);

    // A second click by the same player is refused, privately.
    const again = await answer(ALICE, round1, wrong);
    expect(again.body).toMatchObject({ response_type: 'ephemeral', text: 'You already answered this question.' });

    // The round message was edited in place with the count, once per tick, never re-posted.
    const updates = await h.fake.waitForCount((c) => c.method === 'chat.update', 3);
    expect(updates.map((u) => u.body.ts)).toEqual([ts1, ts1, ts1]);
    expect(updates.map((u) => String(u.body.text).match(/(\d+) answers? so far/)?.[1])).toEqual(['1', '2', '3']);
    expect(h.fake.calls.filter(isPost(/Question 1 of 2/))).toHaveLength(1);

    // The deadline passes; the scheduler's job reveals round 1 in the channel and posts round 2.
    const [cut] = (await game()).questions[0]?.evidence ?? [];
    clock += 10_000;
    expect(await closeDueQuizRounds(h.services)).toBe(1);
    const reveal1 = await h.fake.waitFor(isPost(/Answer to question 1 of 2/));
    expect(reveal1.body.channel).toBe(CHANNEL);
    expect(String(reveal1.body.text)).toMatch(/alice \(\+\d+\), carol \(\+\d+\)/);
    const revealBlocks = reveal1.body.blocks as { type: string }[];
    expect(revealBlocks.some((b) => b.type === 'context')).toBe(true); // the sources
    // The article's own sentence behind the answer, in a context block with outlet and date.
    const contexts = JSON.stringify(revealBlocks.filter((b) => b.type === 'context'));
    expect(cut).toBeDefined();
    expect(contexts).toContain(JSON.stringify(`— _${cut?.outlet}, ${cut?.date}_`).slice(1, -1));
    expect(contexts).toContain(JSON.stringify(cut?.excerpt.slice(0, 40)).slice(1, -1));

    const round2 = await h.fake.waitFor(isPost(/Question 2 of 2/));
    postedTs.set(round2, (await game()).messageId as string);
    const question2 = (await game()).questions[1]!;
    const right2 = question2.answer;
    await answer(BOB, round2, right2);
    await answer(CAROL, round2, (right2 + 1) % question2.options.length);
    await answer(ALICE, round2, right2);

    // Everyone who joined has answered, so round 2 closes at once: reveal, then the final standings.
    const reveal2 = await h.fake.waitFor(isPost(/Answer to question 2 of 2/));
    expect(reveal2.body.channel).toBe(CHANNEL);
    const final = await h.fake.waitFor(isPost(/Quiz over/));
    const standings = String(final.body.text);
    expect(standings).toMatch(/Final standings/);
    expect(standings.indexOf('alice')).toBeLessThan(standings.indexOf('carol'));
    expect(standings).toMatch(/alice: \d+ points \(2 right\)/);
    expect(standings).toMatch(/bob: \d+ points \(1 right\)/);
    expect(standings).toMatch(/carol: \d+ points \(1 right\)/);
    expect(await h.store.get(keys.game({ platform: 'slack', channelId: CHANNEL }))).toBeUndefined();

    // A late click on a finished game is told so, privately.
    const late = await answer(BOB, round2, 0);
    expect(late.body).toMatchObject({ response_type: 'ephemeral', text: 'That quiz is over.' });
  });
});
