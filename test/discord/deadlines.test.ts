import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { APOLOGY } from '../../src/adapters/discord/interactions.js';
import { type Command, onChoice } from '../../src/core/command.js';
import { RESTARTING } from '../../src/ops/lifecycle.js';
import { buttonClick, slashCommand } from '../fakes/discord/interactions.js';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, FAKE_TOKEN } from '../fakes/discord/server.js';
import { anyAction } from '../support/any-action.js';
import { sleep } from '../support/sleep.js';
import { type Harness, interact, startHarness, textOf } from './harness.js';

/** Commands that take longer than Discord's deadline allows for a direct reply. */
const slow: Command[] = [
  {
    name: 'slowpublic',
    description: 'Answers after 2.5 s, for everyone',
    options: [],
    run: async () => {
      await sleep(2_500);
      return { text: 'done slowly', title: 'Slow', body: 'done slowly', visibility: 'channel' };
    },
  },
  {
    name: 'slowprivate',
    description: 'Answers after 2.5 s, privately',
    options: [],
    run: async () => {
      await sleep(2_500);
      return { text: 'only for you', visibility: 'private' };
    },
  },
  {
    name: 'pager',
    description: 'Pages that take a while to turn',
    options: [],
    run: async () => ({ text: 'page 1', visibility: 'channel' }),
    actions: [
      onChoice(anyAction('pager'), async (action) => {
        await sleep(2_500);
        if (action === 'pager:private') return { text: 'a private note', visibility: 'private' };
        return { text: 'page 2', title: 'Page 2', body: 'page 2', visibility: 'channel', replaceOriginal: true };
      }),
    ],
  },
  {
    name: 'broken',
    description: 'Fails with a bug',
    options: [{ name: 'secret', description: 'text that must not reach the logs', type: 'string' }],
    run: async () => {
      throw new TypeError('cannot read properties of nothing');
    },
  },
];

