/**
 * Folds a name for matching: "Füzuli", "Fuzuli" and "FUZULI" are one key, and
 * so are "Ganja" and "Gəncə"-style spellings as far as plain ASCII allows.
 */
export function foldName(name: string): string {
  let key = folded.get(name);
  if (key === undefined) {
    // Typed answers and reloaded packs pass through here too: the memo is kept to a few packs' worth.
    if (folded.size > 50_000) folded.clear();
    key = fold(name);
    folded.set(name, key);
  }
  return key;
}

/** The same names and excerpts are folded again with every question dealt and every rule checked: each once. */
const folded = new Map<string, string>();

function fold(name: string): string {
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
