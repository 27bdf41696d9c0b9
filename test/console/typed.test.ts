import { describe, expect, it } from 'vitest';
import { CONSOLE_CHANNEL } from '../../src/adapters/console/session.js';
import type { TypedQuestion } from '../../src/engine/questions/typed.js';
import { loadGame } from '../../src/engine/quiz/game.js';
import { consoleSession } from '../support/console-session.js';

function console_() {
  const { typed, services, clock } = consoleSession();
  const question = async () => {
    const game = await loadGame(services, CONSOLE_CHANNEL);
    return game?.questions[game.round] as TypedQuestion;
  };
  return { typed, question, clock };
}

describe('a typed round on the console', () => {
  it('plays to its final standings: 1 opens the answer, the next line is the answer, a number included', async () => {
    const { typed, question, clock } = console_();
    const start = await typed('/quiz start mode:typed rounds:3');
    expect(start).toMatch(/Question 1 of 3: typed/);
    expect(start).toMatch(/\[1\] Answer/);

    const answers: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const q = await question();
      const right = q.options[q.answer] as string;
      answers.push(right);
      const asked = await typed('1');
      expect(asked).toMatch(new RegExp(`^Question ${round} of 3: type `));
      expect(asked).toContain(`${q.wants} on the next line`);
      clock.advance(2_000);
      // Played alone, the round closes on the answer: the reveal follows at once.
      const played = await typed(right);
      expect(played).toMatch(/^Answer received\. It stays private until the reveal\./);
      expect(played).toContain(`== Answer to question ${round} of 3: ${right} ==`);
      expect(played).toMatch(
        new RegExp(`You typed “${right.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”: right \\(\\+\\d+\\)`),
      );
      expect(played).toMatch(/^> “/m);
      if (round < 3) expect(played).toContain(`== Question ${round + 1} of 3: typed`);
      else expect(played).toMatch(/== Quiz over ==\n\nFinal standings\n1\. You: \d+ points \(3 right\)/);
    }
  });

  it('scores a wrong answer nothing and still ends with the final standings', async () => {
    const { typed } = console_();
    await typed('/quiz start mode:typed rounds:1');
    await typed('1');
    const played = await typed('no idea');
    expect(played).toMatch(/You typed “no idea”: wrong \(\+0\)/);
    expect(played).toMatch(/1\. You: 0 points \(0 right\)/);
    expect(await typed('/quiz score')).toMatch(/Final standings/);
  });

  it('runs a command typed while the answer is awaited, and the answer is no longer awaited', async () => {
    const { typed } = console_();
    await typed('/quiz start mode:typed rounds:2');
    await typed('1');
    expect(await typed('/quiz score')).toMatch(/Standings so far/);
    expect(await typed('7')).toMatch(/There is no choice 7/);
  });
});
