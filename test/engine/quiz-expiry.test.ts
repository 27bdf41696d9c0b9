import { describe, expect, it } from 'vitest';
import { expireFinishedGames } from '../../src/engine/quiz/cleanup.js';
import { loadGame } from '../../src/engine/quiz/game.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import { type Answer, GAME_TTL_MS, type GameState, KEEP_AFTER_END_MS, keys } from '../../src/engine/quiz/state.js';
import { userHistory } from '../../src/engine/study/history.js';
import { studyKeys } from '../../src/engine/study/keys.js';
import { quizPick } from '../../src/engine/study/quiz-messages.js';
import { ANI, as, BOB, CHANNEL, playGame } from '../study/play.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

const pack = richPack();

describe('quiz answer lists expire a week after the game, study history never does', () => {
  it('keeps every answer list for seven days after the final standings, then deletes them all', async () => {
    const h = await harness({ pack });
    await playGame(h, '/quiz start rounds:3 seconds:20', [ANI, BOB]);
    expect(await loadGame(h, CHANNEL)).toBeUndefined();
    const gameId = (await h.store.get<GameState>(keys.last(CHANNEL)))?.id ?? '';
    const answerLists = async () =>
      Promise.all([0, 1, 2].map((round) => h.store.list<Answer>(keys.answers(gameId, round))));
    expect((await answerLists()).map((l) => l.length)).toEqual([2, 2, 2]);

    h.clock.advance(KEEP_AFTER_END_MS - 60_000);
    expect(await expireFinishedGames(h)).toBe(0);
    expect((await answerLists()).map((l) => l.length)).toEqual([2, 2, 2]);

    h.clock.advance(60_000);
    expect(await expireFinishedGames(h)).toBe(1);
    expect((await answerLists()).map((l) => l.length)).toEqual([0, 0, 0]);
    expect(await userHistory(h, 'discord', ANI.userId)).toHaveLength(3);
    expect(await userHistory(h, 'discord', BOB.userId)).toHaveLength(3);
  });

  it('deletes the pick lists of a chronology round, also those of a player who never finished ordering', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start mode:chronology rounds:1 seconds:30', as(ANI));
    const game = await loadGame(h, CHANNEL);
    if (!game) throw new Error('no game');
    const question = game.questions[0];
    if (!question?.order) throw new Error('not a chronology round');
    // Bob places one event and stops; Ani orders them all.
    await h.click(quizPick.encode({ gameId: game.id, round: 0, item: question.order[0] as number }), as(BOB));
    for (const item of question.order) await h.click(quizPick.encode({ gameId: game.id, round: 0, item }), as(ANI));
    const picks = (who: string) => h.store.list<number>(studyKeys.picks(`quiz:${game.id}:0`, who));
    expect(await picks(BOB.userId)).toHaveLength(1);
    expect(await picks(ANI.userId)).toHaveLength(question.order.length);

    await h.run('/quiz stop', as(ANI));
    h.clock.advance(KEEP_AFTER_END_MS);
    await expireFinishedGames(h);
    expect(await picks(BOB.userId)).toEqual([]);
    expect(await picks(ANI.userId)).toEqual([]);
    expect(await h.store.list(keys.pickers(game.id, 0))).toEqual([]);
    expect(await h.store.list(keys.answers(game.id, 0))).toEqual([]);
    expect(await userHistory(h, 'discord', ANI.userId)).toHaveLength(0);
  });

  it('never touches a running game: its lists outlive its own state, so a restarted process continues it', async () => {
    const h = await harness({ pack });
    await h.run('/quiz start rounds:2 seconds:20', as(ANI));
    const game = await loadGame(h, CHANNEL);
    if (!game) throw new Error('no game');
    await h.click(quizAnswer.encode({ gameId: game.id, round: 0, option: game.questions[0]?.answer ?? 0 }), as(BOB));
    // Up to the moment the game state itself would lapse, nothing is cleaned up.
    h.clock.advance(GAME_TTL_MS - 1);
    expect(await expireFinishedGames(h)).toBe(0);
    expect(await h.store.list(keys.answers(game.id, 0))).toHaveLength(1);
    expect(await loadGame(h, CHANNEL)).toBeDefined();
    // An abandoned game (state lapsed, never finished) is cleaned up a week after that.
    h.clock.advance(1 + KEEP_AFTER_END_MS);
    expect(await expireFinishedGames(h)).toBe(1);
    expect(await h.store.list(keys.answers(game.id, 0))).toEqual([]);
  });
});
