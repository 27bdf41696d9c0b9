import { foldName } from '../../content/normalize.js';
import type { Platform, Services } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { RoundKind } from '../questions/types.js';
import { makeReply, plural } from '../text.js';
import { type AnswerRecord, userHistory } from './history.js';
import { studyKeys } from './keys.js';
import { KIND_LABELS } from './topics.js';

/** A topic needs this many answers before it can be called strongest or weakest. */
export const MIN_TOPIC_ANSWERS = 3;

export interface TopicScore {
  topic: string;
  answered: number;
  /** Sum of credit: a partly right order counts in part. */
  score: number;
}

export interface Stats {
  answered: number;
  right: number;
  /** Share of credit earned, 0–1. */
  accuracy: number;
  currentStreak: number;
  bestStreak: number;
  reviews: number;
  strongest?: TopicScore;
  weakest?: TopicScore;
}

const share = (t: TopicScore) => t.score / t.answered;

/**
 * A user's record from their history. Topics are the pack's episodes and
 * the kinds of question (dates, places, who said it...): a study group
 * wants to know both which part of the story and which skill needs work.
 */
export function computeStats(records: readonly AnswerRecord[]): Stats {
  const sorted = [...records].sort((a, b) => a.at - b.at);
  let run = 0;
  let best = 0;
  let credit = 0;
  const topics = new Map<string, TopicScore>();
  for (const r of sorted) {
    run = r.correct ? run + 1 : 0;
    best = Math.max(best, run);
    credit += r.credit;
    const names = [r.episode, KIND_LABELS[r.kind as RoundKind] ?? r.kind].filter((t): t is string => Boolean(t));
    for (const topic of names) {
      const t = topics.get(topic) ?? { topic, answered: 0, score: 0 };
      t.answered++;
      t.score += r.credit;
      topics.set(topic, t);
    }
  }
  const ranked = [...topics.values()]
    .filter((t) => t.answered >= MIN_TOPIC_ANSWERS)
    .sort((a, b) => share(b) - share(a) || b.answered - a.answered || a.topic.localeCompare(b.topic));
  const strongest = ranked[0];
  const weakest = ranked.length > 1 ? ranked.at(-1) : undefined;
  return {
    answered: sorted.length,
    right: sorted.filter((r) => r.correct).length,
    accuracy: sorted.length ? credit / sorted.length : 0,
    currentStreak: run,
    bestStreak: best,
    reviews: sorted.filter((r) => r.via === 'review').length,
    strongest,
    weakest: weakest && strongest && share(weakest) < share(strongest) ? weakest : undefined,
  };
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function topicLine(t: TopicScore): string {
  return `${t.topic}: ${percent(share(t))} of ${plural(t.answered, 'answer')}`;
}

export function statsReply(name: string, stats: Stats): Reply {
  if (stats.answered === 0) {
    return makeReply({
      title: `Stats for ${name}`,
      body: 'No answers yet. Play a /quiz and the record starts.',
      visibility: 'private',
    });
  }
  return makeReply({
    title: `Stats for ${name}`,
    fields: [
      { name: 'Accuracy', value: percent(stats.accuracy), inline: true },
      {
        name: 'Questions answered',
        value: `${stats.answered} (${stats.right} right${stats.reviews ? `, ${stats.reviews} in reviews` : ''})`,
        inline: true,
      },
      { name: 'Streak', value: `${stats.currentStreak} now, best ${stats.bestStreak}`, inline: true },
      {
        name: 'Strongest topic',
        value: stats.strongest ? topicLine(stats.strongest) : `Needs ${MIN_TOPIC_ANSWERS} answers on a topic`,
      },
      { name: 'Weakest topic', value: stats.weakest ? topicLine(stats.weakest) : 'None stands out yet' },
    ],
    footer: 'Accuracy counts a partly right chronology order in part · /review practises what you missed',
    visibility: 'private',
  });
}

/**
 * Who `/stats <user>` means: a mention as the platform sends it
 * (`<@123>`, `<@U123|ani>`), or a name someone has answered under in this
 * server or workspace.
 */
export async function resolveUser(
  services: Pick<Services, 'store'>,
  where: { platform: Platform; serverId: string },
  raw: string,
): Promise<{ userId: string; name?: string }> {
  const mention = /^<@!?([A-Za-z0-9]+)(?:\|([^>]*))?>$/.exec(raw.trim());
  if (mention) return { userId: mention[1] as string, name: mention[2] };
  const name = raw.trim().replace(/^@/, '');
  const userId = await services.store.get<string>(studyKeys.member(where.platform, where.serverId, foldName(name)));
  if (!userId)
    throw new UserError(`Nobody called "${name}" has answered a quiz here yet. Check the spelling, or mention them.`);
  return { userId, name };
}

export async function statsFor(
  services: Pick<Services, 'store'>,
  platform: Platform,
  userId: string,
): Promise<{ stats: Stats; name?: string }> {
  const records = await userHistory(services, platform, userId);
  return { stats: computeStats(records), name: records.at(-1)?.userName };
}
