import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../commands/index.js';
import { SLACK_BUILT_IN_COMMANDS } from '../../src/adapters/slack/command-names.js';
import { BOT_SCOPES, REQUEST_URL_PLACEHOLDER, slackManifest } from '../../src/adapters/slack/manifest.js';

const run = promisify(execFile);

interface SlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}
interface Manifest {
  display_information: { name: string; description: string };
  features: { bot_user: { display_name: string }; slash_commands: SlashCommand[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
}

async function cli(...args: string[]): Promise<{ stdout: string; code: number; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/chronicle.js', 'manifest', ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('the Slack app manifest', () => {
  it('registers one namespaced command by default, /chronicle <command>, as /jira and /polly do', () => {
    const slash = (slackManifest(commands) as unknown as Manifest).features.slash_commands;
    expect(slash.map((c) => c.command)).toEqual(['/chronicle']);
    expect(slash[0]?.usage_hint).toMatch(/^timeline \| map \| event .* \| help …$/);
  });

  it('--flat adds each command by name, never one of Slack’s built-in names, with the parser’s syntax as hint', () => {
    const manifest = slackManifest(commands, { style: 'flat' }) as unknown as Manifest;
    const slash = manifest.features.slash_commands;
    const flat = commands.map((c) => c.name).filter((n) => !['who', 'help'].includes(n));
    expect(slash.map((c) => c.command)).toEqual(['/chronicle', ...flat.map((n) => `/${n}`)]);
    for (const c of slash) expect(SLACK_BUILT_IN_COMMANDS.has(c.command.slice(1))).toBe(false);
    for (const c of slash) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.usage_hint === undefined || (c.usage_hint.length > 0 && c.usage_hint.length <= 1000)).toBe(true);
      expect(c.should_escape).toBe(false);
    }
    const timeline = slash.find((c) => c.command === '/timeline');
    // The same manifest whichever pack the bot serves: examples that hold for any pack, none of one pack's names.
    expect(timeline?.usage_hint).toBe('YYYY-MM [topic:…]');
    expect(slash.find((c) => c.command === '/quiz')?.usage_hint).toMatch(/^start \[rounds:5\].* \| stop \| score$/);
  });

  it('asks for exactly the bot scopes the adapter uses', () => {
    const manifest = slackManifest(commands) as unknown as Manifest;
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'commands', 'files:write', 'users:read']);
    expect(Object.keys(BOT_SCOPES).sort()).toEqual(manifest.oauth_config.scopes.bot);
  });

  it('HTTP mode: commands and interactivity point at /slack/events, a placeholder until --url is given', () => {
    const placeholder = slackManifest(commands) as unknown as Manifest;
    expect(placeholder.settings).toMatchObject({ socket_mode_enabled: false, interactivity: { is_enabled: true } });
    expect(placeholder.settings.interactivity.request_url).toBe(REQUEST_URL_PLACEHOLDER);
    for (const c of placeholder.features.slash_commands) expect(c.url).toBe(REQUEST_URL_PLACEHOLDER);
    const real = slackManifest(commands, { baseUrl: 'https://bot.example.org/' }) as unknown as Manifest;
    expect(real.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
  });

  it('Socket Mode: no URLs anywhere, socket_mode_enabled on', () => {
    const manifest = slackManifest(commands, { socket: true }) as unknown as Manifest;
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(JSON.stringify(manifest)).not.toContain('http');
  });

  it('`npx chronicle manifest slack` prints it as JSON, or YAML with --yaml', async () => {
    const json = await cli('slack', '--url', 'https://bot.example.org');
    expect(json.code).toBe(0);
    const manifest = JSON.parse(json.stdout) as Manifest;
    expect(manifest.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
    const yaml = await cli('slack', '--socket', '--yaml');
    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(slackManifest(commands, { socket: true }));
    const flat = JSON.parse((await cli('slack', '--flat')).stdout) as Manifest;
    expect(flat).toEqual(slackManifest(commands, { style: 'flat' }));
  });

  it('refuses a bad --url or an unknown platform with usage that says how', async () => {
    const bad = await cli('slack', '--url', 'http://insecure.example.org');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/https:\/\//);
    const unknown = await cli('teams');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/usage: chronicle manifest slack/);
  });
});
