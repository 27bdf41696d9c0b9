import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction } from '@slack/bolt';
import { dispatchInput } from '../../core/dispatch.js';
import { UserError } from '../../core/errors.js';
import type { TextRequest } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { recordInteraction } from '../../ops/interaction.js';
import type { ActionDeps } from './actions.js';
import { callerOf } from './caller.js';
import { type Settled, settle } from './outcome.js';
import { saveStash } from './poster.js';
import { renderReply } from './render.js';

/**
 * A Reply's request for text as a Slack modal, and its view_submission:
 * the one place the answer box is spelt for Slack. A submission carries no
 * channel, so the modal keeps the action and the channel it was opened
 * from in its private_metadata.
 */

/** Every answer box has this callback_id; the action it answers is in the metadata. */
export const INPUT_CALLBACK_ID = 'chronicle:input';
const BLOCK_ID = 'answer';
const ACTION_ID = 'text';

/** Slack's modal limits: title, submit and close 24 characters; metadata 3,000. */
const LIMITS = { title: 24, label: 2_000, placeholder: 150, metadata: 3_000, error: 2_000 } as const;

interface Opened {
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

function opened(metadata: string): Opened | undefined {
  try {
    const parsed = JSON.parse(metadata) as Partial<Opened>;
    return typeof parsed.action === 'string' && typeof parsed.channelId === 'string'
      ? { action: parsed.action, channelId: parsed.channelId }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A sent answer box: routed to the command that asked, within the 3 s the
 * ack allows. A refusal (or a fault) is shown on the box itself
 * (`response_action: 'errors'`), which stays open; an accepted answer
 * closes it, and the command's reply reaches the sender privately in the
 * channel.
 */
export function submissionHandler(deps: ActionDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const started = performance.now();
    const from = opened(view.private_metadata);
    const who = {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      userId: body.user.id,
      userName: body.user.name ?? body.user.id,
      channelId: from?.channelId ?? '',
    };
    const settled = await settle(async () => {
      if (!from) throw new UserError('That answer box is no longer active.');
      const text = view.state.values[BLOCK_ID]?.[ACTION_ID]?.value ?? '';
      const caller = await callerOf(who, deps.admins);
      return dispatchInput(deps.commands, from.action, text, { ...deps.services, caller });
    });
    let result: Pick<Settled, 'outcome' | 'error'> = settled;
    try {
      if (settled.outcome !== 'ok') {
        await ack(boxError(settled.reply.text));
      } else {
        await ack();
        const rendered = renderReply(deps.spell(settled.reply));
        await saveStash(deps.services.store, rendered);
        for (const message of rendered.messages) {
          await client.chat.postEphemeral({ channel: who.channelId, user: who.userId, ...message });
        }
      }
    } catch (error) {
      result = { outcome: 'error', error };
    }
    recordInteraction(
      { log: deps.logger, ids: { userId: who.userId, channelId: who.channelId, teamId: who.teamId } },
      { platform: 'slack', kind: 'input', command: from?.action.split(':', 1)[0] ?? 'unknown' },
      { ...result, latencyMs: performance.now() - started },
    );
  };
}
