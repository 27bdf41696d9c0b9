import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { listReports, type QuestionReport, REPORT_REASONS } from '../engine/study/reports.js';
import { createStore } from '../store/create.js';

const USAGE = 'usage: chronicle reports [--reason wrong|ambiguous|biased|other] [--json]';

function line(r: QuestionReport): string {
  const when = new Date(r.at).toISOString().slice(0, 16).replace('T', ' ');
  return [
    `${when}  ${r.reason.padEnd(9)}  ${r.questionId}`,
    `    ${r.prompt}`,
    `    reported by ${r.userName} (${r.platform} ${r.userId}, server ${r.serverId})`,
  ].join('\n');
}

/**
 * `chronicle reports`: the question reports players filed from quiz
 * reveals, newest first, for the people who maintain the content. Reads the
 * Store named by STORE_URL; changes nothing.
 */
export async function main(argv: string[]): Promise<number> {
  let values: { reason?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { reason: { type: 'string' }, json: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.reason && !(REPORT_REASONS as readonly string[]).includes(values.reason)) {
    console.error(`chronicle reports: --reason must be one of ${REPORT_REASONS.join(', ')}.\n${USAGE}`);
    return 1;
  }
  const store = await createStore(loadConfig());
  try {
    const reports = (await listReports({ store }))
      .filter((r) => !values.reason || r.reason === values.reason)
      .sort((a, b) => b.at - a.at);
    if (values.json) {
      for (const r of reports) process.stdout.write(`${JSON.stringify(r)}\n`);
      return 0;
    }
    if (reports.length === 0) {
      console.log('No question reports.');
      return 0;
    }
    const perQuestion = new Map<string, number>();
    for (const r of reports) perQuestion.set(r.questionId, (perQuestion.get(r.questionId) ?? 0) + 1);
    console.log(
      `${reports.length} report${reports.length === 1 ? '' : 's'} on ${perQuestion.size} question${perQuestion.size === 1 ? '' : 's'}, newest first:\n`,
    );
    console.log(reports.map(line).join('\n\n'));
    return 0;
  } finally {
    await store.close();
  }
}
