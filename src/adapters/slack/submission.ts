import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { commandOfAction, StaleInput } from '../../core/action.js';
import { dispatchInput } from '../../core/dispatch.js';
import type { ActionDeps } from './actions.js';
import { callerOf } from './caller.js';
import { boxError, opened, submittedText } from './modal.js';
import { recordSlack, type Settled, settle } from './outcome.js';
import { saveStash } from './poster.js';
import { renderReply } from './render.js';

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
      if (!from) throw new StaleInput();
      const text = submittedText(view.state.values);
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
    const command = from ? commandOfAction(from.action) : 'unknown';
    recordSlack(
      deps,
      { userId: who.userId, channelId: who.channelId, teamId: who.teamId },
      { kind: 'input', command },
      result,
      started,
    );
  };
}
