import { ChatInputCommandInteraction, Client, type ChatInputCommandInteraction as Command } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { replyWith } from '../../src/adapters/discord/callback.js';
import { NO_MENTIONS, toSend } from '../../src/adapters/discord/payload.js';
import type { DiscordMessage } from '../../src/adapters/discord/render.js';
import { renderReply } from '../../src/adapters/discord/render.js';

/** A client that records what it would post instead of posting it. */
function recordingClient() {
  const client = new Client({ intents: [], allowedMentions: NO_MENTIONS });
  const posts: { route: string; body: unknown; query: string; headers: unknown; auth: unknown }[] = [];
  client.rest.post = async (route, options = {}) => {
    const body = options.passThroughBody
      ? JSON.parse(options.body as string)
      : JSON.parse(JSON.stringify(options.body));
    posts.push({ route, body, query: String(options.query), headers: options.headers, auth: options.auth });
    return undefined;
  };
  return { client, posts };
}

/** Just what reply() reads from an interaction, and discord.js's own reply(). */
function interactionOn(client: Client, id: string) {
  const reply = ChatInputCommandInteraction.prototype.reply;
  return {
    id,
    token: `token-${id}`,
    client,
    deferred: false,
    replied: false,
    ephemeral: null,
    reply,
  } as unknown as Command;
}

const page = renderReply({
  text: 'Timeline: October 2020',
  title: 'Timeline: October 2020',
  body: '**3 October**: an event',
  fields: [{ name: 'Where', value: 'Somewhere' }],
  footer: 'Page 1 of 2',
  visibility: 'channel',
}).messages[0] as DiscordMessage;

describe('replyWith', () => {
  it.each([false, true])(
    'sends what interaction.reply sends (ephemeral %s), serialised once per message',
    async (ephemeral) => {
      const { client, posts } = recordingClient();
      const reference = interactionOn(client, '1');
      await reference.reply(toSend(page, ephemeral));
      const first = interactionOn(client, '2');
      const second = interactionOn(client, '3');
      await replyWith(first, page, ephemeral);
      await replyWith(second, page, ephemeral);
      const [expected, ...ours] = posts;
      expect(ours).toHaveLength(2);
      for (const [index, post] of ours.entries()) {
        expect(post.route).toBe(`/interactions/${index + 2}/token-${index + 2}/callback`);
        expect(post.body).toEqual(expected?.body);
        expect(post.query).toBe(expected?.query);
        expect(post.auth).toBe(false);
        expect(post.headers).toEqual({ 'Content-Type': 'application/json' });
      }
      for (const interaction of [first, second]) {
        expect(interaction.replied).toBe(true);
        expect(interaction.ephemeral).toBe(reference.ephemeral);
      }
      await client.destroy();
    },
  );

  it('leaves a second reply to discord.js, which refuses it', async () => {
    const { client, posts } = recordingClient();
    const interaction = interactionOn(client, '4');
    await replyWith(interaction, page, false);
    await expect(replyWith(interaction, page, false)).rejects.toThrow(/already been sent or deferred/);
    expect(posts).toHaveLength(1);
    await client.destroy();
  });
});
