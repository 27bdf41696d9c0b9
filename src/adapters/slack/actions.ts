import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { commandOfAction } from '../../core/action.js';
import type { Command, Services } from '../../core/command.js';
import { dispatchChoice } from '../../core/dispatch.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { Metrics } from '../../ops/metrics.js';
import { pictureLink } from '../../pictures/hosting.js';
import { type AdminLookup, callerOf } from './caller.js';
import { asResponse, uploadPicture } from './deliver.js';
import { modalView } from './modal.js';
import { recordSlack, type Settled, settle } from './outcome.js';
import { saveStash, stashKey } from './poster.js';
import { renderReply, STASH_PREFIX } from './render.js';

export interface ActionDeps {
  services: Services;
  /** Writes the commands a reply mentions as this workspace's manifest answers them. */
  spell: (reply: Reply) => Reply;
  commands: readonly Command[];
  admins: AdminLookup;
  logger: Logger;
  /** Where each interaction is counted; the process's metrics unless given. */
  metrics?: Metrics;
}

function chosenValue(action: SlackActionMiddlewareArgs<BlockAction>['action']): string | undefined {
  if (action.type === 'button') return action.value;
  if (action.type === 'static_select') return action.selected_option?.value;
  return undefined;
}

/**
 * A clicked choice (a quiz answer, a page button): ack() first, then route
 * it to the command that made it. The command's Reply says where it goes:
 * in place of the clicked message, privately to the clicker, or into the
 * channel.
 */
export function actionHandler(deps: ActionDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const started = performance.now();
    const channelId: string = body.channel?.id ?? body.container?.channel_id ?? '';
    const who = {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      userId: body.user.id,
      userName: body.user.username ?? body.user.name ?? body.user.id,
      channelId,
    };
    const raw = chosenValue(action) ?? '';
    const command = raw.startsWith(STASH_PREFIX) ? 'stashed' : commandOfAction(raw);
    const caller = await callerOf(who, deps.admins);
    const settled = await settle(async () => {
      const choice = raw.startsWith(STASH_PREFIX) ? await deps.services.store.get<string>(stashKey(raw)) : raw;
      if (!choice) throw new UserError('That button has expired. Run the command again for a fresh one.');
      return dispatchChoice(deps.commands, choice, { ...deps.services, caller });
    });

    const { reply } = settled;
    let result: Pick<Settled, 'outcome' | 'error'> = settled;
    try {
      if (reply.input) {
        // The click's trigger_id opens a modal for the next 3 s only, so this comes before anything slower.
        await client.views.open({ trigger_id: body.trigger_id, view: modalView(reply.input, channelId) });
      } else await deliver(reply);
    } catch (error) {
      result = { outcome: 'error', error };
    }
    recordSlack(
      deps,
      { userId: who.userId, channelId, teamId: who.teamId },
      { kind: 'choice', command },
      result,
      started,
    );

    /** The reply in place of the clicked message, privately to the clicker, or into the channel, as it says. */
    async function deliver(reply: Reply): Promise<void> {
      const inPlace = reply.replaceOriginal === true;
      const imageUrl = await pictureLink(deps.services.pictures, reply.image, deps.logger);
      const rendered = renderReply(deps.spell(reply), inPlace ? { maxMessages: 1, imageUrl } : { imageUrl });
      await saveStash(deps.services.store, rendered);
      const messageTs: string | undefined = body.message?.ts ?? body.container?.message_ts;
      if (inPlace) {
        const [message] = rendered.messages;
        if (body.container?.is_ephemeral || !messageTs) {
          // An ephemeral message has no ts anyone can update; only its response_url can replace it.
          await respond({ replace_original: true, text: message!.text, blocks: message!.blocks });
        } else {
          await client.chat.update({ channel: channelId, ts: messageTs, text: message!.text, blocks: message!.blocks });
        }
      } else {
        for (const message of rendered.messages) await respond(asResponse(message, reply.visibility));
      }
      await uploadPicture(client, channelId, rendered, respond, deps.logger);
    }
  };
}
