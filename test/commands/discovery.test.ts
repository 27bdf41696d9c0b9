import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, findCommands } from '../../commands/index.js';
import { PROJECT_ROOT } from '../../src/config.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder of compiled command modules, as dist/commands/ holds them. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-commands-'));
  folders.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const command = (name: string, order?: number) =>
  `export default { name: '${name}', description: 'The ${name} command'${order === undefined ? '' : `, order: ${order}`} };`;

describe('the commands served', () => {
  it('are every file in commands/, in /help order, with no list to keep', () => {
    const files = readdirSync(path.join(PROJECT_ROOT, 'commands'))
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(commands.map((c) => c.name).sort()).toEqual(files.sort());
    expect(commands.map((c) => c.name)).toEqual([
      'timeline',
      'map',
      'event',
      'fact',
      'who',
      'where',
      'sources',
      'quiz',
      'stats',
      'leaderboard',
      'review',
      'briefing',
      'help',
    ]);
  });

  it('take in a new file as a new command, by its order and then its name, leaving out what is not a command', async () => {
    const dir = folder({
      'zebra.js': command('zebra'),
      'aardvark.js': command('aardvark'),
      'last.js': command('last', 1000),
      'first.js': command('first', 10),
      'index.js': 'export const commands = [];',
      'first.js.map': '{}',
    });
    expect((await findCommands(dir)).map((c) => c.name)).toEqual(['first', 'aardvark', 'zebra', 'last']);
  });

  it('refuse a file that exports no command, naming it', async () => {
    const dir = folder({ 'helper.js': 'export const shared = 1;' });
    await expect(findCommands(dir)).rejects.toThrow(
      `${path.join(dir, 'helper.js')} has no command as its default export`,
    );
  });

  it('refuse two files declaring the same name', async () => {
    const dir = folder({ 'one.js': command('same'), 'two.js': command('same') });
    await expect(findCommands(dir)).rejects.toThrow('declare the command /same');
  });
});
