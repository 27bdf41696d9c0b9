/**
 * `quiz:typed:<game>:<round>`: the Answer button of a typed round, and the
 * answer box it opens. The one place this action is spelt.
 */
export function typedAnswerAction(gameId: string, round: number): string {
  return `quiz:typed:${gameId}:${round}`;
}

export function parseTypedAnswerAction(action: string): { gameId: string; round: number } | undefined {
  const m = /^quiz:typed:([A-Za-z0-9_-]{1,40}):(\d{1,3})$/.exec(action);
  if (!m) return undefined;
  return { gameId: m[1] as string, round: Number(m[2]) };
}
