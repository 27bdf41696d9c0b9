/**
 * Cutting text to a platform's limits, the one way every layer does it: each
 * caller passes its own limit (a Discord embed field, a Slack header, a
 * console line), and nothing is cut mid-word unless one word is longer than
 * the limit.
 */

/** Cuts `text` to at most `max` characters on a word boundary, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A word boundary late enough to keep most of the text; otherwise one long word is cut where it must be.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Splits `text` into pieces of at most `max` characters, breaking between
 * paragraphs, then lines, then words, so a page never ends mid-word unless
 * a single word is longer than a page. Never returns an empty list.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = -1;
    for (const separator of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(separator);
      if (at > max / 4) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Text to match literally inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An article's words between quotation marks, unless they open with the
 * article's own (“France is very worried…,” Macron said): a second mark
 * there reads ““France, so such a cut stands as it is.
 */
export function inQuotes(excerpt: string): string {
  return /^…?\s*[“"‘]/.test(excerpt) ? excerpt : `“${excerpt}”`;
}
