import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Running } from '../support/chronicle-process.js';

export const BIN = path.join(PROJECT_ROOT, 'bin', 'chronicle.js');
export const FIXTURE_PACK = path.join(PROJECT_ROOT, 'test', 'fixtures', 'pack');

/**
 * Starts a console quiz and answers its first question with option 1. The
 * only player has answered, so round 1 closes and round 2 is asked; resolves
 * to the right answers that earned (0 or 1).
 */
export async function answerFirstRound(bot: Running, rounds: number, seconds: number): Promise<number> {
  bot.child.stdin.write(`/quiz start rounds:${rounds} seconds:${seconds}\n`);
  await bot.waitForOutput(`Question 1 of ${rounds}`);
  await bot.waitForOutput('[1]');
  bot.child.stdin.write('1\n');
  await bot.waitForOutput(`Question 2 of ${rounds}`);
  return bot.stdout().includes('Right: You') ? 1 : 0;
}
