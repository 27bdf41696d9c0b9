import type { Command, OptionSpec } from '../../core/command.js';
import { type SlackCommandStyle, topLevelCommands } from './command-names.js';
import { UMBRELLA_COMMAND } from './slash.js';

/**
 * The bot scopes Chronicle uses, and why; nothing else is asked for.
 * Replies to slash commands and clicks go through response_url, which needs no scope.
 */
export const BOT_SCOPES = {
  commands: 'slash commands',
  'chat:write':
    'quiz rounds, reveals, standings and briefings posted in channels the bot was invited to; chat.update for the live answer count',
  'files:write': 'pictures (timeline charts, maps) uploaded beside a reply',
  'users:read': 'users.info tells whether someone is a workspace admin, who may manage briefings and stop any quiz',
} as const;

export const REQUEST_URL_PLACEHOLDER = 'https://YOUR-CHRONICLE-HOST.example.com/slack/events';

export interface ManifestOptions {
  /** Socket Mode: no public URL, events over a WebSocket opened with the app token. */
  socket?: boolean;
  /** Public base URL of this server (HTTP mode), e.g. https://chronicle.example.org; a placeholder when unset. */
  baseUrl?: string;
  name?: string;
  /** namespaced (default): only /chronicle <command>; flat: each command by name too, minus Slack's own. */
  style?: SlackCommandStyle;
}

function hint(options: readonly OptionSpec[]): string {
  return options.map((o) => (o.required ? (o.example ?? `<${o.name}>`) : `[${o.name}:${o.example ?? '…'}]`)).join(' ');
}

/**
 * The usage hint Slack shows as you type: the same syntax the parser takes,
 * with the examples that hold for any pack (YYYY-MM, not a month of this
 * one), so the manifest is the same whichever pack the bot serves.
 */
export function usageHint(command: Command): string {
  const text = command.subcommands
    ? command.subcommands.map((s) => [s.name, hint(s.options)].filter(Boolean).join(' ')).join(' | ')
    : hint(command.options ?? []);
  return text.length <= 1000 ? text : `${text.slice(0, 999)}…`;
}

function requestUrl(options: ManifestOptions): string {
  if (!options.baseUrl) return REQUEST_URL_PLACEHOLDER;
  return `${options.baseUrl.replace(/\/+$/, '')}/slack/events`;
}

/**
 * A Slack app manifest for "Create an app → From a manifest", generated from
 * commands/ so it never drifts from what the bot answers. HTTP mode points
 * commands and interactivity at POST /slack/events; Socket Mode has no URLs.
 */
export function slackManifest(commands: readonly Command[], options: ManifestOptions = {}): Record<string, unknown> {
  const name = options.name ?? 'Chronicle';
  const url = options.socket ? undefined : requestUrl(options);
  const own = new Set(topLevelCommands(commands, options.style ?? 'namespaced'));
  const slash = [
    {
      command: `/${UMBRELLA_COMMAND}`,
      description: 'Every Chronicle command: /chronicle timeline YYYY-MM, /chronicle quiz start, /chronicle help',
      usage_hint: `${commands.map((c) => c.name).join(' | ')} …`.slice(0, 1000),
    },
    ...commands
      .filter((c) => own.has(c.name))
      .map((c) => ({ command: `/${c.name}`, description: c.description, usage_hint: usageHint(c) })),
  ].map(({ usage_hint, ...c }) => ({
    ...c,
    description: c.description.slice(0, 2000),
    // Slack rejects an empty hint; a command without options simply has none.
    ...(usage_hint ? { usage_hint } : {}),
    ...(url ? { url } : {}),
    should_escape: false,
  }));
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Quiz games and daily briefings from attributed, sourced reporting.'.slice(0, 140),
      background_color: '#2c3e50',
    },
    features: {
      bot_user: { display_name: name.toLowerCase().replace(/[^a-z0-9._-]/g, '-'), always_online: true },
      slash_commands: slash,
    },
    oauth_config: { scopes: { bot: Object.keys(BOT_SCOPES) } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socket === true,
      token_rotation_enabled: false,
    },
  };
}
