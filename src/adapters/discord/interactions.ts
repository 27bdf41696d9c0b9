import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionUpdateOptions,
  MessageFlags,
} from 'discord.js';
import type { Command, Services } from '../../core/command.js';
import { dispatch, dispatchChoice } from '../../core/dispatch.js';
import { isUserError, UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { suggest } from './autocomplete.js';
import { callerOf } from './caller.js';
import { invocationOf, optionSpecOf } from './invocation.js';
import { actionOf, rememberLongActions } from './long-actions.js';
import { toEdit, toSend } from './payload.js';
import { type DiscordMessage, renderReply } from './render.js';

export const APOLOGY = 'Sorry, something went wrong on our side. It has been logged; please try again in a moment.';

/**
 * Discord drops an interaction that is not answered within 3 s. A handler
 * still running after this long gets deferred first, which leaves a second
 * for the defer itself to reach Discord.
 */
export const DEFAULT_DEFER_AFTER_MS = 2_000;

export interface InteractionHandlerOptions {
  commands: readonly Command[];
  services: Services;
  logger: Logger;
  deferAfterMs?: number;
}

type Outcome = { reply: Reply } | { error: unknown };

function settle(work: () => Promise<Reply>): Promise<Outcome> {
  return work().then(
    (reply) => ({ reply }),
    (error: unknown) => ({ error }),
  );
}

/** Resolves with the outcome if it arrives within `ms`, otherwise with undefined. */
async function within(ms: number, outcome: Promise<Outcome>): Promise<Outcome | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([outcome, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The parts of an error worth logging. discord.js errors carry the request
 * body (message content, files), which must not reach the logs.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return { type: e.name, message: e.message, code: e.code, status: e.status, method: e.method, stack: e.stack };
}

/** Who/where for a log line: ids only, never what anyone typed, never a token. */
function context(interaction: Interaction, what: Record<string, string | undefined>): Record<string, unknown> {
  return {
    interaction: interaction.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
    ...what,
  };
}

/**
 * One handler for every interaction: slash commands, autocomplete and button
 * clicks. It owns the 3 s deadline and the one catch: a UserError is shown
 * privately as it is; anything else is logged with context and the user gets
 * a short private apology.
 */
export function createInteractionHandler(
  options: InteractionHandlerOptions,
): (interaction: Interaction) => Promise<void> {
  const { commands, services, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;

  function replyFor(outcome: Outcome, where: Record<string, unknown>): Reply {
    if ('reply' in outcome) return outcome.reply;
    if (isUserError(outcome.error)) return { text: outcome.error.message, visibility: 'private' };
    logger.error({ ...where, error: errorSummary(outcome.error) }, 'discord interaction failed');
    return { text: APOLOGY, visibility: 'private' };
  }

  async function render(reply: Reply, single = false): Promise<DiscordMessage[]> {
    const { messages, longActions } = renderReply(reply, { single });
    await rememberLongActions(services.store, longActions);
    return messages;
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const call = invocationOf(interaction);
    const where = context(interaction, { command: call.name, subcommand: call.subcommand });
    const pending = settle(() => dispatch(commands, call, { ...services, caller: callerOf(interaction) }));
    let outcome = await within(deferAfterMs, pending);
    const deferred = outcome === undefined;
    if (deferred) {
      await interaction.deferReply();
      outcome = await pending;
    }
    const reply = replyFor(outcome as Outcome, where);
    const ephemeral = reply.visibility === 'private';
    const [first, ...rest] = await render(reply);
    if (!deferred) {
      await interaction.reply(toSend(first as DiscordMessage, ephemeral));
    } else if (ephemeral) {
      // A deferred reply is public; a private answer replaces it with an ephemeral follow-up.
      await interaction.deleteReply();
      await interaction.followUp(toSend(first as DiscordMessage, true));
    } else {
      await interaction.editReply(toEdit(first as DiscordMessage));
    }
    for (const message of rest) await interaction.followUp(toSend(message, ephemeral));
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const where = context(interaction, { action: interaction.customId.split(':', 1)[0] });
    const pending = settle(async () => {
      const action = await actionOf(services.store, interaction.customId);
      if (!action) throw new UserError('That button has expired. Start again with the command.');
      return dispatchChoice(commands, action, { ...services, caller: callerOf(interaction) });
    });
    let outcome = await within(deferAfterMs, pending);
    const deferred = outcome === undefined;
    if (deferred) {
      await interaction.deferUpdate();
      outcome = await pending;
    }
    const reply = replyFor(outcome as Outcome, where);
    const ephemeral = reply.visibility === 'private';
    // Replacing a public message with a private answer would publish it, so that becomes a private reply.
    if (reply.replaceOriginal && (!ephemeral || interaction.message.flags.has(MessageFlags.Ephemeral))) {
      const [only] = await render(reply, true);
      if (deferred) await interaction.editReply(toEdit(only as DiscordMessage));
      else await interaction.update(toEdit(only as DiscordMessage) as InteractionUpdateOptions);
      return;
    }
    const [first, ...rest] = await render(reply);
    if (deferred) await interaction.followUp(toSend(first as DiscordMessage, ephemeral));
    else await interaction.reply(toSend(first as DiscordMessage, ephemeral));
    for (const message of rest) await interaction.followUp(toSend(message, ephemeral));
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const spec = optionSpecOf(commands, invocationOf(interaction), focused.name);
    const choices = spec?.autocomplete ? suggest(services.pack, spec.autocomplete, String(focused.value)) : [];
    await interaction.respond(choices);
  }

  return async (interaction: Interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (error) {
      // Sending the answer itself failed (REST down past its retries, interaction expired): nobody to tell but the log.
      logger.error(
        { ...context(interaction, { kind: String(interaction.type) }), error: errorSummary(error) },
        'discord reply failed',
      );
    }
  };
}
