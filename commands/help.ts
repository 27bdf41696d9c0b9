import { asTyped, type Command, defineCommand, exampleOf, type OptionSpec } from '../src/core/command.js';
import { findCommand } from '../src/core/dispatch.js';
import { type PackSamples, samplesOf } from '../src/core/samples.js';
import { makeReply } from '../src/engine/text.js';

function syntax(prefix: string, options: readonly OptionSpec[], samples?: PackSamples): string {
  const parts = options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}:${exampleOf(o, samples) ?? '…'}]`));
  return [prefix, ...parts].join(' ');
}

function optionLines(options: readonly OptionSpec[]): string[] {
  return options.map((o) => {
    const range = o.min !== undefined && o.max !== undefined ? ` (${o.min}–${o.max})` : '';
    const choices = o.choices ? ` (one of ${o.choices.map((c) => c.value).join(', ')})` : '';
    return `  ${o.name}${o.required ? '' : ' (optional)'}: ${o.description}${range}${choices}`;
  });
}

/** Usage lines of one command, subcommands included, with examples from the pack: the same text every platform shows. */
export function usageOf(command: Command, samples?: PackSamples): string[] {
  if (command.subcommands) {
    return command.subcommands.flatMap((s) => [
      `${syntax(`/${command.name} ${s.name}`, s.options, samples)}: ${s.description}`,
      ...optionLines(s.options),
    ]);
  }
  return [
    `${syntax(`/${command.name}`, command.options ?? [], samples)}: ${command.description}`,
    ...optionLines(command.options ?? []),
  ];
}

/** What the pack is, and how to ask it, in its own names: "/timeline 1969-07 topic:Houston". */
function aboutPack(title: string, samples: PackSamples): string {
  const topic = asTyped(samples.topic);
  const alias = samples.alias
    ? ` Any spelling the pack knows works: ${samples.alias.alias} finds ${samples.alias.name}.`
    : '';
  return (
    `This pack: ${title}.\n` +
    `Options go in order or by name: /timeline ${samples.month} topic:${topic}.${alias} ` +
    'Every claim shown names who made it, as of when, and the article.'
  );
}

export default defineCommand({
  name: 'help',
  description: 'What each command does, or the details of one',
  // Last: it lists the others.
  order: 1000,
  options: [{ name: 'command', description: 'A command name, like timeline or quiz', type: 'string', example: 'quiz' }],
  async run(args, ctx) {
    const samples = samplesOf(ctx.pack);
    const commands = ctx.commands ?? [];
    if (args.command) {
      const command = findCommand(commands, args.command.replace(/^\//, '').toLowerCase());
      const body = [...usageOf(command, samples), ...(command.help ? ['', command.help] : [])].join('\n');
      return makeReply({ title: `/${command.name}`, body, visibility: 'private' });
    }
    const body = commands.map((c) => `/${c.name}: ${c.description}`).join('\n');
    return makeReply({
      title: 'Chronicle commands',
      body: `${body}\n\n${aboutPack(ctx.pack.meta.title, samples)}`,
      footer: '/help <command> for details',
      visibility: 'private',
    });
  },
});
