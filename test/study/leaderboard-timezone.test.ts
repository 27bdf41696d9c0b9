import { describe, expect, it } from 'vitest';
import { periodRange } from '../../src/engine/study/periods.js';
import { TestClock } from '../support/clock.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';
import { ANI, as, playGame } from './play.js';

const at = (iso: string) => Date.parse(iso);

describe('leaderboard weeks and months in a timezone', () => {
  it('start at local midnight: Monday for weeks, the 1st for months, across a DST change', () => {
    // Wednesday 18 Nov 2026; its Monday, 16 Nov, 00:00 in Yerevan (UTC+4) is Sunday 15 Nov, 20:00 UTC.
    expect(periodRange('week', at('2026-11-18T12:00:00Z'), 'Asia/Yerevan')).toEqual({
      from: at('2026-11-15T20:00:00Z'),
      to: at('2026-11-22T20:00:00Z'),
    });
    expect(periodRange('week', at('2026-11-18T12:00:00Z'))).toEqual({
      from: at('2026-11-16T00:00:00Z'),
      to: at('2026-11-23T00:00:00Z'),
    });
    // March 2026 in Los Angeles: PST at its start, PDT at its end (the clocks go forward on the 8th).
    expect(periodRange('month', at('2026-03-20T12:00:00Z'), 'America/Los_Angeles')).toEqual({
      from: at('2026-03-01T08:00:00Z'),
      to: at('2026-04-01T07:00:00Z'),
    });
    expect(periodRange('month', at('2026-12-31T12:00:00Z'), 'Asia/Yerevan').to).toBe(at('2026-12-31T20:00:00Z'));
  });

  it('counts a game played on Monday morning in Yerevan in the new week there, and in last week in UTC', async () => {
    // Monday 23 Nov 2026, 02:00 in Yerevan: still Sunday 22:00 in UTC.
    const h = await harness({ pack: richPack(), clock: new TestClock(at('2026-11-22T22:00:00Z')) });
    await playGame(h, '/quiz start rounds:2', [ANI]);
    h.clock.ms = at('2026-11-23T06:00:00Z');

    const yerevan = await h.run('/leaderboard week timezone:asia/yerevan', as(ANI));
    expect(yerevan.body).toMatch(/^1\. Ani: \d+ points \(2 of 2 right\)/);
    expect(yerevan.footer).toMatch(/^Since 23 November 2026 \(Asia\/Yerevan\)/);

    const utc = await h.run('/leaderboard week', as(ANI));
    expect(utc.body).toMatch(/^No quiz answers here this week yet/);
    expect(utc.footer).toMatch(/^Since 23 November 2026 \(UTC\) · Last week: Ani led with \d+ points/);
  });

  it('uses the channel’s briefing timezone when none is given, and suggests a name for a typo', async () => {
    const h = await harness({ pack: richPack(), clock: new TestClock(at('2026-11-22T22:00:00Z')) });
    await h.run('/briefing subscribe time:08:00 timezone:Asia/Yerevan', { ...as(ANI), canManage: true });
    await playGame(h, '/quiz start rounds:1', [ANI]);
    const board = await h.run('/leaderboard', as(ANI));
    expect(board.footer).toMatch(/\(Asia\/Yerevan\)/);
    expect(board.body).toMatch(/^1\. Ani/);
    await expect(h.run('/leaderboard week timezone:Asia/Yerevn', as(ANI))).rejects.toThrow(/Asia\/Yerevan/);
  });
});
