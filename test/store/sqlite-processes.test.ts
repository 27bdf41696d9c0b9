import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';

const KEYS = 3_000;
const APPENDS = 500;
const WORKER = path.join(import.meta.dirname, 'sqlite-worker.ts');
const OPENER = path.join(import.meta.dirname, 'sqlite-opener.ts');

/** Starts a worker process and resolves once it has the file open. */
function worker(file: string, name: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, name, String(KEYS), String(APPENDS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const output: string[] = [];
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  lines.on('line', (line) => {
    if (line === 'ready') onReady();
    else output.push(line);
  });
  const done = new Promise<{ won: string[]; startedAt: number; endedAt: number }>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.at(-1) ?? '{}')) : reject(new Error(`${name} exited ${code}`)),
    ),
  );
  return { ready, go: () => child.stdin.end('go\n'), done };
}

describe('two processes on one SQLite file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-two-processes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('claim each key for exactly one of them, and keep every append of both', async () => {
    // Both are told to go at once, but on a busy machine one can be scheduled only after the other has
    // finished; every run must be right, and at least one of a few must really have run both at once.
    let overlapped = false;
    for (let attempt = 0; attempt < 3 && !overlapped; attempt++) {
      const file = path.join(dir, `shared-${attempt}.sqlite`);
      const a = worker(file, 'a');
      const b = worker(file, 'b');
      await Promise.all([a.ready, b.ready]);
      a.go();
      b.go();
      const [doneA, doneB] = await Promise.all([a.done, b.done]);
      overlapped = doneA.startedAt < doneB.endedAt && doneB.startedAt < doneA.endedAt;
      const wonA = doneA.won;
      const wonB = doneB.won;

      const both = wonA.filter((key) => new Set(wonB).has(key));
      expect(both).toEqual([]);
      expect(wonA.length + wonB.length).toBe(KEYS);

      const store = await SqliteStore.open(`sqlite://${file}`);
      try {
        // The winner's value stands: the loser's attempt changed nothing.
        for (const key of [...wonA.slice(0, 200), ...wonB.slice(0, 200)])
          expect(await store.get(key)).toBe(wonA.includes(key) ? 'a' : 'b');
        const answers = await store.list<{ by: string; n: number }>('answers');
        expect(answers).toHaveLength(2 * APPENDS);
        for (const by of ['a', 'b'])
          expect(answers.filter((x) => x.by === by).map((x) => x.n)).toEqual(
            Array.from({ length: APPENDS }, (_, n) => n),
          );
      } finally {
        await store.close();
      }
    }
    // They really ran at once: each began before the other had finished.
    expect(overlapped).toBe(true);
  }, 120_000);

  it('opens one new file from several processes started at the same instant, every one of them', async () => {
    for (let round = 0; round < 3; round++) {
      const file = path.join(dir, `fresh-${round}.sqlite`);
      const openers = Array.from({ length: 6 }, (_, n) => {
        const child = spawn(process.execPath, ['--import', 'tsx', OPENER, file, `p${n}`], {
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const lines: string[] = [];
        createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        return { child, lines, exited, stderr: () => stderr };
      });
      await Promise.all(openers.map((o) => vi.waitFor(() => expect(o.lines).toContain('ready'), { timeout: 20_000 })));
      for (const o of openers) o.child.stdin.end('go\n');
      const codes = await Promise.all(openers.map((o) => o.exited));
      expect(
        codes.map((code, n) => (code === 0 ? 0 : openers[n]?.stderr())),
        `round ${round}`,
      ).toEqual(openers.map(() => 0));
      const store = await SqliteStore.open(`sqlite://${file}`);
      try {
        for (let n = 0; n < openers.length; n++) expect(await store.get(`opened:p${n}`)).toBe(true);
      } finally {
        await store.close();
      }
    }
  }, 90_000);
});
