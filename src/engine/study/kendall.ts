/**
 * Partial credit for an order by Kendall tau distance: the share of pairs
 * the player put the right way round. `given` and `truth` list the same
 * items; 1 is the right order, 0 its exact reverse.
 */
export function orderCredit(given: readonly number[], truth: readonly number[]): number {
  const rank = new Map(truth.map((item, i) => [item, i]));
  let pairs = 0;
  let agreeing = 0;
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      pairs++;
      if ((rank.get(given[i] as number) ?? 0) < (rank.get(given[j] as number) ?? 0)) agreeing++;
    }
  }
  return pairs === 0 ? 1 : agreeing / pairs;
}

/** How many pairs are the wrong way round: the number the reveal shows. */
export function swappedPairs(given: readonly number[], truth: readonly number[]): number {
  const n = given.length;
  return Math.round((1 - orderCredit(given, truth)) * ((n * (n - 1)) / 2));
}

/**
 * The items picked so far, first pick first; a repeated pick is ignored.
 * Every item is picked, the last one too, so a typed order ("3 1 4 2")
 * and clicks mean the same thing.
 */
export function foldPicks(picks: readonly number[], size: number): number[] {
  const order: number[] = [];
  for (const item of picks) if (item >= 0 && item < size && !order.includes(item)) order.push(item);
  return order;
}
