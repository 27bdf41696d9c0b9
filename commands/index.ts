import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from '../src/core/command.js';

/** Where a command that gives no `order` is listed: after the ones written before it, before /help. */
const UNNUMBERED = 500;

/**
 * A command module: every other `.ts` file here (`.js` once compiled to
 * dist/), its default export the command. Declaration files, source maps
 * and this file are not commands.
 */
const COMMAND_FILE = /^(?!index\.)[\w-]+\.(?:ts|js)$/;

function isCommand(value: unknown): value is Command {
  const command = value as Partial<Command> | undefined;
  return typeof command?.name === 'string' && typeof command.description === 'string';
}

/**
 * Every command in `dir`, in /help order (`order`, then name). Found by
 * listing the folder, so a new command is one new file; the same code
 * finds the sources under tsx and the compiled files in dist/.
 */
export async function findCommands(dir: string): Promise<Command[]> {
  const files = (await readdir(dir)).filter((file) => COMMAND_FILE.test(file)).sort();
  const found = await Promise.all(
    files.map(async (file) => {
      const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
      if (!isCommand(module.default)) {
        throw new Error(
          `${path.join(dir, file)} has no command as its default export (export default defineCommand(...))`,
        );
      }
      return module.default;
    }),
  );
  const names = new Set<string>();
  for (const command of found) {
    if (names.has(command.name)) throw new Error(`two files in ${dir} declare the command /${command.name}`);
    names.add(command.name);
  }
  const byName = (a: Command, b: Command) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return found.sort((a, b) => (a.order ?? UNNUMBERED) - (b.order ?? UNNUMBERED) || byName(a, b));
}

/** Every slash command in this folder, in /help order. Only entry points take it; adapters are given theirs. */
export const commands: readonly Command[] = await findCommands(import.meta.dirname);