describe('deadlines and failures through discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ commands: [...commands, ...slow] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('defers a handler that runs over 2 s, then edits the deferred reply with the answer', async () => {
    const started = performance.now();
    const interaction = slashCommand({ name: 'slowpublic' });
    const answer = await interact(h.fake, interaction, 10_000);
    const callback = answer.requests.find((r) => r.path.endsWith('/callback'));
    expect(answer.callbackType).toBe(5);
    expect((callback?.at ?? 0) - started).toBeLessThan(3_000);
    expect(answer.requests.map((r) => `${r.method} ${r.path.replace(interaction.token, 'TOKEN')}`)).toEqual([
      `POST /interactions/${interaction.id}/TOKEN/callback`,
      expect.stringMatching(/^PATCH \/webhooks\/\d+\/TOKEN\/messages\/@original$/),
    ]);
    expect(textOf(answer.message)).toContain('done slowly');
    expect(answer.ephemeral).toBe(false);
  });

  it('counts a reply in flight in the lifecycle it was given, so a graceful stop waits for it', async () => {
    const answer = interact(h.fake, slashCommand({ name: 'slowpublic' }), 10_000);
    await vi.waitFor(() => expect(h.lifecycle.inFlightCount).toBe(1));
    await answer;
    await vi.waitFor(() => expect(h.lifecycle.inFlightCount).toBe(0));
  });

  it('turns a slow private answer into an ephemeral follow-up and removes the public placeholder', async () => {
    const interaction = slashCommand({ name: 'slowprivate' });
    const answer = await interact(h.fake, interaction, 10_000);
    expect(answer.callbackType).toBe(5);
    const calls = answer.requests.map((r) => `${r.method} ${r.path.replace(interaction.token, 'TOKEN')}`);
    expect(calls.slice(1)).toEqual([
      expect.stringMatching(/^DELETE \/webhooks\/\d+\/TOKEN\/messages\/@original$/),
      expect.stringMatching(/^POST \/webhooks\/\d+\/TOKEN$/),
    ]);
    expect(answer.ephemeral).toBe(true);
    expect(answer.message.content).toBe('only for you');
  });

  /** A public "page 1" message with one button, as the clock or a command would post it. */
  function postPage1(action: string, label: string) {
    return h.adapter.poster.post(
      { platform: 'discord', channelId: FAKE_CHANNEL_ID, serverId: FAKE_GUILD_ID },
      { text: 'page 1', title: 'Page 1', body: 'page 1', choices: [{ action, label }], visibility: 'channel' },
    );
  }

  it('defers a slow button click, then edits the message the button is on', async () => {
    const posted = await postPage1('pager:next', 'Next');
    const click = buttonClick({ customId: 'pager:next', message: { id: posted.messageId } });
    const answer = await interact(h.fake, click, 10_000);
    expect(answer.callbackType).toBe(6);
    expect(answer.requests.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(textOf(h.fake.rest.messages.get(posted.messageId) as Record<string, unknown>)).toContain('page 2');
  });

  it('sends a slow private answer to a click as an ephemeral follow-up, leaving the message alone', async () => {
    const posted = await postPage1('pager:private', 'Note');
    const answer = await interact(
      h.fake,
      buttonClick({ customId: 'pager:private', message: { id: posted.messageId } }),
      10_000,
    );
    expect(answer.callbackType).toBe(6);
    expect(answer.ephemeral).toBe(true);
    expect(textOf(answer.message)).toBe('a private note');
    expect(textOf(h.fake.rest.messages.get(posted.messageId) as Record<string, unknown>)).toContain('page 1');
  });

  it('answers a bug with a short private apology and logs it with ids, not content or tokens', async () => {
    const interaction = slashCommand({ name: 'broken', options: { secret: 'my-private-words' } });
    const answer = await interact(h.fake, interaction);
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(answer.message.content).toBe(APOLOGY);
    const line = h.logs.find((l) => l.msg === 'interaction failed');
    expect(line).toMatchObject({
      platform: 'discord',
      command: 'broken',
      outcome: 'error',
      options: ['secret'],
      guild: FAKE_GUILD_ID,
      channel: FAKE_CHANNEL_ID,
      user: expect.any(String),
      err: { name: 'TypeError', message: 'cannot read properties of nothing' },
    });
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain('my-private-words');
    expect(all).not.toContain(interaction.token);
    expect(all).not.toContain(FAKE_TOKEN);
  });

  it('retries a 5xx from Discord on the interaction callback and still answers', async () => {
    h.fake.rest.fail({ method: 'POST', path: /\/callback$/, status: 503, body: { message: 'upstream', code: 0 } });
    const interaction = slashCommand({ name: 'help' });
    const answer = await interact(h.fake, interaction);
    const callbacks = answer.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([503, 204]);
    expect(textOf(answer.message)).toContain('quiz');
  });

  it('sends the reply again when the connection drops as it goes out', async () => {
    h.fake.rest.fail({ method: 'POST', path: /\/callback$/, status: 0, hangUp: true });
    const answer = await interact(h.fake, slashCommand({ name: 'help' }));
    expect(h.fake.rest.hangUps).toBe(1);
    expect(textOf(answer.message)).toContain('quiz');
  });

  it('waits out a 429 with retry_after on the callback and then answers', async () => {
    h.fake.rest.fail({
      method: 'POST',
      path: /\/callback$/,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      headers: { 'retry-after': '0.3' },
    });
    const interaction = slashCommand({ name: 'help' });
    const answer = await interact(h.fake, interaction);
    const callbacks = answer.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect((callbacks[1]?.at ?? 0) - (callbacks[0]?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect(textOf(answer.message)).toContain('quiz');
  });

  it('once a graceful stop begins, tells new callers privately that it is restarting', async () => {
    h.adapter.stopIntake();
    const answer = await interact(h.fake, slashCommand({ name: 'help' }));
    expect(answer.ephemeral).toBe(true);
    expect(answer.message.content).toBe(RESTARTING);
  });
});

describe('a reply that uploads a picture, against the 3 s deadline', () => {
  const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 7, 7, 7]);
  const chartReply = (title: string, visibility: 'channel' | 'private') => ({
    title,
    body: title,
    text: title,
    image: { png: PNG, filename: 'chart.png', alt: 'A chart' },
    visibility,
  });
  const charts: Command[] = [
    {
      name: 'quickchart',
      description: 'A picture at once',
      options: [],
      run: async () => chartReply('Quick', 'channel'),
    },
    {
      name: 'latechart',
      description: 'A picture after 400 ms',
      options: [],
      run: async () => {
        await sleep(400);
        return chartReply('Late', 'channel');
      },
    },
    {
      name: 'lateprivatechart',
      description: 'A private picture after 400 ms',
      options: [],
      run: async () => {
        await sleep(400);
        return chartReply('Late and private', 'private');
      },
    },
    {
      name: 'chartpager',
      description: 'Turns to a page with a new chart after 400 ms',
      options: [],
      run: async () => ({ text: 'page 1', visibility: 'channel' }),
      actions: [
        onChoice(anyAction('chartpager'), async () => {
          await sleep(400);
          return { ...chartReply('Page 2', 'channel'), replaceOriginal: true };
        }),
      ],
    },
  ];
  let h: Harness;
  beforeAll(async () => {
    // A shorter allowance than the default 1 s, so the test does not wait long.
    h = await startHarness({ commands: charts, uploadDeferAfterMs: 200 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const calls = (answer: { requests: { method: string; path: string; files: unknown[] }[] }, token: string) =>
    answer.requests.map((r) => `${r.method} ${r.path.replace(token, 'TOKEN')}${r.files.length ? ' +file' : ''}`);

  it('sends a picture ready in time in the first response, file included', async () => {
    const interaction = slashCommand({ name: 'quickchart' });
    const answer = await interact(h.fake, interaction);
    expect(calls(answer, interaction.token)).toEqual([`POST /interactions/${interaction.id}/TOKEN/callback +file`]);
  });

  it('acknowledges a picture that is ready late first, then sends it in an edit of the response', async () => {
    const interaction = slashCommand({ name: 'latechart' });
    const answer = await interact(h.fake, interaction);
    expect(answer.callbackType).toBe(5);
    expect(calls(answer, interaction.token)).toEqual([
      `POST /interactions/${interaction.id}/TOKEN/callback`,
      expect.stringMatching(/^PATCH \/webhooks\/\d+\/TOKEN\/messages\/@original \+file$/),
    ]);
    expect(textOf(answer.message)).toContain('Late');
    expect(answer.ephemeral).toBe(false);
  });

  it('acknowledges a late private picture privately, so nothing is shown to the channel meanwhile', async () => {
    const interaction = slashCommand({ name: 'lateprivatechart' });
    const answer = await interact(h.fake, interaction);
    expect(answer.callbackType).toBe(5);
    const callback = answer.requests[0]?.body as { data?: { flags?: number } };
    expect((callback.data?.flags ?? 0) & 64).toBe(64);
    expect(calls(answer, interaction.token)).toEqual([
      `POST /interactions/${interaction.id}/TOKEN/callback`,
      expect.stringMatching(/^PATCH \/webhooks\/\d+\/TOKEN\/messages\/@original \+file$/),
    ]);
    expect(textOf(answer.message)).toContain('Late and private');
  });

  it('turns a page to a new chart late by acknowledging the click first, then editing the message with the file', async () => {
    const posted = await h.adapter.poster.post(
      { platform: 'discord', channelId: FAKE_CHANNEL_ID, serverId: FAKE_GUILD_ID },
      {
        text: 'page 1',
        title: 'Page 1',
        body: 'page 1',
        choices: [{ action: 'chartpager:next', label: 'Next' }],
        visibility: 'channel',
      },
    );
    const click = buttonClick({ customId: 'chartpager:next', message: { id: posted.messageId } });
    const answer = await interact(h.fake, click);
    expect(answer.callbackType).toBe(6);
    expect(calls(answer, click.token)).toEqual([
      `POST /interactions/${click.id}/TOKEN/callback`,
      expect.stringMatching(/^PATCH \/webhooks\/\d+\/TOKEN\/messages\/@original \+file$/),
    ]);
    expect(textOf(h.fake.rest.messages.get(posted.messageId) as Record<string, unknown>)).toContain('Page 2');
  });
});
