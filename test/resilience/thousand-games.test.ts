import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { TestClock } from '../support/clock.js';
import { answersPerBurst, playBurst } from './burst.js';

// The timing of the same burst, per backend and against a floor, is bench/quiz-burst.ts's.
const GAMES = 1_000;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('1,000 concurrent quiz games in one process', () => {
  it('proves every game reaches its final standings with no answer lost, on the in-memory store', async () => {
    const clock = new TestClock();
    const figures = await playBurst(new MemoryStore(() => clock.ms), clock, GAMES);
    expect(figures.answers).toBe(answersPerBurst(GAMES));
    console.log(`1,000 games, memory store: ${JSON.stringify(figures)}`);
  }, 120_000);

  it('proves the same on a SQLite file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-1000-'));
    dirs.push(dir);
    const store = await SqliteStore.open(`sqlite://${path.join(dir, 'chronicle.sqlite')}`);
    try {
      const figures = await playBurst(store, new TestClock(Date.now()), GAMES);
      expect(figures.answers).toBe(answersPerBurst(GAMES));
      console.log(`1,000 games, SQLite store: ${JSON.stringify(figures)}`);
    } finally {
      await store.close();
    }
  }, 240_000);
});
