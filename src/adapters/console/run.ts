import { createInterface } from 'node:readline';
import type { Command, Services } from '../../core/command.js';
import type { RoutingPoster } from '../../core/routing-poster.js';
import { finishGameNow } from '../../engine/quiz/game.js';
import type { Logger } from '../../log.js';
import { CONSOLE_CHANNEL, ConsoleSession } from './session.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  write: (text: string) => void;
  /** Interactive shows a prompt and leaves a game running at exit; piped plays it out at EOF. */
  interactive: boolean;
  commands: readonly Command[];
  /** Where pictures are saved; without it the console prints only their alt text. */
  picturesDir?: string;
}

/**
 * The console adapter: one session, registered as the console's Poster,
 * reading lines until EOF (or `exit`). In piped mode a
 * quiz still running at EOF is played out at once, so its remaining reveals
 * and the final standings print before the process exits.
 */
export async function runConsole(
  services: Services & { poster: RoutingPoster },
  options: ConsoleOptions,
  log: Logger,
): Promise<void> {
  const session = new ConsoleSession(services, options.commands, options.write, log, undefined, options.picturesDir);
  services.poster.register(CONSOLE_CHANNEL.platform, session.poster);
  const rl = createInterface({
    input: options.input,
    terminal: options.interactive,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  if (options.interactive) {
    options.write('Chronicle console. Type /help for the commands, a number to pick a choice, exit to leave.');
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (options.interactive && /^(exit|quit)$/i.test(line.trim())) break;
    await session.handle(line);
    if (options.interactive) rl.prompt();
  }
  rl.close();
  if (!options.interactive) {
    try {
      await finishGameNow(services, CONSOLE_CHANNEL);
    } catch (error) {
      log.error({ err: error }, 'could not finish the console quiz at end of input');
    }
  }
}
