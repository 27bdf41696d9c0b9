import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Command, Services } from '../../core/command.js';
import { parseCommandLine } from '../../core/command-line.js';
import { orAfter } from '../../core/deadline.js';
import { dispatch, resolveLine } from '../../core/dispatch.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { Metrics } from '../../ops/metrics.js';
import { pictureLink } from '../../pictures/hosting.js';
import { type AdminLookup, callerOf } from './caller.js';
import { asResponse, uploadPicture } from './deliver.js';
import { APOLOGY, recordSlack, type Settled, settle } from './outcome.js';
import { saveStash } from './poster.js';
import { renderReplyOnce } from './render.js';

/** `/chronicle <command> ...` reaches every command, even one whose name a workspace has taken. */
export const UMBRELLA_COMMAND = 'chronicle';

export interface SlashDeps {
  services: Services;
  /** Writes the commands a reply mentions as this workspace's manifest answers them. */
  spell: (reply: Reply) => Reply;
  commands: readonly Command[];
  admins: AdminLookup;
  logger: Logger;
  /** Where each interaction is counted; the process's metrics unless given. */
  metrics?: Metrics;
  /** How long to wait for the reply before acking empty and answering through response_url. */
  ackBudgetMs: number;
}

function lineOf(command: string, text: string): string {
  const name = command.replace(/^\//, '').toLowerCase();
  if (name === UMBRELLA_COMMAND) return text.trim() || 'help';
  return `${name} ${text}`;
}

/**
 * One handler for every slash command. The reply usually comes back well
 * inside Slack's 3 s, so it rides in the ack itself (one round trip, no extra
 * call); a slow one is acked empty at the budget and delivered through
 * response_url when ready. Either way ack() happens before the deadline.
 */
export function slashHandler(deps: SlashDeps) {
  return async ({ command: body, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const started = performance.now();
    const name = body.command.replace(/^\//, '');
    const who = { teamId: body.team_id, userId: body.user_id, userName: body.user_name, channelId: body.channel_id };
    // Names only, for the log: the resolved command, subcommand and option names, never their values.
    const meta: { command: string; subcommand?: string; optionNames?: string[] } = { command: name };
    const work = (async () => {
      const caller = await callerOf(who, deps.admins);
      return settle(async () => {
        const call = resolveLine(deps.commands, parseCommandLine(lineOf(body.command, body.text ?? '')));
        Object.assign(meta, { command: call.name, subcommand: call.subcommand, optionNames: Object.keys(call.args) });
        return dispatch(deps.commands, call, { ...deps.services, caller });
      });
    })();

    const early = await orAfter(work, deps.ackBudgetMs, undefined);

    let acked = false;
    let result: Pick<Settled, 'outcome' | 'error'> = { outcome: 'error' };
    try {
      if (!early) {
        await ack();
        acked = true;
      }
      const settled = early ?? (await work);
      result = settled;
      const imageUrl = await pictureLink(deps.services.pictures, settled.reply.image, deps.logger);
      const rendered = renderReplyOnce(deps.spell(settled.reply), imageUrl);
      await saveStash(deps.services.store, rendered);
      const [first, ...rest] = rendered.messages.map((m) => asResponse(m, settled.reply.visibility));
      if (!acked) {
        await ack(first);
        acked = true;
      } else if (first) {
        await respond(first);
      }
      for (const message of rest) await respond(message);
      await uploadPicture(client, body.channel_id, rendered, respond, deps.logger);
    } catch (error) {
      result = { outcome: 'error', error };
      if (!acked) await ack({ response_type: 'ephemeral', text: APOLOGY }).catch(() => {});
    }
    recordSlack(
      deps,
      { userId: body.user_id, channelId: body.channel_id, teamId: body.team_id },
      { kind: 'command', ...meta },
      result,
      started,
    );
  };
}
