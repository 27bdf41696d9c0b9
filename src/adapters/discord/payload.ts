import {
  AttachmentBuilder,
  type BaseMessageOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js';
import type { DiscordMessage } from './render.js';

/** Nobody gets pinged by text that came from content or from another user. */
export const NO_MENTIONS = { parse: [] };

function base(message: DiscordMessage): BaseMessageOptions {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    files: message.files.map(
      (f) => new AttachmentBuilder(Buffer.from(f.data), { name: f.name, description: f.description }),
    ),
    allowedMentions: NO_MENTIONS,
  };
}

/** A rendered message as discord.js's editReply/update take it. */
export function toEdit(message: DiscordMessage): InteractionEditReplyOptions {
  return base(message);
}

/** A rendered message as discord.js's reply/followUp take it. */
export function toSend(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return ephemeral ? { ...base(message), flags: MessageFlags.Ephemeral } : base(message);
}
