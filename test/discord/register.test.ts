import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { commandJson } from '../../src/adapters/discord/definitions.js';
import { registerCommands } from '../../src/adapters/discord/register.js';
import type { Command } from '../../src/core/command.js';
import { FAKE_APPLICATION_ID, FAKE_GUILD_ID, FAKE_TOKEN, FakeDiscord } from '../fakes/discord/server.js';

interface OptionJson {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  choices?: unknown[];
  options?: OptionJson[];
}

function run(fake: FakeDiscord, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/chronicle.js', 'register', ...args], {
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
        DISCORD_API_URL: fake.apiUrl,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('registering the slash commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const options = () => ({ commands, token: FAKE_TOKEN, applicationId: FAKE_APPLICATION_ID, apiUrl: fake.apiUrl });
  const puts = () => fake.rest.requests.filter((r) => r.method === 'PUT');

  it('builds every command with discord.js’s builders: types, required first, choices, ranges, autocomplete', () => {
    for (const command of commands) {
      const json = commandJson(command);
      expect(json.name).toBe(command.name);
      const lists = command.subcommands
        ? (json.options as OptionJson[]).map((sub) => {
            expect(sub.type).toBe(1);
            return [command.subcommands?.find((s) => s.name === sub.name)?.options ?? [], sub.options ?? []] as const;
          })
        : [[command.options ?? [], (json.options as OptionJson[] | undefined) ?? []] as const];
      for (const [specs, built] of lists) {
        expect(built.map((o) => o.name).sort()).toEqual(specs.map((s) => s.name).sort());
        const required = built.map((o) => o.required === true);
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
        for (const spec of specs) {
          const o = built.find((b) => b.name === spec.name) as OptionJson;
          expect(o.type).toBe(spec.type === 'integer' ? 4 : 3);
          expect(o.min_value).toBe(spec.min);
          expect(o.max_value).toBe(spec.max);
          expect(o.autocomplete ?? false).toBe(Boolean(spec.autocomplete) && !spec.choices?.length);
          expect(o.choices?.length ?? 0).toBe(spec.choices?.length ?? 0);
        }
      }
    }
    const quizStart = (commandJson(commands.find((c) => c.name === 'quiz') as Command).options as OptionJson[])[0];
    expect(quizStart?.options?.find((o) => o.name === 'rounds')).toMatchObject({
      type: 4,
      min_value: 1,
      max_value: 20,
    });
  });

  it('refuses, before any API call, an option with more choices than Discord allows', () => {
    const tooMany: Command = {
      name: 'pick',
      description: 'x',
      options: [
        {
          name: 'one',
          description: 'x',
          type: 'string',
          choices: Array.from({ length: 30 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })),
        },
      ],
      run: async () => ({ text: 'x', visibility: 'private' }),
    };
    expect(() => commandJson(tooMany)).toThrow(/has 30 choices; Discord allows 25/);
  });

  it('bulk-overwrites the global commands once, and skips the PUT when nothing changed', async () => {
    expect(await registerCommands(options())).toEqual({ scope: 'global', changed: true, count: commands.length });
    expect(puts().map((r) => r.path)).toEqual([`/applications/${FAKE_APPLICATION_ID}/commands`]);
    expect(puts()[0]?.body).toHaveLength(commands.length);

    expect(await registerCommands(options())).toEqual({ scope: 'global', changed: false, count: commands.length });
    expect(puts()).toHaveLength(1);
  });

  it('overwrites again when a command changes', async () => {
    const changed = commands.map((c) => (c.name === 'help' ? { ...c, description: `${c.description} (new)` } : c));
    expect((await registerCommands({ ...options(), commands: changed })).changed).toBe(true);
    expect(puts()).toHaveLength(2);
    await registerCommands(options());
  });

  it('runs as `chronicle register discord --guild ID`, then finds nothing to do', async () => {
    const first = await run(fake, ['discord', '--guild', FAKE_GUILD_ID]);
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({
      code: 0,
      stdout: `registered ${commands.length} commands for server ${FAKE_GUILD_ID}\n`,
    });
    expect(fake.rest.commands.get(FAKE_GUILD_ID)?.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    const second = await run(fake, ['discord', '--guild', FAKE_GUILD_ID]);
    expect(second.stdout).toMatch(/already registered .*; nothing to do/);
  });

  it('explains what is missing when the token is not set', async () => {
    const child = spawn(process.execPath, ['bin/chronicle.js', 'register', 'discord'], {
      env: { PATH: process.env.PATH },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/set DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });
});
