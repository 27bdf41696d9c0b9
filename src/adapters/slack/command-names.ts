import type { Command } from '../../core/command.js';
import type { Reply } from '../../core/reply.js';
import { UMBRELLA_COMMAND } from './slash.js';

/**
 * Names Slack keeps for its own built-in commands (its help centre's list),
 * with a few generic ones Slack or common apps claim: an app registering
 * one is refused, or loses it to the other app in some workspaces.
 */
export const SLACK_BUILT_IN_COMMANDS: ReadonlySet<string> = new Set([
  'active',
  'apps',
  'archive',
  'away',
  'call',
  'collapse',
  'dm',
  'dnd',
  'expand',
  'feed',
  'feedback',
  'help',
  'invite',
  'join',
  'kick',
  'leave',
  'me',
  'msg',
  'mute',
  'open',
  'pro',
  'remind',
  'remove',
  'rename',
  'search',
  'shortcuts',
  'shrug',
  'star',
  'status',
  'topic',
  'who',
]);

/**
 * How the Slack app's commands are registered. `namespaced` (the default, by
 * the platform's convention: /jira, /polly): one `/chronicle <command> …`.
 * `flat`: that, plus each command under its own name unless Slack keeps it.
 */
export type SlackCommandStyle = 'namespaced' | 'flat';

/** The commands registered under their own names, besides /chronicle. */
export function topLevelCommands(commands: readonly Command[], style: SlackCommandStyle): string[] {
  if (style === 'namespaced') return [];
  return commands.map((c) => c.name).filter((name) => !SLACK_BUILT_IN_COMMANDS.has(name));
}

/**
 * Rewrites the commands a reply mentions ("/quiz start begins one") into the
 * syntax the workspace's manifest answers ("/chronicle quiz start"), so what
 * the bot tells people to type works. A name after a letter, digit or slash
 * (a URL's path) is not a command.
 */
export function slackSpelling(commands: readonly Command[], style: SlackCommandStyle): (reply: Reply) => Reply {
  const own = new Set(topLevelCommands(commands, style));
  const rewritten = commands.map((c) => c.name).filter((name) => !own.has(name));
  if (rewritten.length === 0) return (reply) => reply;
  const pattern = new RegExp(`(^|[^\\w/:.])/(${rewritten.join('|')})\\b`, 'g');
  const spell = (text: string) => text.replace(pattern, `$1/${UMBRELLA_COMMAND} $2`);
  const cache = new WeakMap<Reply, Reply>();
  return (reply) => {
    const hit = cache.get(reply);
    if (hit) return hit;
    const out: Reply = {
      ...reply,
      text: spell(reply.text),
      ...(reply.title !== undefined ? { title: spell(reply.title) } : {}),
      ...(reply.body !== undefined ? { body: spell(reply.body) } : {}),
      ...(reply.footer !== undefined ? { footer: spell(reply.footer) } : {}),
      ...(reply.fields
        ? { fields: reply.fields.map((f) => ({ ...f, name: spell(f.name), value: spell(f.value) })) }
        : {}),
    };
    cache.set(reply, out);
    return out;
  };
}
