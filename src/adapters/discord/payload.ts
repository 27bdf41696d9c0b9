import {
  AttachmentBuilder,
  type BaseMessageOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type JSONEncodable,
  MessageFlags,
} from 'discord.js';
import type { DiscordMessage } from './render.js';

/** Nobody gets pinged by text that came from content or from another user. */
export const NO_MENTIONS = { parse: [] };

/**
 * The renderer already speaks Discord's wire format; handing it over as
 * JSON-encodable skips discord.js's camelCase → snake_case pass and builder
 * round trip on every reply.
 */
function encodable<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}

function base(message: DiscordMessage): BaseMessageOptions {
  return {
    content: message.content ?? '',
    embeds: message.embeds.map(encodable),
    components: message.components.map(encodable),
    files: message.files.map(
      (f) => new AttachmentBuilder(Buffer.from(f.data), { name: f.name, description: f.description }),
    ),
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * The message without its picture: what goes out first so the text is not
 * held up by the upload. The embed's `attachment://` reference goes too; the
 * edit that carries the file brings it back.
 */
export function withoutFiles(message: DiscordMessage): DiscordMessage {
  return {
    ...message,
    embeds: message.embeds.map(({ image: _image, ...embed }) => embed),
    files: [],
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
