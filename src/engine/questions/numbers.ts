/**
 * Numbers as articles write them: "16", "2,300", "seven", "1.8 billion",
 * "a million". A figure question blanks the one number in an excerpt that
 * stands for the figure, so the article's own words keep its scope and
 * qualifier ("nearly ___", "this weekend").
 */

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  a: 1,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

export interface NumberInText {
  value: number;
  start: number;
  end: number;
  /** Written in words ("seven"), so the options show digits. */
  words: boolean;
}

const NUMBER =
  /(?<![\p{L}\p{N}.,])(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a)(?= (?:thousand|million|billion)\b)|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty))(?: (thousand|million|billion))?(?![\p{L}\p{N}])/giu;

/** The pack's texts are read for numbers again with every game dealt: each is read once. */
const read = new Map<string, readonly NumberInText[]>();

/** Every number in the text, with where it stands. A range ("7,000–10,000") counts as its two ends. */
export function numbersIn(text: string): readonly NumberInText[] {
  let found = read.get(text);
  if (!found) {
    // Typed answers pass through here too: the memo is kept to a pack's worth, not grown without end.
    if (read.size > 20_000) read.clear();
    found = Object.freeze(scan(text));
    read.set(text, found);
  }
  return found;
}

function scan(text: string): NumberInText[] {
  const out: NumberInText[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, digits, fraction, scaledWord, word, scale] = m;
    let value: number;
    if (digits !== undefined) value = Number(`${digits.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
    else value = WORDS[(scaledWord ?? word ?? '').toLowerCase()] ?? Number.NaN;
    if (scale) value *= SCALES[scale.toLowerCase()] ?? 1;
    if (Number.isNaN(value)) continue;
    // A bare "a" is an article; it is a number only before a scale word.
    if (scaledWord?.toLowerCase() === 'a' && !scale) continue;
    out.push({
      value: Math.round(value * 1e6) / 1e6,
      start: m.index,
      end: m.index + whole.length,
      words: digits === undefined,
    });
  }
  return out;
}

/** Two numbers are the same figure if they agree to a part in a million (1.8 billion vs 1,800,000,000). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-6;
}
