import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { letter } from '../quiz/messages.js';
import { BASE_POINTS } from '../quiz/scoring.js';
import { makeReply } from '../text.js';
import { isRecentQuestionSeed, questionAt } from './question-of-the-day.js';

/** One scored answer, appended to the server's leaderboard list; a leaderboard sums these. */
export interface LeaderboardEntry {
  userId: string;
  name: string;
  points: number;
  correct: boolean;
  via: 'briefing';
  questionId: string;
  at: string;
}

export function leaderboardKey(platform: string, serverId: string): string {
  return `leaderboard:${platform}:${serverId}`;
}

const ANSWERED_TTL_MS = 7 * 86_400_000;

/**
 * A click on a question-of-the-day button: tells only the clicker whether
 * they were right, with the explanation and sources. The first answer per
 * person counts toward the leaderboard; later clicks just show it again.
 * Undefined when the question's day is past: the button is no longer active.
 */
export async function revealBriefingAnswer(
  ctx: CommandContext,
  seed: number,
  index: number,
  option: number,
): Promise<Reply | undefined> {
  if (!isRecentQuestionSeed(seed, ctx.now())) return undefined;
  const question = questionAt(ctx.pack, seed, index);
  if (!question || option >= question.options.length) {
    throw new UserError('That question is no longer available (the content has changed since it was posted).');
  }
  const { caller } = ctx;
  const correct = option === question.answer;
  const first = await ctx.store.claim(
    `briefing:answered:${caller.platform}:${caller.serverId}:${seed}:${index}:${caller.userId}`,
    ANSWERED_TTL_MS,
    { option, at: ctx.now().toISOString() },
  );
  if (first) {
    const entry: LeaderboardEntry = {
      userId: caller.userId,
      name: caller.userName,
      points: correct ? BASE_POINTS : 0,
      correct,
      via: 'briefing',
      questionId: question.id,
      at: ctx.now().toISOString(),
    };
    await ctx.store.append(leaderboardKey(caller.platform, caller.serverId), entry);
  }
  const verdict = correct
    ? `Right: ${letter(question.answer)}. ${question.options[question.answer]}`
    : `Not quite: you chose ${letter(option)}. ${question.options[option]}; the answer is ${letter(question.answer)}. ${question.options[question.answer]}`;
  const scored = first
    ? correct
      ? `+${BASE_POINTS} points on the leaderboard.`
      : 'No points this time.'
    : 'You had already answered this one; only your first answer counts.';
  return {
    ...makeReply({
      title: 'Question of the day',
      body: `${question.prompt}\n\n**${verdict}**\n\n${question.explanation}`,
      evidence: question.evidence,
      sources: question.sources,
      footer: scored,
    }),
    visibility: 'private',
  };
}
