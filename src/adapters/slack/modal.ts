import type { types } from '@slack/bolt';
import type { TextRequest } from '../../core/reply.js';
import { clip } from '../../core/text.js';

/**
 * A Reply's request for text as a Slack modal, and what its view_submission
 * carries back: the one place the answer box is spelt for Slack. A submission carries no
 * channel, so the modal keeps the action and the channel it was opened
 * from in its private_metadata.
 */

/** Every answer box has this callback_id; the action it answers is in the metadata. */
export const INPUT_CALLBACK_ID = 'chronicle:input';
const BLOCK_ID = 'answer';
const ACTION_ID = 'text';

/** What was typed into the box, from a submitted view's state. */
export function submittedText(values: Record<string, Record<string, { value?: string | null }>>): string {
  return values[BLOCK_ID]?.[ACTION_ID]?.value ?? '';
}

/** Slack's modal limits: title, submit and close 24 characters; metadata 3,000. */
const LIMITS = { title: 24, label: 2_000, placeholder: 150, metadata: 3_000, error: 2_000 } as const;

export interface Opened {
  action: string;
  channelId: string;
}

export function modalView(request: TextRequest, channelId: string): types.ModalView {
  const metadata = JSON.stringify({ action: request.action, channelId } satisfies Opened);
  // Actions are short ids; one past the limit is a bug to hear about, not something to cut.
  if (metadata.length > LIMITS.metadata)
    throw new Error(`answer box action too long for a Slack modal (${metadata.length})`);
  return {
    type: 'modal',
    callback_id: INPUT_CALLBACK_ID,
    private_metadata: metadata,
    title: { type: 'plain_text', text: clip(request.title, LIMITS.title) },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: BLOCK_ID,
        label: { type: 'plain_text', text: clip(request.label, LIMITS.label) },
        element: {
          type: 'plain_text_input',
          action_id: ACTION_ID,
          max_length: request.maxLength,
          ...(request.placeholder
            ? { placeholder: { type: 'plain_text', text: clip(request.placeholder, LIMITS.placeholder) } }
            : {}),
        },
      },
    ],
  };
}

/** A refusal shown on the box itself, which stays open. */
export function boxError(text: string): { response_action: 'errors'; errors: Record<string, string> } {
  return { response_action: 'errors', errors: { [BLOCK_ID]: clip(text, LIMITS.error) } };
}

export function opened(metadata: string): Opened | undefined {
  try {
    const parsed = JSON.parse(metadata) as Partial<Opened>;
    return typeof parsed.action === 'string' && typeof parsed.channelId === 'string'
      ? { action: parsed.action, channelId: parsed.channelId }
      : undefined;
  } catch {
    return undefined;
  }
}
