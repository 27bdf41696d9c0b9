import { defineAction } from '../../core/action.js';
import type { CommandContext, Platform, Services } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { Choice, Reply } from '../../core/reply.js';
import { privateNote } from '../text.js';
import { studyKeys } from './keys.js';
import { rebuildQuestion } from './regenerate.js';

export const REPORT_REASONS = ['wrong', 'ambiguous', 'biased', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

const REASON_LABELS: Record<ReportReason, string> = {
  wrong: 'The answer is wrong',
  ambiguous: 'More than one answer fits',
  biased: 'It takes a side',
  other: 'Something else',
};

/** A report as the content maintainers read it. */
export interface QuestionReport {
  questionId: string;
  prompt: string;
  reason: ReportReason;
  platform: Platform;
  userId: string;
  userName: string;
  serverId: string;
  channelId: string;
  /** ms since epoch. */
  at: number;
}

/** `review:report:<question id>`: the question's id runs to the end, colons and all. */
export const reviewReport = defineAction<{ questionId: string }>({
  name: 'review:report',
  encode: (a) => [a.questionId],
  parse: (parts) => ({ questionId: parts.join(':') }),
});

/** `review:reported:<reason>:<question id>`: the reason picked, for the question reported. */
export const reviewReported = defineAction<{ reason: string; questionId: string }>({
  name: 'review:reported',
  encode: (a) => [a.reason, a.questionId],
  parse: ([reason, ...id]) => {
    const questionId = id.join(':');
    return reason && /^[a-z]+$/.test(reason) && questionId ? { reason, questionId } : undefined;
  },
});

/** The "report this question" button on every reveal. */
export function reportChoice(questionId: string): Choice {
  return {
    action: reviewReport.encode({ questionId }),
    label: 'Report this question',
    style: 'secondary',
    group: 'report',
  };
}

/** The reasons, offered privately to whoever clicked "report". */
export function reasonPrompt(questionId: string): Reply {
  return privateNote(
    'What is wrong with this question? Your report goes to the people who maintain the content.',
    REPORT_REASONS.map((reason) => ({
      action: reviewReported.encode({ reason, questionId }),
      label: REASON_LABELS[reason],
      style: 'secondary',
      group: 'reason',
    })),
  );
}

export async function fileReport(ctx: CommandContext, questionId: string, reason: string): Promise<Reply> {
  if (!(REPORT_REASONS as readonly string[]).includes(reason)) {
    throw new UserError(`"${reason}" is not a reason; choose one of: ${REPORT_REASONS.join(', ')}.`);
  }
  const question = rebuildQuestion(ctx.pack, questionId, 0);
  const report: QuestionReport = {
    questionId,
    prompt: question?.prompt ?? '(no longer in the pack)',
    reason: reason as ReportReason,
    platform: ctx.caller.platform,
    userId: ctx.caller.userId,
    userName: ctx.caller.userName,
    serverId: ctx.caller.serverId,
    channelId: ctx.caller.channelId,
    at: ctx.now().getTime(),
  };
  await ctx.store.append(studyKeys.reports, report);
  return {
    ...privateNote(`Thanks, reported as “${REASON_LABELS[report.reason]}”. The maintainers will look at it.`),
    replaceOriginal: true,
  };
}

export async function listReports(services: Pick<Services, 'store'>): Promise<QuestionReport[]> {
  return services.store.list<QuestionReport>(studyKeys.reports);
}
