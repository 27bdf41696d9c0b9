/**
 * Where a pasted excerpt parts from its article, so a curator sees the one
 * character to fix instead of an 80-character prefix of the whole excerpt.
 */

/** Characters of context shown either side of the first difference. */
const AROUND = 30;

export interface Divergence {
  /** How many characters of `wanted` stand, in order, somewhere in `text`. */
  matched: number;
  /** `wanted` around the first character that does not. */
  wantedAround: string;
  /** `text` at the place the longest match ends, or undefined when not even the first character stands. */
  textAround?: string;
}

function around(s: string, at: number): string {
  const start = Math.max(0, at - AROUND);
  const end = Math.min(s.length, at + AROUND);
  return `${start > 0 ? '…' : ''}${s.slice(start, at)}⟨here⟩${s.slice(at, end)}${end < s.length ? '…' : ''}`;
}

/**
 * The longest prefix of `wanted` found in `text` (a prefix that stands means
 * every shorter one does, so a binary search finds it), and both texts
 * around where they part.
 */
function divergence(wanted: string, text: string): Divergence {
  let lo = 0;
  let hi = wanted.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (text.includes(wanted.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const at = text.indexOf(wanted.slice(0, lo));
  return {
    matched: lo,
    wantedAround: around(wanted, lo),
    textAround: lo > 0 ? around(text, at + lo) : undefined,
  };
}

/**
 * What a curator can act on: how far `wanted` matched `text`, and what each
 * has where they part. `names` labels the two lines ("yours", "article").
 */
export function describeDivergence(
  label: string,
  wanted: string,
  text: string,
  where: string,
  names: [string, string] = ['yours', 'article'],
): string {
  const d = divergence(wanted, text);
  if (d.textAround === undefined) return `${label} does not stand in ${where}: not even its first character does`;
  const width = Math.max(names[0].length, names[1].length) + 1;
  return (
    `${label} does not stand word for word in ${where}: the first ${d.matched} characters match, then it differs.\n` +
    `    ${`${names[0]}:`.padEnd(width)} ${d.wantedAround}\n` +
    `    ${`${names[1]}:`.padEnd(width)} ${d.textAround}`
  );
}
