import type { Message } from 'discord.js';
import type { DiscordMessage } from './render.js';

/** `/attachments/<channel>/<attachment id>/<file name>`, in Discord's CDN and media proxy addresses. */
const ATTACHMENT_PATH = /\/attachments\/[^/]+\/(\d+)\/([^/?#]+)/;

/**
 * The id of the attachment named `name` that `message` already carries.
 * Discord leaves a file an embed shows out of the message's attachments,
 * so its id is read from the embed image's CDN address.
 */
export function attachmentNamed(message: Message, name: string): string | undefined {
  for (const attachment of message.attachments.values()) if (attachment.name === name) return attachment.id;
  for (const embed of message.embeds) {
    for (const url of [embed.image?.url, embed.image?.proxyURL]) {
      const match = url ? ATTACHMENT_PATH.exec(url) : null;
      if (match && decodeURIComponent(match[2] as string) === name) return match[1];
    }
  }
  return undefined;
}

/**
 * `update` for editing `message`: a picture the message already carries
 * (its file name holds the picture's content key) is kept by id rather than
 * uploaded again, so a page turn that keeps the chart sends no file.
 */
export function keepingPictures(update: DiscordMessage, message: Message): DiscordMessage {
  const keep: string[] = [];
  const files = update.files.filter((file) => {
    const id = attachmentNamed(message, file.name);
    if (id) keep.push(id);
    return id === undefined;
  });
  return keep.length ? { ...update, files, keep } : update;
}
