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

/** The longest player name shown; a name is for telling players apart on a board. */
export const NAME_MAX = 64;

/**
 * A player's display name as Chronicle posts it: no invisible characters,
 * no markup that Slack or Discord would act on ("<!channel>", "*bold*",
 * a backtick), one line, at most NAME_MAX characters; the id when nothing
 * is left.
 */
export function displayName(raw: string | null | undefined, fallback: string): string {
  const cleaned = withoutInvisible(raw ?? '')
    .replace(/[<>*_~`|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned ? displaySafe(cleaned, NAME_MAX) : fallback;
}
