import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { studyKeys } from '../../src/engine/study/keys.js';
import type { QuestionReport } from '../../src/engine/study/reports.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const run = promisify(execFile);

function report(overrides: Partial<QuestionReport>): QuestionReport {
  return {
    questionId: 'event-date:e1',
    prompt: 'When did this happen, as the sources date it? “Fighting begins along the line”',
    reason: 'wrong',
    platform: 'discord',
    userId: '900000000000000011',
    userName: 'alice',
    serverId: 'g1',
    channelId: 'c1',
    at: Date.parse('2024-05-06T18:00:00Z'),
    ...overrides,
  };
}

describe('chronicle reports', () => {
  it('lists the reports in the Store named by STORE_URL, newest first, and filters by reason', async () => {
    const url = `sqlite://${path.join(mkdtempSync(path.join(tmpdir(), 'chronicle-reports-')), 'store.sqlite')}`;
    const store = await SqliteStore.open(url);
    await store.append(studyKeys.reports, report({}));
    await store.append(
      studyKeys.reports,
      report({
        questionId: 'quote-speaker:q1',
        prompt: 'Who said it?',
        reason: 'biased',
        userName: 'bob',
        platform: 'slack',
        at: Date.parse('2024-05-07T09:30:00Z'),
      }),
    );
    await store.close();
    const env = { ...process.env, STORE_URL: url };
    const chronicle = (...args: string[]) => run('node', ['bin/chronicle.js', 'reports', ...args], { env });

    const { stdout } = await chronicle();
    expect(stdout).toContain('2 reports on 2 questions, newest first:');
    expect(stdout.indexOf('quote-speaker:q1')).toBeLessThan(stdout.indexOf('event-date:e1'));
    expect(stdout).toContain(
      '2024-05-07 09:30  biased     quote-speaker:q1\n    Who said it?\n    reported by bob (slack',
    );
    expect(stdout).toContain('Fighting begins along the line');

    const wrong = await chronicle('--reason', 'wrong', '--json');
    const lines = wrong.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as QuestionReport);
    expect(lines.map((r) => r.questionId)).toEqual(['event-date:e1']);

    const bad = await chronicle('--reason', 'rude').catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toMatch(/--reason must be one of wrong, ambiguous, biased, other/);
  });
});
