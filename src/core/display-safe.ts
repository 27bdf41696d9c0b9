/**
 * Characters that change how the text around them is shown rather than being
 * text: controls (but newline and tab) and Unicode format characters, which
 * include the bidirectional embeddings, overrides and isolates, zero-width
 * joiners and the BOM. Echoed back in a message, an RTL override can make
 * "2020-10" read as something else, and a NUL or escape code can garble a
 * terminal.
 */
const INVISIBLE = /(?![\n\t])[\p{Cc}\p{Cf}]/gu;

/** Longer messages are cut: an error that echoes 100 KB of input helps nobody. */
export const DISPLAY_MAX = 1_500;

/** `text` without its invisible formatting characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** `text` as it may be shown to a user: invisible formatting characters removed, at most `max` characters. */
export function displaySafe(text: string, max = DISPLAY_MAX): string {
  const visible = withoutInvisible(text);
  if (visible.length <= max) return visible;
  // Cut on a code point, never inside a surrogate pair.
  return `${Array.from(visible.slice(0, max)).slice(0, -1).join('')}…`;
}
