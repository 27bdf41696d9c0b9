import { suggest } from '../content/check.js';
import { commandOfAction, StaleAction, StaleInput } from './action.js';
import {
  type Args,
  type Command,
  type CommandContext,
  exampleOf,
  type OptionSpec,
  type RawArgs,
  type SampleKind,
  type Subcommand,
} from './command.js';
import type { CommandLine } from './command-line.js';
import { withoutInvisible } from './display-safe.js';
import { UserError } from './errors.js';
import { requirePermission } from './permissions.js';
import type { Reply } from './reply.js';
import { samplesOf } from './samples.js';

/** A command call once the platform's shape is gone: the same from Discord, Slack and the console. */
export interface Invocation {
  name: string;
  subcommand?: string;
  args: RawArgs;
}

function nearest(wanted: string, names: string[]): string {
  const hint = suggest(wanted, names);
  return hint ? ` Did you mean ${hint}?` : '';
}

export function findCommand(commands: readonly Command[], name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const names = commands.map((c) => c.name);
    const hint = suggest(name, names);
    throw new UserError(
      `There is no /${name} command.${hint ? ` Did you mean /${hint}?` : ''} Try /help for the list.`,
    );
  }
  return command;
}

function optionsOf(command: Command, subcommand?: string): { options: readonly OptionSpec[]; label: string } {
  if (!command.subcommands) return { options: command.options ?? [], label: `/${command.name}` };
  const names = command.subcommands.map((s) => s.name);
  if (!subcommand) {
    throw new UserError(
      `/${command.name} needs one of: ${names.join(', ')}. For example: /${command.name} ${names[0]}`,
    );
  }
  const sub = command.subcommands.find((s) => s.name === subcommand);
  if (!sub) {
    throw new UserError(
      `/${command.name} has no "${subcommand}".${nearest(subcommand, names)} Choose from: ${names.join(', ')}.`,
    );
  }
  return { options: sub.options, label: `/${command.name} ${sub.name}` };
}

type Samples = Readonly<Record<SampleKind, string>>;

function example(label: string, option: OptionSpec, samples?: Samples): string {
  return `${label} ${option.required ? '' : `${option.name}:`}${exampleOf(option, samples) ?? `<${option.name}>`}`;
}

/**
 * The longest value any option takes. Topics, dates and names are short;
 * a longer value is refused before anything reads it, so no input can hold
 * the process up in fuzzy matching or parsing.
 */
export const MAX_OPTION_CHARS = 300;

/**
 * Checks the declared constraints every platform shares (required, integer
 * range, fixed choices) and gives each value its declared type, so run()
 * never parses a number again. `samples`: the loaded pack's examples
 * (samplesOf), so a message suggests a value this pack knows.
 */
export function validateArgs(options: readonly OptionSpec[], args: RawArgs, label: string, samples?: Samples): Args {
  const known = new Set(options.map((o) => o.name));
  for (const name of Object.keys(args)) {
    if (args[name] !== undefined && !known.has(name)) {
      const list = options.length ? ` It takes: ${options.map((o) => o.name).join(', ')}.` : ' It takes no options.';
      throw new UserError(`${label} has no option "${name}".${nearest(name, [...known])}${list}`);
    }
  }
  const out: Record<string, string | number | undefined> = {};
  for (const option of options) {
    // Invisible characters (NUL, an RTL override, a zero-width space) never help a value and would be echoed back.
    const given = args[option.name];
    if (given !== undefined && given.length > MAX_OPTION_CHARS)
      throw new UserError(
        `${option.name} is too long (${given.length.toLocaleString('en-US')} characters): keep it under ${MAX_OPTION_CHARS}.`,
      );
    const raw = given === undefined ? undefined : withoutInvisible(given).trim();
    if (raw === undefined || raw === '') {
      if (option.required)
        throw new UserError(
          `${label} needs ${option.name}: ${option.description}. For example: ${example(label, option, samples)}`,
        );
      continue;
    }
    let value: string | number = raw;
    if (option.type === 'integer') {
      value = Number(raw);
      const range = option.min !== undefined && option.max !== undefined ? ` from ${option.min} to ${option.max}` : '';
      if (
        !/^-?\d+$/.test(raw) ||
        (option.min !== undefined && value < option.min) ||
        (option.max !== undefined && value > option.max)
      ) {
        throw new UserError(
          `${option.name} must be a whole number${range}; "${raw.slice(0, 40)}" is not. For example: ${option.name}:${exampleOf(option, samples) ?? option.min ?? 1}`,
        );
      }
    }
    if (option.choices && !option.choices.some((c) => c.value === raw)) {
      const values = option.choices.map((c) => c.value);
      throw new UserError(`${option.name} must be one of: ${values.join(', ')}.${nearest(raw.toLowerCase(), values)}`);
    }
    out[option.name] = value;
  }
  return out;
}

