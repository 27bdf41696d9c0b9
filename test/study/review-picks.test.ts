import { describe, expect, it } from 'vitest';
import { studyKeys } from '../../src/engine/study/keys.js';
import { expireAbandonedPicks, PICKS_EXPIRY_QUEUE } from '../../src/engine/study/pick-expiry.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';
import { ANI, as, playGame } from './play.js';

const DAY = 24 * 60 * 60 * 1000;

/** Ani gets a chronology round wrong, and a week later /review asks her to order those events again. */
async function reviewAnOrder() {
  const h = await harness({ pack: richPack() });
  await playGame(h, '/quiz start mode:chronology rounds:1 seconds:30', [{ ...ANI, right: () => false }]);
  h.clock.advance(7 * DAY);
  const review = await h.run('/review', as(ANI));
  const picks = (review.choices ?? []).map((c) => c.action).filter((a) => a.startsWith('review:pick:'));
  if (picks.length < 2) throw new Error(`expected an order question in the review, got ${review.text}`);
  const [, , sessionId, index] = (picks[0] as string).split(':');
  const key = studyKeys.picks(`review:${sessionId}:${index}`, ANI.userId);
  return { h, picks, key };
}

describe('pick lists of review order questions', () => {
  it('are deleted as soon as the order is complete and graded', async () => {
    const { h, picks, key } = await reviewAnOrder();
    for (const action of picks) await h.click(action, as(ANI));
    expect(await h.store.list(key)).toEqual([]);
    expect(await h.store.due(PICKS_EXPIRY_QUEUE, Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });

  it('are deleted a day after an order left half done, not before', async () => {
    const { h, picks, key } = await reviewAnOrder();
    await h.click(picks[0] as string, as(ANI));
    expect(await h.store.list(key)).toHaveLength(1);

    h.clock.advance(DAY - 60_000);
    expect(await expireAbandonedPicks(h)).toBe(0);
    expect(await h.store.list(key)).toHaveLength(1);

    h.clock.advance(60_000);
    expect(await expireAbandonedPicks(h)).toBe(1);
    expect(await h.store.list(key)).toEqual([]);
  });
});
