import type { Platform } from '../../core/command.js';

/**
 * Where study-group data lives in the Store. A user is known per platform
 * (a Discord id and a Slack id are different people to us); a leaderboard
 * belongs to a server or workspace. History is append-only: nothing here is
 * ever deleted, so a new week or month only changes what is counted.
 */
export const studyKeys = {
  /** Every answer one user gave, oldest first. */
  history: (platform: Platform, userId: string) => `study:history:${platform}:${userId}`,
  /** Quiz points scored in a server, one list per calendar month (UTC), so a week reads at most two. */
  board: (platform: Platform, serverId: string, month: string) => `study:board:${platform}:${serverId}:${month}`,
  /** The first month a server's board has entries for: set once, with claim. */
  boardStart: (platform: Platform, serverId: string) => `study:board-start:${platform}:${serverId}`,
  /** A display name in a server → user id, so `/stats Ani` finds Ani. */
  member: (platform: Platform, serverId: string, folded: string) => `study:member:${platform}:${serverId}:${folded}`,
  /** One FSRS card per user and question. */
  card: (platform: Platform, userId: string, questionId: string) => `study:card:${platform}:${userId}:${questionId}`,
  /** Deadline queue of one user's cards: member = question id, due = the card's next review. */
  dueQueue: (platform: Platform, userId: string) => `study:due:${platform}:${userId}`,
  /** Claimed by a typed review's one answer to a question, so two boxes sent at once grade it once. */
  reviewAnswered: (platform: Platform, sessionId: string, index: number) =>
    `study:review-answered:${platform}:${sessionId}:${index}`,
  /** The review session a user is in (one at a time). */
  reviewSession: (platform: Platform, userId: string) => `study:review:${platform}:${userId}`,
  /** Items a user clicked so far while ordering a chronology question. */
  picks: (scope: string, userId: string) => `study:picks:${scope}:${userId}`,
  /** Opt-in/opt-out events for the "questions due" line of a channel's briefing. */
  reminders: (platform: Platform, channelId: string) => `study:remind:${platform}:${channelId}`,
  /** Every answer to one question, 1 right and 0 wrong, oldest first: appended, never rewritten. */
  answers: (questionId: string) => `study:answers:${questionId}`,
  /** The recount of `answers` players read: {answers, right}. */
  accuracy: (questionId: string) => `study:accuracy:${questionId}`,
  /** Every question report, oldest first. */
  reports: 'study:reports',
};
