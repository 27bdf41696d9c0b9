import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { showDueCounts } from '../../src/engine/quiz/live-count.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import { ALICE, BOB, buttonClick, CAROL, type FakeUser, slashCommand } from '../fakes/discord/interactions.js';
import type { RecordedRequest } from '../fakes/discord/rest.js';
import { FAKE_CHANNEL_ID } from '../fakes/discord/server.js';
import { CHANNEL_MESSAGES, type Harness, interact, nextChannelPost, startHarness, textOf } from './harness.js';
import { expectValidMessage, type MessageJson } from './validate.js';

function customIds(message: RecordedRequest): string[] {
  const body = message.body as MessageJson;
  return (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

describe.each([
  ['the close before the last reply', false],
  ['the close after the last reply, as npm start runs it', true],
])('a quiz game with buttons, three players, through discord.js (%s)', (_name, background) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ background });
  });
  afterAll(async () => {
    await h?.close();
  });

  const nextPost = (after: number, pattern: RegExp) => nextChannelPost(h.fake, after, pattern);

  async function click(user: FakeUser, customId: string, messageId: string) {
    return interact(h.fake, buttonClick({ customId, message: { id: messageId }, user }));
  }

  it('plays two rounds: answers are counted on the round message, a second click is refused, reveals and standings follow, and a restart in the middle changes nothing', async () => {
    const start = await interact(
      h.fake,
      slashCommand({ name: 'quiz', subcommand: 'start', options: { rounds: 2, seconds: 10 }, user: ALICE }),
    );
    expect(start.ephemeral).toBe(false);
    expect(textOf(start.message)).toMatch(/alice started a quiz: 2 questions/);

    // Round 1 is posted through the Poster with a button per option (two for true/false, four otherwise).
    const round1 = await nextPost(0, /Question 1 of 2/);
    expectValidMessage(round1.body as MessageJson);
    const ids1 = customIds(round1);
    expect([2, 4]).toContain(ids1.length);
    expect(ids1.every((id) => id.startsWith('quiz:answer:'))).toBe(true);
    const round1Id = (round1.response as { id: string }).id;

    let seq = round1.seq;
    for (const [n, [user, option]] of (
      [
        [ALICE, 0],
        [BOB, 1],
        [CAROL, 2],
      ] as const
    ).entries()) {
      const answer = await click(user, ids1[option % ids1.length] as string, round1Id);
      expect(answer.callbackType).toBe(4);
      expect(answer.ephemeral).toBe(true);
      expect(textOf(answer.message)).toMatch(/^Locked in: [A-D]\./);
      // The quiz clock's tick shows the count; the players click a second apart, a tick between each.
      expect(await showDueCounts(h.services)).toBe(1);
      h.clock.advance(1_000);
      const edit = await h.fake.rest.waitFor(
        (r) => r.seq > seq && r.method === 'PATCH' && r.path === `${CHANNEL_MESSAGES}/${round1Id}`,
      );
      seq = edit.seq;
      expectValidMessage(edit.body as MessageJson);
      expect(textOf(edit.body as Record<string, unknown>)).toContain(`${n + 1} answer${n === 0 ? '' : 's'} so far`);
      // The edited message keeps its buttons, so later players can still answer.
      expect(customIds(edit)).toEqual(ids1);
    }

    const again = await click(BOB, ids1.at(-1) as string, round1Id);
    expect(again.ephemeral).toBe(true);
    expect(textOf(again.message)).toBe('You already answered this question.');

    // A restart between rounds: the game lives in the Store, not in the client.
    await h.restart();
    expect(h.fake.gateway.identifies).toHaveLength(2);

    const state = await h.store.get<GameState>(keys.game({ platform: 'discord', channelId: FAKE_CHANNEL_ID }));
    const evidence = state?.questions[0]?.evidence ?? [];
    expect(evidence.length).toBeGreaterThan(0);
    h.clock.advance(11_000);
    const before = h.fake.rest.requests.length;
    expect(await closeDueQuizRounds(h.services)).toBe(1);
    const reveal1 = await nextPost(0, /Answer to question 1 of 2/);
    expect(reveal1.seq).toBeGreaterThan(before);
    expectValidMessage(reveal1.body as MessageJson);
    expect(textOf(reveal1.body as Record<string, unknown>)).toMatch(/Sources: /);
    // The article's own sentence behind the answer, quoted in the embed with outlet and date.
    const quoted = (reveal1.body as MessageJson).embeds
      ?.flatMap((e) => e.fields ?? [])
      .find((f) => f.name === 'From the article');
    const [cut] = evidence;
    expect(quoted?.value).toBe(`> “${cut?.excerpt}”\n— ${cut?.outlet}, ${cut?.date}`);
    const round2 = await nextPost(reveal1.seq, /Question 2 of 2/);
    const ids2 = customIds(round2);
    const round2Id = (round2.response as { id: string }).id;

    // Everyone who joined answers round 2, which ends it without waiting for the deadline.
    for (const user of [ALICE, BOB, CAROL]) {
      const answer = await click(user, ids2[0] as string, round2Id);
      expect(textOf(answer.message)).toMatch(/^Locked in: A\./);
    }
    await nextPost(round2.seq, /Answer to question 2 of 2/);
    const final = await nextPost(round2.seq, /Quiz over/);
    expectValidMessage(final.body as MessageJson);
    const standings = textOf(final.body as Record<string, unknown>);
    for (const name of ['alice', 'bob', 'carol']) expect(standings).toMatch(new RegExp(`\\d\\. ${name}: \\d+ points`));

    // Clicking a button of the finished game says so instead of failing.
    const late = await click(ALICE, ids2[1] as string, round2Id);
    expect(late.ephemeral).toBe(true);
    expect(textOf(late.message)).toBe('That quiz is over.');
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
