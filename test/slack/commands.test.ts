import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { APOLOGY } from '../../src/adapters/slack/outcome.js';
import type { Command, OptionSpec } from '../../src/core/command.js';
import { ALICE, BOB, CHANNEL, type Harness, startHarness, TEAM } from './harness.js';

interface Body {
  response_type: 'in_channel' | 'ephemeral';
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
}

/** Invocations that mean something against the fixture pack, with what each must show. */
const KNOWN: Record<string, { text: string; visibility: Body['response_type']; shows: RegExp[] }[]> = {
  timeline: [
    { text: '2020-09', visibility: 'in_channel', shows: [/Timeline: September 2020/, /Large-scale fighting/] },
    {
      text: '2020-09 topic:Tavush',
      visibility: 'in_channel',
      shows: [/Nothing in the pack about Tavush/, /Nearest before/],
    },
  ],
  event: [
    {
      text: 'war-begins-2020-09-27',
      visibility: 'in_channel',
      shows: [/According to Armenia, as of 28 September 2020/],
    },
  ],
  fact: [{ text: '', visibility: 'in_channel', shows: [/World Socialist Web Site/] }],
  who: [{ text: 'Olesya Vartanyan', visibility: 'in_channel', shows: [/analyst of the International Crisis Group/] }],
  where: [{ text: 'Tavush', visibility: 'in_channel', shows: [/Tayush/, /Clashes at Tavush and Tovuz/] }],
  sources: [{ text: '', visibility: 'in_channel', shows: [/Perspective: Trotskyist anti-war site/] }],
  help: [
    // The Slack syntax: required options in order, optional ones as name:value, with the fixture pack's own examples.
    { text: '', visibility: 'ephemeral', shows: [/\/chronicle timeline 2020-07 topic:Tavush/] },
    { text: 'timeline', visibility: 'ephemeral', shows: [/\/chronicle timeline &lt;when&gt; \[topic:Tavush\]/] },
  ],
  quiz: [
    { text: 'start rounds:2', visibility: 'in_channel', shows: [/alice started a quiz: 2 questions/] },
    { text: 'score', visibility: 'in_channel', shows: [/Standings so far/] },
    { text: 'stop', visibility: 'ephemeral', shows: [/Quiz stopped/] },
  ],
  briefing: [
    { text: 'status', visibility: 'ephemeral', shows: [/no daily briefing/] },
    { text: 'preview', visibility: 'ephemeral', shows: [/Preview, seen only by you/] },
  ],
};

function exampleLine(options: readonly OptionSpec[]): string {
  return options
    .filter((o) => o.required)
    .map((o) => o.example ?? 'x')
    .join(' ');
}

/** For a command this file does not know yet: its required options filled from their declared examples. */
function genericInvocations(command: Command): string[] {
  if (command.subcommands) return command.subcommands.map((s) => `${s.name} ${exampleLine(s.options)}`.trim());
  return [exampleLine(command.options ?? [])];
}

function shown(body: Body): string {
  return JSON.stringify(body.blocks);
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('every registered command as a Slack slash command', () => {
  for (const command of commands) {
    const known = KNOWN[command.name];
    const cases = known ?? genericInvocations(command).map((text) => ({ text, visibility: undefined, shows: [] }));
    for (const c of cases) {
      it(`/${command.name} ${c.text}`.trim(), async () => {
        const answer = await h.command(`/${command.name}`, c.text);
        expect(answer.status).toBe(200);
        const body = answer.body as Body;
        expect(body.text).not.toBe(APOLOGY);
        expect(body.text.length).toBeGreaterThan(0);
        expect(body.blocks.length).toBeGreaterThan(0);
        if (c.visibility) expect(body.response_type).toBe(c.visibility);
        for (const pattern of c.shows) expect(shown(body)).toMatch(pattern);
        const errors = h.logs.filter((l) => l.level >= 50 && l.command === command.name);
        expect(errors).toEqual([]);
      });
    }
  }

  it('answers every subcommand of every command without an apology', async () => {
    for (const command of commands) {
      for (const text of genericInvocations(command)) {
        const answer = await h.command(`/${command.name}`, text, BOB);
        expect(answer.status, `/${command.name} ${text}`).toBe(200);
        expect((answer.body as Body).text, `/${command.name} ${text}`).not.toBe(APOLOGY);
      }
    }
    // Each command and subcommand went through the adapter and was accounted for as a Slack interaction.
    const logged = new Set(
      h.logs
        .filter((l) => l.event === 'interaction' && l.platform === 'slack')
        .map((l) => [l.command, l.subcommand].filter(Boolean).join(' ')),
    );
    for (const command of commands) {
      for (const name of command.subcommands?.map((s) => `${command.name} ${s.name}`) ?? [command.name]) {
        expect(logged, name).toContain(name);
      }
    }
  });

  it('logs the interaction once with who and where as ids, and the option names only', async () => {
    const before = h.logs.length;
    await h.command('/timeline', '2020 topic:Tavush', BOB);
    const lines = h.logs.slice(before).filter((l) => l.event === 'interaction');
    expect(lines).toEqual([
      expect.objectContaining({
        userId: BOB.id,
        channelId: CHANNEL,
        teamId: TEAM,
        platform: 'slack',
        command: 'timeline',
        options: expect.arrayContaining(['when', 'topic']),
        outcome: 'ok',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('Tavush');
  });

  it('shows a bad option privately with the shared parser’s advice', async () => {
    const answer = await h.command('/timeline', '2020-13');
    const body = answer.body as Body;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/2020-13/);
    expect(body.text).toMatch(/try/i);
  });

  it('parses optional options as name:value after the positional ones, and quoted phrases whole', async () => {
    const answer = await h.command('/timeline', '2020 topic:"Tavush"');
    expect(shown(answer.body as Body)).toMatch(/Tavush/);
  });

  it('answers in the channel where the command was typed', async () => {
    await h.command('/quiz', 'start rounds:1 seconds:10');
    const round = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && /Question 1 of 1/.test(String(c.body.text)),
    );
    expect(round.body.channel).toBe(CHANNEL);
    await h.command('/quiz', 'stop', ALICE);
  });
});
