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

type Encoded = Pick<BaseMessageOptions, 'embeds' | 'components'>;
const encoded = new WeakMap<DiscordMessage, Encoded>();

/** A message's embeds and components as discord.js takes them, wrapped once per message (rendered messages are shared). */
function encodedParts(message: DiscordMessage): Encoded {
  let parts = encoded.get(message);
  if (!parts) {
    parts = { embeds: message.embeds.map(encodable), components: message.components.map(encodable) };
    encoded.set(message, parts);
  }
  return parts;
}

/** Fresh options for each call: discord.js writes its attachment list into the object it is given. */
function base(message: DiscordMessage): BaseMessageOptions {
  const { embeds, components } = encodedParts(message);
  return {
    content: message.content ?? '',
    embeds,
    components,
    files: message.files.map(
      // A view of the PNG, not a copy: discord.js only reads it.
      (f) =>
        new AttachmentBuilder(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), {
          name: f.name,
          description: f.description,
        }),
    ),
    // Kept attachments by id; discord.js adds the new files to this list (an edit's list is all it keeps).
    ...(message.keep ? { attachments: message.keep.map((id) => ({ id })) } : {}),
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
