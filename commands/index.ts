import type { Command } from '../src/core/command.js';
import { briefingCommand } from './briefing.js';
import { eventCommand } from './event.js';
import { factCommand } from './fact.js';
import { helpCommand } from './help.js';
import { leaderboardCommand } from './leaderboard.js';
import { mapCommand } from './map.js';
import { quizCommand } from './quiz.js';
import { reviewCommand } from './review.js';
import { sourcesCommand } from './sources.js';
import { statsCommand } from './stats.js';
import { timelineCommand } from './timeline.js';
import { whereCommand } from './where.js';
import { whoCommand } from './who.js';

/** Every slash command, in /help order. Each lives in its own file in this folder. */
export const commands: Command[] = [
  timelineCommand,
  mapCommand,
  eventCommand,
  factCommand,
  whoCommand,
  whereCommand,
  sourcesCommand,
  quizCommand,
  statsCommand,
  leaderboardCommand,
  reviewCommand,
  briefingCommand,
  helpCommand,
];
