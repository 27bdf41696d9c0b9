import type { RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { RenderedReply, SlackMessage } from './render.js';

/** A rendered message in the shape of a response_url post or an HTTP ack body. */
export function asResponse(message: SlackMessage, visibility: Reply['visibility']): RespondArguments {
  return {
    response_type: visibility === 'channel' ? 'in_channel' : 'ephemeral',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  };
}

/** Uploads a rendered picture into the channel, its alt text cut to what files.upload takes. */
export async function postFile(
  client: webApi.WebClient,
  channelId: string,
  image: NonNullable<RenderedReply['upload']>,
): Promise<void> {
  await client.filesUploadV2({
    channel_id: channelId,
    file: Buffer.from(image.png),
    filename: image.filename,
    title: image.alt.slice(0, 250),
    alt_text: image.alt.slice(0, 1000),
  });
}

/**
 * A picture goes up as a file in the channel after its message. It needs the
 * bot in the channel; when it is not, the user is told how to fix that
 * rather than losing the picture silently.
 */
export async function uploadPicture(
  client: webApi.WebClient,
  channelId: string,
  rendered: RenderedReply,
  respond: RespondFn,
  logger: Logger,
): Promise<void> {
  const image = rendered.upload;
  if (!image) return;
  try {
    await postFile(client, channelId, image);
  } catch (error) {
    logger.warn({ err: error, platform: 'slack', channelId }, 'slack picture upload failed');
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `I could not attach the picture (${image.alt.slice(0, 200)}). Invite me with \`/invite @Chronicle\` so I can post files here.`,
    });
  }
}
