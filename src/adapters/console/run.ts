import { createInterface } from 'node:readline';
import type { Services } from '../../core/command.js';
import { finishGameNow } from '../../engine/quiz/game.js';
import type { Logger } from '../../log.js';
import { CONSOLE_CHANNEL, type ConsoleSession } from './session.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  write: (text: string) => void;
  /** Interactive shows a prompt and leaves a game running at exit; piped plays it out at EOF. */
  interactive: boolean;
}

/**
 * The console adapter: reads lines until EOF (or `exit`). In piped mode a
 * quiz still running at EOF is played out at once, so its remaining reveals
 * and the final standings print before the process exits.
 */
export async function runConsole(
  services: Services,
  session: ConsoleSession,
  options: ConsoleOptions,
  log: Logger,
): Promise<void> {
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
