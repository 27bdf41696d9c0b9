import { describe, expect, it } from 'vitest';
import { closeDueQuizRounds, closeRound, loadGame } from '../../src/engine/quiz/game.js';
import type { GameState } from '../../src/engine/quiz/state.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

/*
 * The click that closes a round hands closeRound the game it read, to save a
 * second read. A copy older than the round's close claim could be stale: the
 * round closed by another since, and its claim lapsed. Such a copy is read
 * again, and the round is not closed twice.
 */

const channel = { platform: 'discord' as const, channelId: 'c1', serverId: 'g1' };

describe('closing a round with the game a request read', () => {
  it('re-reads a copy read too long ago, and does not close a closed round again', async () => {
    const h = await harness({ pack: richPack() });
    await h.run('/quiz start rounds:3 seconds:20', { userId: 'u-ani', userName: 'Ani', channelId: 'c1' });
    const stale = (await loadGame(h, channel)) as GameState;
    h.clock.advance(21_000);
    expect(await closeDueQuizRounds(h)).toBe(1);
    const posts = h.poster.posts.length;
    // Past the close claim's 60 s, so only the copy's age can tell that round 0 is over.
    h.clock.advance(61_000);
    expect(await closeRound(h, channel, stale.id, 0, stale)).toBe(false);
    expect(h.poster.posts.length).toBe(posts);
    expect((await loadGame(h, channel))?.round).toBe(1);
  });

  it('uses a fresh copy as it is', async () => {
    const h = await harness({ pack: richPack() });
    await h.run('/quiz start rounds:3 seconds:20', { userId: 'u-ani', userName: 'Ani', channelId: 'c1' });
    const fresh = (await loadGame(h, channel)) as GameState;
    expect(await closeRound(h, channel, fresh.id, 0, fresh)).toBe(true);
    expect((await loadGame(h, channel))?.round).toBe(1);
    expect(await closeRound(h, channel, fresh.id, 0, fresh)).toBe(false);
  });
});
