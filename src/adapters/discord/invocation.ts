import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { Command, OptionSpec } from '../../core/command.js';
import type { Invocation } from '../../core/dispatch.js';

/**
 * A slash command as the core sees it. Discord sends typed values (numbers
 * for integer options); commands take what the user typed, so every value
 * becomes a string and goes through the same parsers as Slack and the console.
 */
export function invocationOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Invocation {
  let options: readonly CommandInteractionOption[] = interaction.options.data;
  let subcommand: string | undefined;
  const first = options[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = first.name;
    options = first.options ?? [];
  }
  const args: Record<string, string> = {};
  for (const option of options) {
    if (option.value !== undefined && option.value !== null) args[option.name] = String(option.value);
  }
  return { name: interaction.commandName, subcommand, args };
}

/** The declared option a user is typing into, so autocomplete knows where to look. */
export function optionSpecOf(
  commands: readonly Command[],
  call: { name: string; subcommand?: string },
  optionName: string,
): OptionSpec | undefined {
  const command = commands.find((c) => c.name === call.name);
  const options = command?.subcommands
    ? command.subcommands.find((s) => s.name === call.subcommand)?.options
    : command?.options;
  return options?.find((o) => o.name === optionName);
}