/**
 * Maps a typed line onto a command's options: bare words fill the options in
 * declared order (the last one takes the rest, so `/who Polad Hashimov`
 * works), and `name:value` sets an option by name.
 */
export function resolveLine(commands: readonly Command[], line: CommandLine): Invocation {
  const command = findCommand(commands, line.name);
  const words = [...line.words];
  const subcommand = command.subcommands ? words.shift()?.toLowerCase() : undefined;
  const { options } = optionsOf(command, subcommand);
  const args: Record<string, string> = { ...line.named };
  const free = options.filter((o) => args[o.name] === undefined);
  free.forEach((option, index) => {
    if (words.length === 0) return;
    args[option.name] = index === free.length - 1 ? words.splice(0).join(' ') : (words.shift() as string);
  });
  if (words.length > 0) {
    const label = subcommand ? `/${command.name} ${subcommand}` : `/${command.name}`;
    throw new UserError(`${label} does not take "${words.join(' ')}". Try /help ${command.name}.`);
  }
  return { name: command.name, subcommand, args };
}

export async function dispatch(commands: readonly Command[], call: Invocation, ctx: CommandContext): Promise<Reply> {
  const command = findCommand(commands, call.name);
  const { options, label } = optionsOf(command, call.subcommand);
  const args = validateArgs(options, call.args, label, samplesOf(ctx.pack));
  const served = { ...ctx, commands };
  if (command.subcommands) {
    const sub = command.subcommands.find((s) => s.name === call.subcommand) as Subcommand;
    const open = () =>
      command.requires
        ? []
        : (command.subcommands ?? []).filter((s) => !s.requires).map((s) => `/${command.name} ${s.name}`);
    requirePermission(ctx.caller, command.requires ?? sub.requires, label, open);
    return sub.run(args, served);
  }
  requirePermission(ctx.caller, command.requires, label, () => []);
  if (!command.run) throw new Error(`command /${command.name} has neither run() nor subcommands`);
  return command.run(args, served);
}

/**
 * Routes a clicked choice to the command whose name prefixes its action
 * (`quiz:answer:...`), and there to the handler of that action. An action
 * nobody reads any more, or whose game or item is gone, is a stale button.
 */
export async function dispatchChoice(
  commands: readonly Command[],
  action: string,
  ctx: CommandContext,
): Promise<Reply> {
  const reply = await handlerFor(commands, action, (c) => c.actions)?.handle(action, ctx);
  if (!reply) throw new StaleAction();
  return reply;
}

/** The handler an action string names: its command's, the one whose name prefixes it. */
function handlerFor<H extends { readonly name: string }>(
  commands: readonly Command[],
  action: string,
  of: (command: Command) => readonly H[] | undefined,
): H | undefined {
  const command = commands.find((c) => c.name === commandOfAction(action));
  return ((command && of(command)) ?? []).find((h) => action === h.name || action.startsWith(`${h.name}:`));
}

/**
 * Routes text typed in answer to a Reply's `input` (a modal, the console's
 * next line) to the command whose name prefixes its action. The text is
 * passed as typed, but for invisible formatting characters.
 */
export async function dispatchInput(
  commands: readonly Command[],
  action: string,
  text: string,
  ctx: CommandContext,
): Promise<Reply> {
  const reply = await handlerFor(commands, action, (c) => c.inputs)?.handle(action, withoutInvisible(text), ctx);
  if (!reply) throw new StaleInput();
  return reply;
}
