import type { Command } from '../src/core/command.js';

/** Every slash command, in /help order. Each lives in its own file in this folder. */
export const commands: Command[] = [];
