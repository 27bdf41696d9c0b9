import { textCache } from './text-cache.js';

/**
 * Folds a name for matching: "Füzuli", "Fuzuli" and "FUZULI" are one key, and
 * so are "Ganja" and "Gəncə"-style spellings as far as plain ASCII allows.
 */
export function foldName(name: string): string {
  return folded(name);
}

/**
 * A text's words, folded, cut to their first `stem` letters so that
 * "clash" and "clashes" meet, without words shorter than `min` or those in
 * `skip`. The question rules each compare texts this way, at their own
 * lengths: four letters tell titles apart, five find a shared stem.
 */
export function wordStems(text: string, min: number, stem: number, skip?: ReadonlySet<string>): string[] {
  return foldName(text)
    .split(' ')
    .filter((w) => w.length >= min && !skip?.has(w))
    .map((w) => w.slice(0, stem));
}

/**
 * The same names and excerpts are folded again with every question dealt and every rule checked: each once,
 * up to a few packs' worth.
 */
const folded = textCache(50_000, (name) => fold(name));

/**
 * foldName for text read once per load, such as an excerpt being checked:
 * not kept, as a large pack's tens of thousands of excerpts would cost more
 * to keep than to fold, and would push out the names folded over and over.
 */
export function foldText(text: string): string {
  return fold(text);
}

function fold(name: string): string {
  return foldPlain(name) ?? foldAny(name);
}

/**
 * Punctuation outside ASCII that the full fold turns into a word break and
 * nothing else: typographic quotes, dashes, "…", "«»", a no-break space.
 */
const BREAKS = new Set([0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x201c, 0x201d, 0x2026]);
const RIGHT_QUOTE = 0x2019;
const SPACE = 0x20;

/** Longer text goes the full way: foldPlain passes its characters to String.fromCharCode as arguments, and those are limited. */
const PLAIN_LENGTH = 10_000;

/**
 * foldAny's result for text of ASCII and BREAKS, in one pass; undefined for
 * any other character (a letter with a mark, "ə", a ligature…). Nearly all
 * of a pack's text is plain, and the full fold's Unicode normalisation and
 * seven regular expressions take five times as long over it as this pass.
 * The key is made from a list of codes, not a character at a time: a string
 * grown by `+=` is a chain of pieces that must be copied flat to be
 * searched, and the name checks search every excerpt's key.
 */
function foldPlain(name: string): string | undefined {
  if (name.length > PLAIN_LENGTH) return undefined;
  const codes: number[] = [];
  let broken = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) {
      if (broken && codes.length > 0) codes.push(SPACE);
      broken = false;
      codes.push(lower);
    } else if (c === 39 || c === 96 || c === RIGHT_QUOTE) {
      // An apostrophe joins what it splits: "Russia’s" is "russias".
    } else if (c < 128 || BREAKS.has(c)) broken = true;
    else return undefined;
  }
  return String.fromCharCode(...codes);
}

function foldAny(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[əƏ]/g, 'a')
    .replace(/[ıİ]/g, 'i')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Article text as it stands once conversion damage is undone: whitespace
 * (line and page breaks included) collapsed, and "\$" read as "$".
 */
export function normalizeArticleText(text: string): string {
  return text.replace(/\\\$/g, '$').replace(/\s+/g, ' ').trim();
}

/**
 * The same text with each run of whitespace that holds a line break kept as
 * one "\n": same length and positions as normalizeArticleText, so a match
 * found in one can be read for paragraph starts in the other.
 */
export function articleTextWithBreaks(text: string): string {
  return text
    .replace(/\\\$/g, '$')
    .replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '))
    .trim();
}
