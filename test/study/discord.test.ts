import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueQuizRounds, loadGame } from '../../src/engine/quiz/game.js';
import { userHistory } from '../../src/engine/study/history.js';
import { type Harness, interact, startHarness, textOf } from '../discord/harness.js';
import { expectValidMessage, type MessageJson } from '../discord/validate.js';
import { ALICE, selectMenuPick, slashCommand } from '../fakes/discord/interactions.js';
import type { RecordedRequest } from '../fakes/discord/rest.js';
import { FAKE_CHANNEL_ID } from '../fakes/discord/server.js';
import { richPack } from '../support/rich-pack.js';

interface SelectJson {
  type: number;
  custom_id: string;
  placeholder: string;
  options: { label: string; value: string }[];
}

function selectOf(message: Record<string, unknown>): SelectJson {
  const rows = (message.components ?? []) as { components: SelectJson[] }[];
  const select = rows.flatMap((r) => r.components).find((c) => c.type === 3);
  if (!select) throw new Error('no select menu');
  return select;
}

describe('study mode through discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ pack: richPack() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('orders a chronology round with a select menu, then reviews it privately a month later', async () => {
    await interact(
      h.fake,
      slashCommand({ name: 'quiz', subcommand: 'start', options: { mode: 'chronology', rounds: 1 } }),
    );
    const round = await h.fake.rest.waitFor(
      (r: RecordedRequest) =>
        r.method === 'POST' &&
        r.path === `/channels/${FAKE_CHANNEL_ID}/messages` &&
        /chronology/.test(textOf(r.body as Record<string, unknown>)),
    );
    expectValidMessage(round.body as MessageJson);
    const select = selectOf(round.body as Record<string, unknown>);
    expect(select.placeholder).toBe('Pick the earliest event you have not placed yet');
    expect(select.options).toHaveLength(4);
    const game = await loadGame(h.services, { platform: 'discord', channelId: FAKE_CHANNEL_ID });
    const messageId = (round.response as { id: string }).id;

    for (const [i, item] of (game?.questions[0]?.order ?? []).entries()) {
      h.clock.advance(1_000);
      const value = select.options[item]?.value as string;
      const answer = await interact(
        h.fake,
        selectMenuPick({ customId: select.custom_id, value, message: { id: messageId } }),
      );
      expect(answer.ephemeral).toBe(true);
      expect(textOf(answer.message)).toMatch(i < 3 ? /^Your order so far/ : /^Locked in your order/);
    }
    h.clock.ms = (game?.deadline ?? 0) + 1;
    await closeDueQuizRounds(h.services);
    const reveal = await h.fake.rest.waitFor((r: RecordedRequest) =>
      /alice: perfect order/.test(textOf((r.body ?? {}) as Record<string, unknown>)),
    );
    expectValidMessage(reveal.body as MessageJson);
    expect(JSON.stringify(reveal.body)).toMatch(/Report this question/);

    // A month on, the order is due again: a private session, answered in place.
    h.clock.advance(30 * 86_400_000);
    const review = await interact(h.fake, slashCommand({ name: 'review' }));
    expect(review.ephemeral).toBe(true);
    expect(textOf(review.message)).toMatch(/Review 1 of 1/);
    const menu = selectOf(review.message);
    const reversed = [...(game?.questions[0]?.order ?? [])].reverse();
    const shown = menu.options.map((o) => o.label.replace(/^\d\. /, ''));
    let last: Awaited<ReturnType<typeof interact>> | undefined;
    for (const item of reversed) {
      const title = game?.questions[0]?.options[item] as string;
      const pick = selectMenuPick({
        customId: menu.custom_id,
        value: menu.options[shown.indexOf(title)]?.value as string,
        message: { id: '1' },
      });
      (pick.message as unknown as { flags: number }).flags = 64;
      last = await interact(h.fake, pick);
      expect(last.callbackType).toBe(7);
    }
    expect(textOf(last?.message ?? {})).toMatch(/Review done[\s\S]*6 pairs swapped[\s\S]*0 of 1 right/);
    const history = await userHistory(h.services, 'discord', ALICE.id);
    expect(history.map((r) => [r.via, r.correct])).toEqual([
      ['quiz', true],
      ['review', false],
    ]);

    const stats = await interact(h.fake, slashCommand({ name: 'stats' }));
    expect(stats.ephemeral).toBe(true);
    expect(textOf(stats.message)).toMatch(/Stats for alice[\s\S]*50%[\s\S]*2 \(1 right, 1 in reviews\)/);
  });
});
