import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/content/normalize.js';
import type { Answer, GameState } from '../../src/engine/quiz/state.js';
import { noteBoardMonth } from '../../src/engine/study/history.js';
import { studyKeys } from '../../src/engine/study/keys.js';
import { recordRound } from '../../src/engine/study/record-round.js';
import { scoreRound } from '../../src/engine/study/score.js';
import { MemoryStore } from '../../src/store/memory.js';
import { CountingStore } from '../support/counting-store.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

/*
 * A round records per answer only what is per answer: the board's first
 * month is noted once per round, and a player's name once per game (again
 * when it changes), so the close of a busy round makes fewer writes.
 */

const where = { platform: 'discord' as const, serverId: 'g1' };

describe('the board’s first month', () => {
  it('is set once, moves back for an earlier month, and never forward', async () => {
    const store = new MemoryStore();
    const key = studyKeys.boardStart(where.platform, where.serverId);
    await noteBoardMonth(store, where, '2024-05');
    expect(await store.get(key)).toBe('2024-05');
    await noteBoardMonth(store, where, '2024-07');
    expect(await store.get(key)).toBe('2024-05');
    await noteBoardMonth(store, where, '2024-03');
    expect(await store.get(key)).toBe('2024-03');
  });

  it('costs one read once it is set no later', async () => {
    const store = new CountingStore(new MemoryStore());
    await noteBoardMonth(store, where, '2024-05');
    store.reset();
    await noteBoardMonth(store, where, '2024-06');
    expect(store.rows().map((r) => [r.op, r.n])).toEqual([['get', 1]]);
  });
});

describe('recording a quiz round', () => {
  it('files a player’s name once a game, and again when it changes; the board month once a round', async () => {
    const inner = new MemoryStore();
    const store = new CountingStore(inner);
    const h = await harness({ pack: richPack(), store });
    await h.run('/quiz start rounds:3 seconds:20', { userId: 'u-ani', userName: 'Ani', channelId: 'c1' });
    const game = (await inner.get<GameState>('quiz:game:discord:c1')) as GameState;
    const at = h.clock.ms + 1_000;
    const round = (r: number, answers: Answer[]) => {
      store.reset();
      return recordRound(h, game, r, answers, scoreRound(game, r, answers));
    };
    const ani: Answer = { userId: 'u-ani', name: 'Ani', option: 0, at };
    const bob: Answer = { userId: 'u-bob', name: 'Bob', option: 1, at };
    const sets = () => store.rows().filter((r) => r.op === 'set' && r.caller.startsWith('rememberName'));
    const boardReads = () => store.rows().filter((r) => r.caller.startsWith('noteBoardMonth'));

    await round(0, [ani, bob]);
    expect(sets().reduce((n, r) => n + r.n, 0)).toBe(2);
    expect(boardReads().reduce((n, r) => n + r.n, 0)).toBe(2);
    await round(1, [ani, bob]);
    expect(sets()).toEqual([]);
    expect(boardReads().map((r) => [r.op, r.n])).toEqual([['get', 1]]);
    await round(2, [{ ...ani, name: 'Ani B.' }, bob]);
    expect(sets().reduce((n, r) => n + r.n, 0)).toBe(1);
    expect(await inner.get(studyKeys.member('discord', 'g1', foldName('Ani B.')))).toBe('u-ani');
    expect(await inner.get(studyKeys.member('discord', 'g1', foldName('Bob')))).toBe('u-bob');
  });
});
