import { foldName } from '../../content/normalize.js';
import { textCache } from '../../content/text-cache.js';

/**
 * How an option looks, apart from what it says. A player who cannot tell
 * the answer can still see the one option shaped unlike the rest, or twice
 * as long; questions are built so that no option stands out like that, and
 * the audit checks that the answer never does.
 */

/** A run of letters is "a", of digits "9": "27 September 2020" and "5–12 October 2020" differ in shape. */
export function shapeOf(text: string): string {
  return text.replace(/\p{L}+/gu, 'a').replace(/\d+/g, '9');
}

/** The one index whose feature no other option shares, when all the others share theirs; else undefined. */
export function oddOneOut<T>(values: readonly T[]): number | undefined {
  if (values.length < 3) return undefined;
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size !== 2) return undefined;
  const odd = values.findIndex((v) => counts.get(v) === 1);
  return odd >= 0 ? odd : undefined;
}

/** Far the longest: twice the next and a dozen characters more. Far the shortest likewise. */
export function farLongest(options: readonly string[], i: number): boolean {
  const mine = (options[i] as string).length;
  const next = Math.max(...options.filter((_, j) => j !== i).map((o) => o.length));
  return mine > 2 * next && mine - next > 12;
}

export function farShortest(options: readonly string[], i: number): boolean {
  const mine = (options[i] as string).length;
  const next = Math.min(...options.filter((_, j) => j !== i).map((o) => o.length));
  return 2 * mine < next && next - mine > 12;
}

/** The last word, folded: "2022" among three "2020"s, "Party" among three "Ministry"s. */
export function lastWordOf(text: string): string {
  return foldName(text).split(' ').at(-1) ?? '';
}

/** The decade a year names ("199" of 1994), or "": the one year of the 1990s among three of the 2010s stands out. */
export function decadeOf(text: string): string {
  return /\b(1\d|20)(\d)\d\b/.exec(text)?.slice(1, 3).join('') ?? '';
}

/**
 * An option's shape, last word and decade, worked out once: planning sets
 * each event's title beside thousands of trios of others. Kept to a pack's
 * worth of options.
 */
const featuresOf = textCache(100_000, (text): [string, string, string] => [
  shapeOf(text),
  lastWordOf(text),
  decadeOf(text),
]);

/** Does any option stand out by shape, last word or length, so that a blind player could pick it, or rule it out? */
export function anyStandsOut(options: readonly string[]): boolean {
  if (options.length < 3) return false;
  const seen = options.map(featuresOf);
  for (let feature = 0; feature < 3; feature++)
    if (oddOneOut(seen.map((f) => f[feature] as string)) !== undefined) return true;
  return options.some((_, i) => farLongest(options, i) || farShortest(options, i));
}
