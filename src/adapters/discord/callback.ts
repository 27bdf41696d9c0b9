import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  InteractionResponseType,
  MessagePayload,
  type ModalSubmitInteraction,
  Routes,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { toSend } from './payload.js';
import type { DiscordMessage } from './render.js';

type Repliable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** The callback's JSON per rendered message, public and private: rendered messages are shared (render-once.ts). */
const bodies = new WeakMap<DiscordMessage, { public?: string; private?: string }>();

/** What interaction.reply sends, `with_response=false`: the same query on every callback. */
const NO_RESPONSE = new URLSearchParams({ with_response: 'false' });

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/**
 * The body interaction.reply would send for `message`, serialised once per
 * message. discord.js's own MessagePayload builds it (the first interaction
 * only lends the client's options), so the JSON is what reply() sends;
 * a memoised page is then not re-resolved and re-serialised (8 KB for a
 * timeline page) on every interaction.
 */
function callbackBody(interaction: Repliable, message: DiscordMessage, ephemeral: boolean): string {
  let forMessage = bodies.get(message);
  if (!forMessage) {
    forMessage = {};
    bodies.set(message, forMessage);
  }
  const key = ephemeral ? 'private' : 'public';
  let body = forMessage[key];
  if (body === undefined) {
    const { body: data } = MessagePayload.create(interaction, toSend(message, ephemeral)).resolveBody();
    body = JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data });
    forMessage[key] = body;
  }
  return body;
}

/**
 * interaction.reply(toSend(message, ephemeral)), for a message without
 * files, with its body serialised once per message; a message with files
 * goes through reply() (its multipart body carries the bytes). Marks the
 * interaction replied, as reply() does, so a later followUp or editReply
 * works the same.
 */
export async function replyWith(interaction: Repliable, message: DiscordMessage, ephemeral: boolean): Promise<void> {
  if (message.files.length > 0 || message.keep) {
    await interaction.reply(toSend(message, ephemeral));
    return;
  }
  if (interaction.deferred || interaction.replied) {
    // reply() refuses with discord.js's own error; it is left to do so.
    await interaction.reply(toSend(message, ephemeral));
    return;
  }
  await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: callbackBody(interaction, message, ephemeral),
    passThroughBody: true,
    headers: JSON_HEADERS,
    auth: false,
    query: NO_RESPONSE,
  });
  interaction.ephemeral = ephemeral;
  interaction.replied = true;
}
