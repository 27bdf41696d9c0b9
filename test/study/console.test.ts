import { describe, expect, it } from 'vitest';
import { CONSOLE_CHANNEL } from '../../src/adapters/console/session.js';
import { loadGame } from '../../src/engine/quiz/game.js';
import { listReports } from '../../src/engine/study/reports.js';
import { consoleSession } from '../support/console-session.js';

describe('study mode on the console', () => {
  it('types a chronology order, reports the question, then sees stats, the board and a review', async () => {
    const { clock, services, typed } = consoleSession();

    const start = await typed('/quiz start mode:chronology rounds:1');
    expect(start).toMatch(/Question 1 of 1: chronology/);
    expect(start).toMatch(/type the order, like 3 1 4 2/);
    const game = await loadGame(services, CONSOLE_CHANNEL);
    const order = (game?.questions[0]?.order ?? []).map((i) => i + 1);
    clock.advance(3_000);

    // The right order typed on one line: locked in, revealed with its dates, the game over.
    const played = await typed(order.join(' '));
    expect(played).toMatch(/^Locked in your order: /);
    expect(played).toMatch(/You: perfect order \(\+\d+\)/);
    expect(played).toMatch(/In order: 1\. \d+ \w+ 2020: /);
    expect(played).toMatch(/\[1\] Report this question/);
    expect(played).toMatch(/== Quiz over ==/);

    const reasons = await typed('1');
    expect(reasons).toMatch(/\[2\] More than one answer fits/);
    expect(await typed('2')).toMatch(/reported as “More than one answer fits”/);
    expect((await listReports(services))[0]).toMatchObject({
      reason: 'ambiguous',
      platform: 'console',
      userName: 'You',
    });

    expect(await typed('/stats')).toMatch(/Accuracy: 100%\nQuestions answered: 1 \(1 right\)\nStreak: 1 now, best 1/);
    expect(await typed('/leaderboard')).toMatch(/1\. You: \d+ points \(1 of 1 right\)/);

    // A week later the order is due again, with its events shown in another order.
    clock.advance(30 * 86_400_000);
    const review = await typed('/review');
    expect(review).toMatch(/== Review 1 of 1 ==/);
    const shown = game?.questions[0]?.options ?? [];
    const again = [...review.matchAll(/^\d\. (.+)$/gm)].map((m) => m[1]).slice(0, 4);
    expect(new Set(again)).toEqual(new Set(shown));
    expect(again).not.toEqual(shown);
    expect(await typed('4 3 2 1')).toMatch(/== Review done ==/);
  });
});
