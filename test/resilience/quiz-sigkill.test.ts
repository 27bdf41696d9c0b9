import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, startChronicle } from '../support/chronicle-process.js';
import { answerFirstRound, BIN, FIXTURE_PACK } from './console-game.js';

const running: Running[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Right answers credited to the console player in the last standings printed;
 * undefined when the player is not listed at all (their answer was lost).
 */
function rightAnswers(output: string): number | undefined {
  const standings = output.split(/Standings so far|Final standings/).at(-1) ?? '';
  const match = /You: \d+ points? \((\d+) right\)/.exec(standings);
  return match ? Number(match[1]) : undefined;
}

describe('a process killed mid-game (SIGKILL: no shutdown hook runs)', () => {
  it('proves a restart on the same SQLite file continues the same game where it was, with the answers given before the kill', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-sigkill-'));
    dirs.push(dir);
    const env = {
      STORE_URL: `sqlite://${path.join(dir, 'chronicle.sqlite')}`,
      CONTENT_DIR: FIXTURE_PACK,
      PORT: '0',
      HOST: '127.0.0.1',
    };

    const first = startChronicle({ argv: [BIN, 'start'], cwd: dir, env });
    running.push(first);
    const creditedBeforeKill = await answerFirstRound(first, 2, 60);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // Piped input: the console plays the running game out at end of input.
    const second = spawnSync(process.execPath, [BIN, 'start'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...env },
      input: '/quiz score\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('Question 1 of 2');
    expect(second.stdout).toContain('question 2 of 2');
    expect(second.stdout).toContain('Answer to question 2 of 2');
    expect(second.stdout).toContain('Final standings');
    expect(rightAnswers(second.stdout)).toBe(creditedBeforeKill);
  });
});
