import type { Command, OptionSpec } from '../src/core/command.js';
import { findCommand } from '../src/core/dispatch.js';
import { makeReply } from '../src/engine/text.js';
import { commands } from './index.js';

function syntax(prefix: string, options: readonly OptionSpec[]): string {
  const parts = options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}:${o.example ?? '…'}]`));
  return [prefix, ...parts].join(' ');
}

function optionLines(options: readonly OptionSpec[]): string[] {
  return options.map((o) => {
    const range = o.min !== undefined && o.max !== undefined ? ` (${o.min}–${o.max})` : '';
    const choices = o.choices ? ` (one of ${o.choices.map((c) => c.value).join(', ')})` : '';
    return `  ${o.name}${o.required ? '' : ' (optional)'}: ${o.description}${range}${choices}`;
  });
}

/** Usage lines of one command, subcommands included: the same text every platform shows. */
export function usageOf(command: Command): string[] {
  if (command.subcommands) {
    return command.subcommands.flatMap((s) => [
      `${syntax(`/${command.name} ${s.name}`, s.options)}: ${s.description}`,
      ...optionLines(s.options),
    ]);
  }
  return [
    `${syntax(`/${command.name}`, command.options ?? [])}: ${command.description}`,
    ...optionLines(command.options ?? []),
  ];
}

export const helpCommand: Command = {
  name: 'help',
  description: 'What each command does, or the details of one',
  options: [{ name: 'command', description: 'A command name, like timeline or quiz', type: 'string', example: 'quiz' }],
  async run(args) {
    if (args.command) {
      const command = findCommand(commands, args.command.replace(/^\//, '').toLowerCase());
      const body = [...usageOf(command), ...(command.help ? ['', command.help] : [])].join('\n');
      return makeReply({ title: `/${command.name}`, body, visibility: 'private' });
    }
    const body = commands.map((c) => `/${c.name}: ${c.description}`).join('\n');
    return makeReply({
      title: 'Chronicle commands',
      body: `${body}\n\nOptions go in order or by name: /timeline 2020-10 topic:Ganja. Every claim shown names who made it, as of when, and the article.`,
      footer: '/help <command> for details',
      visibility: 'private',
    });
  },
};
