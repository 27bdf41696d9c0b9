import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/command.js';
import type { TypedQuestion } from '../../src/engine/questions/typed.js';
import { closeDueQuizRounds } from '../../src/engine/quiz/game.js';
import { type GameState, keys } from '../../src/engine/quiz/state.js';
import {
  ALICE,
  BOB,
  buttonClick,
  CAROL,
  type FakeUser,
  modalSubmit,
  slashCommand,
} from '../fakes/discord/interactions.js';
import { FAKE_CHANNEL_ID } from '../fakes/discord/server.js';
import { sleep } from '../support/sleep.js';
import { type Harness, interact, nextChannelPost, startHarness, textOf } from './harness.js';
import { expectValidMessage, type MessageJson } from './validate.js';

const MODAL = 9;

interface ModalJson {
  custom_id: string;
  title: string;
  components: { type: number; components: { type: number; custom_id: string; label: string; max_length: number }[] }[];
}

describe('a typed quiz round through discord.js: Answer opens a modal, its submission is answered privately', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const nextPost = (after: number, pattern: RegExp) => nextChannelPost(h.fake, after, pattern);

  async function question(round: number): Promise<TypedQuestion> {
    const game = await h.store.get<GameState>(keys.game({ platform: 'discord', channelId: FAKE_CHANNEL_ID }));
    return game?.questions[round] as TypedQuestion;
  }

  const openBox = (user: FakeUser, customId: string, messageId: string) =>
    interact(h.fake, buttonClick({ customId, message: { id: messageId }, user }));
  const send = (user: FakeUser, modal: ModalJson, text: string, messageId: string) =>
    interact(
      h.fake,
      modalSubmit({
        customId: modal.custom_id,
        values: { [modal.components[0]?.components[0]?.custom_id ?? '']: text },
        message: { id: messageId },
        user,
      }),
    );

  it('opens the modal (callback type 9), takes one answer per player, refuses a late one and reveals what each typed', async () => {
    await interact(
      h.fake,
      slashCommand({
        name: 'quiz',
        subcommand: 'start',
        options: { rounds: 2, seconds: 10, mode: 'typed' },
        user: ALICE,
      }),
    );
    const round1 = await nextPost(0, /Question 1 of 2: typed/);
    expectValidMessage(round1.body as MessageJson);
    const buttons = (round1.body as MessageJson).components?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((b) => ['label' in b ? b.label : undefined, b.custom_id?.startsWith('quiz:typed:')])).toEqual([
      ['Answer', true],
    ]);
    const answerId = buttons[0]?.custom_id as string;
    const messageId = (round1.response as { id: string }).id;
    const q = await question(0);
    const right = q.options[q.answer] as string;

    const box = await openBox(ALICE, answerId, messageId);
    expect(box.callbackType).toBe(MODAL);
    const modal = box.message as unknown as ModalJson;
    expect(modal).toMatchObject({ custom_id: answerId, title: 'Question 1 of 2' });
    expect(modal.components[0]?.components[0]).toMatchObject({
      type: 4,
      label: q.wants,
      max_length: 200,
      required: true,
    });

    const received = await send(ALICE, modal, right, messageId);
    expect(received.callbackType).toBe(4);
    expect(received.ephemeral).toBe(true);
    expect(textOf(received.message)).toBe('Answer received. It stays private until the reveal.');

    // A second box from the same player is refused, privately; the first answer stands.
    const again = await send(ALICE, modal, '999999', messageId);
    expect(again.ephemeral).toBe(true);
    expect(textOf(again.message)).toBe('You already answered this question; your first answer stands.');
    const reopen = await openBox(ALICE, answerId, messageId);
    expect(reopen.callbackType).toBe(4);
    expect(textOf(reopen.message)).toBe('You already answered this question; your first answer stands.');

    expect((await openBox(BOB, answerId, messageId)).callbackType).toBe(MODAL);
    await send(BOB, modal, 'a lot', messageId);
    // Carol opens the box but sends it only after the round has closed.
    expect((await openBox(CAROL, answerId, messageId)).callbackType).toBe(MODAL);

    h.clock.advance(11_000);
    expect(await closeDueQuizRounds(h.services)).toBe(1);
    const reveal = await nextPost(round1.seq, /Answer to question 1 of 2/);
    expectValidMessage(reveal.body as MessageJson);
    const text = textOf(reveal.body as Record<string, unknown>);
    expect(text).toContain(`Answer to question 1 of 2: ${right}`);
    expect(text).toMatch(new RegExp(`alice typed “${right}”: right \\(\\+\\d+\\)`));
    expect(text).toMatch(/bob typed “a lot”: wrong \(\+0\): not a number/);
    expect(text).not.toContain('999999');
    expect((reveal.body as MessageJson).embeds?.flatMap((e) => e.fields ?? []).map((f) => f.name)).toContain(
      'From the article',
    );

    const late = await send(CAROL, modal, right, messageId);
    expect(late.ephemeral).toBe(true);
    expect(textOf(late.message)).toBe('That round has closed. Your answer was not counted.');
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('an Answer click answered too late for a modal', () => {
  /** A command whose click takes longer than the adapter waits before deferring, then asks for text. */
  const slow: Command = {
    name: 'slow',
    description: 'asks for text, slowly',
    options: [],
    run: async () => ({ text: 'ok', visibility: 'private' }),
    actions: [
      {
        name: 'slow',
        async handle() {
          await sleep(100);
          return {
            text: 'Type it',
            visibility: 'private',
            input: { action: 'slow:typed', title: 'Slow', label: 'Type it', maxLength: 10 },
          };
        },
      },
    ],
  };

  it('says so privately instead of failing, since a modal can only be the first answer to a click', async () => {
    const h = await startHarness({ commands: [slow], deferAfterMs: 20 });
    try {
      const click = await interact(h.fake, buttonClick({ customId: 'slow:ask', message: { id: '1' }, user: BOB }));
      expect(click.callbackType).toBe(6);
      expect(click.ephemeral).toBe(true);
      expect(textOf(click.message)).toBe('The answer box took too long to open; click Answer again.');
      expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
