import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedQuestion } from '../../src/engine/questions/typed.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { buttonsOf, isPost, type RecordedCall, type SlackButton } from '../fakes/slack-api.js';
import { ALICE, BOB, CAROL, CHANNEL, type Harness, type SlackUser, startHarness } from './harness.js';

let h: Harness;
let clock = Date.parse('2026-03-01T12:00:00Z');
beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
});
afterAll(() => h.stop());

async function game(): Promise<GameState> {
  const state = await h.store.get<GameState>(keys.game({ platform: 'slack', channelId: CHANNEL }));
  if (!state) throw new Error('no game running');
  return state;
}

/** Clicks Answer on the round message; returns the view Bolt's client sent to views.open with the click's trigger_id. */
async function openBox(user: SlackUser, round: RecordedCall): Promise<Record<string, unknown>> {
  const before = h.fake.callsTo('views.open').length;
  const [button] = buttonsOf(round) as SlackButton[];
  const http = await h.click(button?.value as string, user, (await game()).messageId as string, {
    actionId: button?.action_id,
  });
  expect(http.status).toBe(200);
  const [call] = (await h.fake.waitForCount((c) => c.method === 'views.open', before + 1)).slice(before);
  expect(String(call?.body.trigger_id)).toMatch(/^trigger-\d+$/);
  return call?.body.view as Record<string, unknown>;
}

/** The private note the sender got in the channel after an accepted answer. */
async function nextEphemeral(before: number): Promise<RecordedCall> {
  const [call] = (await h.fake.waitForCount((c) => c.method === 'chat.postEphemeral', before + 1)).slice(before);
  return call as RecordedCall;
}

describe('a typed quiz round in Slack: Answer opens a modal, its view_submission is routed to the game', () => {
  it('opens views.open with the trigger_id, acks an answer with no errors, refuses a second and a late one on the box', async () => {
    await h.command('/quiz', 'start rounds:2 seconds:10 mode:typed', ALICE);
    const round1 = await h.fake.waitFor(isPost(/Question 1 of 2: typed/));
    expect(buttonsOf(round1).map((b) => b.text?.text)).toEqual(['Answer']);
    const q = (await game()).questions[0] as TypedQuestion;
    const right = q.options[q.answer] as string;

    const view = await openBox(ALICE, round1);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'chronicle:input', title: { text: 'Question 1 of 2' } });
    expect((view.blocks as { label: { text: string } }[])[0]?.label.text).toBe(q.wants);

    const ephemerals = h.fake.callsTo('chat.postEphemeral').length;
    const sent = await h.submit(view, right, ALICE);
    expect(sent.status).toBe(200);
    // An empty ack closes the modal: no errors.
    expect(sent.text).toBe('');
    const note = await nextEphemeral(ephemerals);
    expect(note.body).toMatchObject({ channel: CHANNEL, user: ALICE.id });
    expect(String(note.body.text)).toBe('Answer received. It stays private until the reveal.');

    const again = await h.submit(view, '999999', ALICE);
    expect(again.body).toEqual({
      response_action: 'errors',
      errors: { answer: 'You already answered this question; your first answer stands.' },
    });

    await h.submit(await openBox(BOB, round1), 'a lot', BOB);
    const carolsBox = await openBox(CAROL, round1);

    clock += 11_000;
    expect(await closeDueQuizRounds(h.services)).toBe(1);
    const reveal = await h.fake.waitFor(isPost(/Answer to question 1 of 2/));
    const text = JSON.stringify(reveal.body.blocks);
    expect(text).toMatch(new RegExp(`alice typed “${right}”: right \\(\\+\\d+\\)`));
    expect(text).toMatch(/bob typed “a lot”: wrong \(\+0\): not a number/);
    expect(text).not.toContain('999999');

    // Carol's box was open while the round closed: what she sends now is refused on the box, not scored.
    const late = await h.submit(carolsBox, right, CAROL);
    expect(late.body).toEqual({
      response_action: 'errors',
      errors: { answer: 'That round has closed. Your answer was not counted.' },
    });
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
