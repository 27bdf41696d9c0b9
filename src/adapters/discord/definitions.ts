import {
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { Command, OptionSpec } from '../../core/command.js';
import { clip } from '../../core/text.js';
import { LIMITS } from './limits.js';

function describe(text: string): string {
  return clip(text.trim() || '-', LIMITS.commandDescription);
}

function checkChoices(where: string, option: OptionSpec): void {
  if ((option.choices?.length ?? 0) > LIMITS.optionChoices) {
    throw new Error(
      `${where} option "${option.name}" has ${option.choices?.length} choices; Discord allows ${LIMITS.optionChoices}. Use autocomplete instead.`,
    );
  }
}

function configure<T extends SlashCommandStringOption | SlashCommandIntegerOption>(option: T, spec: OptionSpec): T {
  option
    .setName(spec.name)
    .setDescription(describe(spec.description))
    .setRequired(spec.required ?? false);
  return option;
}

interface OptionHost {
  addStringOption(build: (o: SlashCommandStringOption) => SlashCommandStringOption): unknown;
  addIntegerOption(build: (o: SlashCommandIntegerOption) => SlashCommandIntegerOption): unknown;
}

/** Discord rejects an optional option before a required one, so required ones go first. */
function addOptions(host: OptionHost, options: readonly OptionSpec[], where: string): void {
  const ordered = [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
  for (const spec of ordered) {
    checkChoices(where, spec);
    if (spec.type === 'integer') {
      host.addIntegerOption((o) => {
        configure(o, spec);
        if (spec.min !== undefined) o.setMinValue(spec.min);
        if (spec.max !== undefined) o.setMaxValue(spec.max);
        if (spec.choices?.length) o.addChoices(...spec.choices.map((c) => ({ name: c.name, value: Number(c.value) })));
        else if (spec.autocomplete) o.setAutocomplete(true);
        return o;
      });
    } else {
      host.addStringOption((o) => {
        configure(o, spec);
        if (spec.choices?.length) o.addChoices(...spec.choices);
        else if (spec.autocomplete) o.setAutocomplete(true);
        return o;
      });
    }
  }
}

/**
 * A Command as Discord's application-command JSON. Built with discord.js's
 * own builders, so a name or length Discord would refuse fails here, in the
 * register script, rather than at the API.
 */
export function commandJson(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setDescription(describe(command.description))
    // Games and briefings belong to a server channel; there are no DMs to play in.
    .setContexts(InteractionContextType.Guild);
  if (command.subcommands) {
    for (const sub of command.subcommands) {
      const subBuilder = new SlashCommandSubcommandBuilder()
        .setName(sub.name)
        .setDescription(describe(sub.description));
      addOptions(subBuilder, sub.options, `/${command.name} ${sub.name}`);
      builder.addSubcommand(subBuilder);
    }
  } else {
    addOptions(builder, command.options ?? [], `/${command.name}`);
  }
  return builder.toJSON();
}

export function commandsJson(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map(commandJson);
}
