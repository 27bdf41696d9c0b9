import { defineAction, wholeNumber } from '../../core/action.js';

/** `quiz:typed:<game>:<round>`: the Answer button of a typed round, and the answer box it opens. */
export const typedAnswer = defineAction<{ gameId: string; round: number }>({
  name: 'quiz:typed',
  encode: (a) => [a.gameId, a.round],
  parse: ([gameId, round, ...rest]) => {
    const n = wholeNumber(round, 3);
    return rest.length === 0 && gameId && /^[A-Za-z0-9_-]{1,40}$/.test(gameId) && n !== undefined
      ? { gameId, round: n }
      : undefined;
  },
});
