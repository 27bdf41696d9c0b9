import type { Caller } from '../../src/core/command.js';
import { closeDueQuizRounds, loadGame } from '../../src/engine/quiz/game.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import { quizPick } from '../../src/engine/study/quiz-messages.js';
import type { Harness } from '../support/harness.js';

export interface Member {
  userId: string;
  userName: string;
  /** Does this member answer round `r` right? */
  right(round: number): boolean;
}

export const ANI: Member = { userId: 'u-ani', userName: 'Ani', right: () => true };
export const BOB: Member = { userId: 'u-bob', userName: 'Bob', right: (r) => r % 2 === 0 };
export const CEM: Member = { userId: 'u-cem', userName: 'Cem', right: () => false };

export const CHANNEL = { platform: 'discord' as const, channelId: 'c1' };

export function as(member: Member): Partial<Caller> {
  return { userId: member.userId, userName: member.userName };
}

/**
 * Plays one whole game in channel c1: each member clicks in turn, a second
 * apart; a round nobody finishes early closes at its deadline through the
 * scheduler's own function. Chronology rounds are answered with picks: the
 * right order, or the right order reversed.
 */
export async function playGame(h: Harness, line: string, members: readonly Member[]): Promise<void> {
  await h.run(line, as(members[0] as Member));
  for (let guard = 0; guard < 50; guard++) {
    const game = await loadGame(h, CHANNEL);
    if (!game) return;
    const question = game.questions[game.round];
    if (!question) throw new Error('no question');
    for (const m of members) {
      h.clock.advance(1_000);
      if (question.order) {
        const order = m.right(game.round) ? question.order : [...question.order].reverse();
        for (const item of order) await h.click(quizPick.encode({ gameId: game.id, round: game.round, item }), as(m));
      } else {
        const option = m.right(game.round) ? question.answer : (question.answer + 1) % question.options.length;
        await h.click(quizAnswer.encode({ gameId: game.id, round: game.round, option }), as(m));
      }
    }
    const open = await loadGame(h, CHANNEL);
    if (open && open.id === game.id && open.round === game.round) {
      h.clock.ms = open.deadline + 1;
      await closeDueQuizRounds(h);
    }
  }
}
