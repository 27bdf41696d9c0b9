import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { APOLOGY as DISCORD_APOLOGY } from '../../src/adapters/discord/interactions.js';
import { APOLOGY as SLACK_APOLOGY } from '../../src/adapters/slack/outcome.js';
import type { OptionSpec } from '../../src/core/command.js';
import { type Harness as DiscordHarness, interact, startHarness as startDiscord, textOf } from '../discord/harness.js';
import { slashCommand } from '../fakes/discord/interactions.js';
import { type Harness as SlackHarness, startHarness as startSlack } from '../slack/harness.js';

/**
 * Every option of every command, through the real Bolt app and the real
 * discord.js client, with values a person (or a script) might send: the
 * largest each platform lets through, control characters, NUL, lone
 * surrogates, RTL overrides, combining marks, emoji sequences, and random
 * strings from fast-check (bounded runs). Each must get a reply that is
 * neither empty, nor the "something went wrong" apology, nor a stack trace.
 */

const STACK = /\n\s+at .+:\d+:\d+/;
const RUNS = 3;

/** Slack delivers whatever was typed; 100 KB stands for "far more than anyone types". */
const SLACK_MAX = 100 * 1024;
/** Discord's limit on a string option value. */
const DISCORD_MAX = 6_000;

function edgeCases(max: number): string[] {
  return [
    'a'.repeat(max),
    '2020-10'.repeat(Math.floor(max / 7)),
    'e\u0301'.repeat(Math.floor(max / 2)),
    '\u0000',
    'Ganja\u0000',
    '\u0001\u0007\u0008\u001b[31mred\u001b[0m\u007f',
    '\r\n\t\v\f',
    '\u202Eevil\u202C',
    'שלום עולם',
    'أذربيجان',
    '👩‍👩‍👧‍👦🇦🇲🇦🇿✊🏽',
    '\uD800',
    '\uDFFF\uD800',
    '\u200B\u200D\uFEFF',
    '   ',
    '*_~`>|',
    '<@U123> <!channel> @everyone',
  ];
}

const randomValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

interface Target {
  command: string;
  subcommand?: string;
  option: OptionSpec;
}

/** Every (command, subcommand, option) the registry declares. */
function targets(): Target[] {
  const all: Target[] = [];
  for (const command of commands) {
    for (const sub of command.subcommands ?? [undefined]) {
      for (const option of sub ? sub.options : (command.options ?? [])) {
        all.push({ command: command.name, subcommand: sub?.name, option });
      }
    }
  }
  return all;
}

function expectPolite(text: string, apology: string, what: string): void {
  expect(text.trim().length, `${what}: empty reply`).toBeGreaterThan(0);
  expect(text, `${what}: stack trace`).not.toMatch(STACK);
  expect(text, `${what}: apology (an unexpected error)`).not.toContain(apology);
}

function label(t: Target, value: string): string {
  return `/${t.command}${t.subcommand ? ` ${t.subcommand}` : ''} ${t.option.name}: ${JSON.stringify(value.slice(0, 40))} (${value.length} chars)`;
}

describe('oversized and malformed input on every option, through Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    // Everything answers in the ack, so the reply the user sees is in the HTTP answer.
    h = await startSlack({ ackBudgetMs: 20_000 });
  });
  afterAll(() => h.stop());

  const send = async (t: Target, value: string) => {
    const text = `${t.subcommand ? `${t.subcommand} ` : ''}${t.option.name}:${value}`;
    const answer = await h.command(`/${t.command}`, text);
    expect(answer.status, label(t, value)).toBe(200);
    expectPolite(answer.text, SLACK_APOLOGY, label(t, value));
  };

  for (const t of targets()) {
    it(`proves /${t.command}${t.subcommand ? ` ${t.subcommand}` : ''} ${t.option.name} answers politely`, async () => {
      for (const value of edgeCases(SLACK_MAX)) await send(t, value);
      await fc.assert(
        fc.asyncProperty(randomValue, (value) => send(t, value)),
        { numRuns: RUNS },
      );
    }, 60_000);
  }
});

describe('oversized and malformed input on every option, through Discord', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscord();
  });
  afterAll(() => h.close());

  const send = async (t: Target, value: string | number) => {
    const interaction = slashCommand({
      name: t.command,
      subcommand: t.subcommand,
      options: { [t.option.name]: value },
    });
    const answer = await interact(h.fake, interaction);
    expectPolite(textOf(answer.message), DISCORD_APOLOGY, label(t, String(value)));
  };

  for (const t of targets()) {
    it(`proves /${t.command}${t.subcommand ? ` ${t.subcommand}` : ''} ${t.option.name} answers politely`, async () => {
      if (t.option.type === 'integer') {
        // Discord checks integer ranges itself; a client that skips the check still gets a polite answer.
        for (const value of [0, -1, 2 ** 31, -(2 ** 53) + 1, Number.MAX_SAFE_INTEGER]) await send(t, value);
        await fc.assert(
          fc.asyncProperty(fc.integer(), (value) => send(t, value)),
          { numRuns: RUNS },
        );
        return;
      }
      for (const value of edgeCases(DISCORD_MAX)) await send(t, value);
      await fc.assert(
        fc.asyncProperty(randomValue, (value) => send(t, value)),
        { numRuns: RUNS },
      );
    }, 60_000);
  }
});
