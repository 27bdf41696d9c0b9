import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { main as startChronicle } from '../main.js';

/** `chronicle start` (what `npm start` runs): the bot, on the console when no platform token is set. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length > 0) {
    console.error('usage: chronicle start   (settings come from the environment; see .env.example)');
    return 1;
  }
  const config = loadConfig();
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  await startChronicle(config, { log, input: process.stdin, write: (text) => process.stdout.write(`${text}\n\n`) });
  return 0;
}
