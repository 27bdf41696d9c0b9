import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.js';
import { registerCommands } from '../adapters/discord/register.js';
import { loadConfig } from '../config.js';

const USAGE = 'usage: chronicle register discord [--guild ID]';

/**
 * `chronicle register discord [--guild ID]`: publishes the slash commands.
 * A script an operator runs after changing commands, not a startup step:
 * global registration takes a while to spread, and Discord limits how often
 * commands may be overwritten.
 */
export async function main(argv: string[]): Promise<number> {
  const [platform, ...rest] = argv;
  if (platform !== 'discord') {
    console.error(USAGE);
    return 1;
  }
  const { values } = parseArgs({ args: rest, options: { guild: { type: 'string' } }, allowPositionals: false });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    console.error(
      'chronicle register discord: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal → your application → Bot / General Information).',
    );
    return 1;
  }
  const guildId = values.guild ?? config.DISCORD_GUILD_ID;
  const result = await registerCommands({
    commands,
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    apiUrl: config.DISCORD_API_URL,
    guildId,
  });
  const where = guildId ? `server ${guildId}` : 'all servers (global; may take up to an hour to appear)';
  console.log(
    result.changed
      ? `registered ${result.count} commands for ${where}`
      : `${result.count} commands already registered for ${where}; nothing to do`,
  );
  return 0;
}
