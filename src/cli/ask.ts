import { Readable } from 'node:stream';
import { commands } from '../../commands/index.js';
import { runConsole } from '../adapters/console/run.js';
import { loadConfig } from '../config.js';
import { loadPack } from '../content/load.js';
import { RoutingPoster } from '../core/routing-poster.js';
import { createLogger } from '../log.js';
import { MemoryStore } from '../store/memory.js';

/**
 * `chronicle ask "/timeline 2020-10"`: one command, its reply on stdout.
 * It runs in a throwaway store, so a quiz started here is played out at
 * once (question, reveal, standings) and leaves nothing behind.
 */
export async function main(argv: string[]): Promise<number> {
  const line = argv.join(' ').trim();
  if (line === '') {
    console.error('usage: chronicle ask "/timeline 2020-10"');
    return 1;
  }
  const config = loadConfig();
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const pack = await loadPack(config.CONTENT_DIR);
  const poster = new RoutingPoster();
  const services = { pack, store: new MemoryStore(), now: () => new Date(), poster, log };
  const write = (text: string) => process.stdout.write(`${text}\n\n`);
  const input = Readable.from([`${line}\n`]);
  await runConsole(services, { input, write, interactive: false, commands, picturesDir: config.PICTURES_DIR }, log);
  return 0;
}
