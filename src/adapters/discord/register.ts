import { REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import type { Command } from '../../core/command.js';
import { commandsJson } from './definitions.js';

type Json = unknown;

/** Fields Discord fills in on its own side, or that default to "off". */
const IGNORED = new Set(['id', 'application_id', 'version', 'guild_id', 'integration_types', 'dm_permission']);

/**
 * A command's JSON reduced to what the user sees, with Discord's defaults
 * dropped, so what we would send and what Discord has compare equal when
 * they mean the same.
 */
function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, Json>)[key];
    if (IGNORED.has(key) || v === null || v === undefined || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[key] = key === 'contexts' && Array.isArray(v) ? [...v].sort() : canonical(v);
  }
  return out;
}

function sameCommands(a: Json[], b: Json[]): boolean {
  const key = (list: Json[]) =>
    JSON.stringify(
      list
        .map(canonical)
        .sort((x, y) => String((x as { name: string }).name).localeCompare(String((y as { name: string }).name))),
    );
  return key(a) === key(b);
}

export interface RegisterResult {
  scope: 'global' | { guild: string };
  changed: boolean;
  count: number;
}

/**
 * Makes Discord's registered commands match the registry: one bulk
 * overwrite (PUT), skipped when a GET shows nothing would change.
 */
export async function registerCommands(options: {
  commands: readonly Command[];
  token: string;
  applicationId: string;
  apiUrl: string;
  guildId?: string;
}): Promise<RegisterResult> {
  const body: RESTPostAPIChatInputApplicationCommandsJSONBody[] = commandsJson(options.commands);
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const scope = options.guildId ? { guild: options.guildId } : ('global' as const);
  const current = (await rest.get(route)) as Json[];
  if (sameCommands(current, body)) return { scope, changed: false, count: body.length };
  await rest.put(route, { body });
  return { scope, changed: true, count: body.length };
}
