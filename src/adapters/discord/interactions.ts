import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionUpdateOptions,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { commandOfAction } from '../../core/action.js';
import type { Command, Services } from '../../core/command.js';
import { orAfter } from '../../core/deadline.js';
import { dispatch, dispatchChoice, dispatchInput, type Invocation } from '../../core/dispatch.js';
import { isUserError, UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { InteractionMeta, InteractionOutcome, Logger } from '../../log.js';
import { recordInteraction } from '../../ops/interaction.js';
import { type Lifecycle, RESTARTING } from '../../ops/lifecycle.js';
import type { Metrics } from '../../ops/metrics.js';
import { pictureLink } from '../../pictures/hosting.js';
import { suggest } from './autocomplete.js';
import { replyWith } from './callback.js';
import { callerOf } from './caller.js';
import { invocationOf, optionSpecOf } from './invocation.js';
import { keepingPictures } from './kept-picture.js';
import { actionOf, rememberLongActions } from './long-actions.js';
import { modalFor, submittedText } from './modal.js';
import { toEdit, toSend } from './payload.js';
import type { DiscordMessage } from './render.js';
import { renderOnce } from './render-once.js';

/** Discord accepts an interaction's callback for 15 minutes; a claim outlives any redelivery. */
const INTERACTION_CLAIM_MS = 15 * 60_000;
/** How long the claim may take before this instance answers anyway. */
const CLAIM_WAIT_MS = 500;

/**
 * Is this instance the one to answer the interaction? Every session on a
 * shard is sent each interaction, so replicas sharing a token race for it;
 * the claim is atomic in the shared Store. A Store that cannot answer must
 * not silence the bot: the interaction is then handled here, at the risk of
 * a second replica answering too.
 */
async function firstToClaim(store: Services['store'], id: string, logger: Logger): Promise<boolean> {
  try {
    // A Store that is slow to answer (Redis reconnecting) must not cost the 3 s Discord allows.
    return await orAfter(store.claim(`discord:interaction:${id}`, INTERACTION_CLAIM_MS), CLAIM_WAIT_MS, true);
  } catch (error) {
    logger.warn({ err: errorSummary(error), interaction: id }, 'could not claim the interaction; handling it here');
    return true;
  }
}

export const APOLOGY = 'Sorry, something went wrong on our side. It has been logged; please try again in a moment.';

const TOO_SLOW_FOR_MODAL = 'The answer box took too long to open; click Answer again.';

/**
 * Discord drops an interaction that is not answered within 3 s. A handler
 * still running after this long gets deferred first, which leaves a second
 * for the defer itself to reach Discord.
 */
export const DEFAULT_DEFER_AFTER_MS = 2_000;

/**
 * A reply that uploads its picture goes out whole in the first response,
 * one multipart request, when it is ready within this long of the
 * interaction arriving; later, the interaction is acknowledged first and the
 * picture follows in an edit. Discord gives the first response 3 s, so the
 * upload keeps 2 s: a 70 KB chart takes milliseconds on a server's link;
 * this is for slow links and a retried request.
 */
export const DEFAULT_UPLOAD_DEFER_AFTER_MS = 1_000;

export interface InteractionHandlerOptions {
  commands: readonly Command[];
  services: Services;
  logger: Logger;
  deferAfterMs?: number;
  uploadDeferAfterMs?: number;
  /** False once a graceful stop has begun: new interactions get a short "restarting" note. */
  accepting?: () => boolean;
  /** So a graceful stop waits for replies in flight. */
  lifecycle: Lifecycle;
  metrics?: Metrics;
}

type Outcome = { reply: Reply } | { error: unknown };

function settle(work: () => Promise<Reply>): Promise<Outcome> {
  return work().then(
    (reply) => ({ reply }),
    (error: unknown) => ({ error }),
  );
}

/**
 * The parts of an error worth logging. discord.js errors carry the request
 * body (message content, files), which must not reach the logs.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return { name: e.name, message: e.message, code: e.code, status: e.status, method: e.method, stack: e.stack };
}

/** Who/where for a log line: ids only, never what anyone typed, never a token. */
function context(interaction: Interaction): Record<string, string | null> {
  return {
    interaction: interaction.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
  };
}

/** What the ops log line and metrics say about an interaction: names, never values. */
function metaOf(interaction: Interaction, call: Invocation | undefined): InteractionMeta {
  if (call) {
    return {
      platform: 'discord',
      command: call.name,
      subcommand: call.subcommand,
      kind: interaction.isAutocomplete() ? 'autocomplete' : 'command',
      optionNames: Object.keys(call.args),
    };
  }
  const action =
    interaction.isButton() || interaction.isModalSubmit()
      ? interaction.customId
      : interaction.isStringSelectMenu()
        ? (interaction.values[0] ?? '')
        : '';
  const kind = interaction.isModalSubmit() ? 'input' : 'choice';
  return { platform: 'discord', command: commandOfAction(action), kind };
}

interface Account {
  outcome: InteractionOutcome;
  error?: unknown;
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
  const uploadDeferAfterMs = options.uploadDeferAfterMs ?? DEFAULT_UPLOAD_DEFER_AFTER_MS;
  /** Whether `message` uploads a file too late to be sure it reaches Discord within the first response's 3 s. */
  const uploadsLate = (message: DiscordMessage, arrived: number) =>
    message.files.length > 0 && performance.now() - arrived > uploadDeferAfterMs;

  /** The reply to show, and how the interaction went for the log line and the metrics. */
  function replyFor(outcome: Outcome, account: Account): Reply {
    if ('reply' in outcome) return outcome.reply;
    if (isUserError(outcome.error)) {
      account.outcome = 'user_error';
      return { text: outcome.error.message, visibility: 'private' };
    }
    account.outcome = 'error';
    account.error = errorSummary(outcome.error);
    return { text: APOLOGY, visibility: 'private' };
  }

  /** Runs `work`; past the deadline, `defer` tells Discord an answer is coming and the work is awaited to the end. */
  async function answer(
    work: () => Promise<Reply>,
    defer: () => Promise<unknown>,
    account: Account,
  ): Promise<{ reply: Reply; deferred: boolean }> {
    const pending = settle(work);
    let outcome = await orAfter(pending, deferAfterMs, undefined);
    const deferred = outcome === undefined;
    if (deferred) {
      await defer();
      outcome = await pending;
    }
    return { reply: replyFor(outcome as Outcome, account), deferred };
  }

  async function render(reply: Reply, single = false): Promise<readonly DiscordMessage[]> {
    // A picture already stored is linked at once; only its first showing waits for the Store.
    const imageUrl = reply.image
      ? (services.pictures?.linkIfStored(reply.image) ?? (await pictureLink(services.pictures, reply.image, logger)))
      : undefined;
    const { messages, longActions } = renderOnce(reply, { single, imageUrl });
    if (longActions.size > 0) await rememberLongActions(services.store, longActions);
    return messages;
  }

  async function onCommand(
    interaction: ChatInputCommandInteraction,
    call: Invocation,
    account: Account,
    arrived: number,
  ): Promise<void> {
    const { reply, deferred } = await answer(
      () => dispatch(commands, call, { ...services, caller: callerOf(interaction) }),
      () => interaction.deferReply(),
      account,
    );
    const ephemeral = reply.visibility === 'private';
    const [first, ...rest] = (await render(reply)) as readonly [DiscordMessage, ...DiscordMessage[]];
    if (!deferred && uploadsLate(first, arrived)) {
      // Acknowledged now, in the reply's own visibility; the picture follows while Discord waits.
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      await interaction.editReply(toEdit(first));
    } else if (!deferred) {
      // The picture, if it is uploaded, rides in this one request.
      await replyWith(interaction, first, ephemeral);
    } else if (ephemeral) {
      // A deferred reply is public; a private answer replaces it with an ephemeral follow-up.
      await interaction.deleteReply();
      await interaction.followUp(toSend(first, true));
    } else {
      await interaction.editReply(toEdit(first));
    }
    for (const message of rest) await interaction.followUp(toSend(message, ephemeral));
  }

  /** A button click, or a pick in a select menu: the picked option's value stands where a button's custom_id would. */
  async function onButton(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    account: Account,
    arrived: number,
  ): Promise<void> {
    const { reply, deferred } = await answer(
      async () => {
        const id = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : interaction.customId;
        const action = await actionOf(services.store, id);
        if (!action) throw new UserError('That button has expired. Start again with the command.');
        return dispatchChoice(commands, action, { ...services, caller: callerOf(interaction) });
      },
      () => interaction.deferUpdate(),
      account,
    );
    if (reply.input) {
      const { modal, longActions } = modalFor(reply.input);
      if (longActions.size > 0) await rememberLongActions(services.store, longActions);
      // A modal can only be the first answer to a click; one that came too late cannot open.
      if (deferred) await interaction.followUp(toSend(await tooSlowForModal(), true));
      else await interaction.showModal(modal);
      return;
    }
    const ephemeral = reply.visibility === 'private';
    // Replacing a public message with a private answer would publish it, so that becomes a private reply.
    if (reply.replaceOriginal && (!ephemeral || interaction.message.flags.has(MessageFlags.Ephemeral))) {
      const [rendered] = await render(reply, true);
      // A page turn that keeps the chart keeps the message's copy of it: no upload.
      const only = keepingPictures(rendered as DiscordMessage, interaction.message);
      if (!deferred && uploadsLate(only, arrived)) {
        await interaction.deferUpdate();
        await interaction.editReply(toEdit(only));
      } else if (deferred) await interaction.editReply(toEdit(only));
      else await interaction.update(toEdit(only) as InteractionUpdateOptions);
      return;
    }
    const [first, ...rest] = (await render(reply)) as readonly [DiscordMessage, ...DiscordMessage[]];
    if (deferred) await interaction.followUp(toSend(first, ephemeral));
    else if (uploadsLate(first, arrived)) {
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      await interaction.editReply(toEdit(first));
    } else await replyWith(interaction, first, ephemeral);
    for (const message of rest) await interaction.followUp(toSend(message, ephemeral));
  }

  async function tooSlowForModal(): Promise<DiscordMessage> {
    const [message] = await render({ text: TOO_SLOW_FOR_MODAL, visibility: 'private' });
    return message as DiscordMessage;
  }

  /** Text sent from an answer box: routed like a click, answered privately (it is the sender's own answer). */
  async function onModalSubmit(interaction: ModalSubmitInteraction, account: Account): Promise<void> {
    const { reply, deferred } = await answer(
      async () => {
        const action = await actionOf(services.store, interaction.customId);
        if (!action) throw new UserError('That answer box has expired. Start again with the command.');
        return dispatchInput(commands, action, submittedText(interaction), {
          ...services,
          caller: callerOf(interaction),
        });
      },
      () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
      account,
    );
    const [first, ...rest] = (await render(reply)) as readonly [DiscordMessage, ...DiscordMessage[]];
    if (deferred) await interaction.editReply(toEdit(first));
    else await replyWith(interaction, first, true);
    for (const message of rest) await interaction.followUp(toSend(message, true));
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, call: Invocation): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const spec = optionSpecOf(commands, call, focused.name);
    const choices = spec?.autocomplete ? suggest(services.pack, spec.autocomplete, String(focused.value)) : [];
    await interaction.respond(choices);
  }

  async function onRestarting(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply({ content: RESTARTING, flags: MessageFlags.Ephemeral });
  }

  return async (interaction: Interaction) => {
    // Discord's 3 s run from here; the claim's wait counts against them.
    const arrived = performance.now();
    // Replicas on one shard each receive every interaction: only the one that claims it answers.
    if (!(await firstToClaim(services.store, interaction.id, logger))) return;
    const started = performance.now();
    const account: Account = { outcome: 'ok' };
    const call =
      interaction.isChatInputCommand() || interaction.isAutocomplete() ? invocationOf(interaction) : undefined;
    const meta = metaOf(interaction, call);
    const work = async () => {
      if (options.accepting && !options.accepting()) {
        account.outcome = 'rejected';
        await onRestarting(interaction);
      } else if (interaction.isChatInputCommand()) await onCommand(interaction, call as Invocation, account, arrived);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, call as Invocation);
      else if (interaction.isButton() || interaction.isStringSelectMenu())
        await onButton(interaction, account, arrived);
      else if (interaction.isModalSubmit()) await onModalSubmit(interaction, account);
    };
    try {
      await options.lifecycle.track(work());
    } catch (error) {
      // Sending the answer itself failed (REST down past its retries, interaction expired): nobody to tell but the log.
      account.outcome = 'error';
      account.error = errorSummary(error);
    }
    recordInteraction({ log: logger, ids: context(interaction), metrics: options.metrics }, meta, {
      ...account,
      latencyMs: performance.now() - started,
    });
  };
}
