/**
 * Alt text: what the picture shows, in words. Discord caps image
 * descriptions at 1,024 characters, so lists end in "and N more" before that.
 */
export const ALT_LIMIT = 1000;

/** Joins items after `head` until the limit, then says how many were left out. */
export function altText(head: string, items: readonly string[], tail = ''): string {
  let out = head;
  let shown = 0;
  for (const item of items) {
    const rest = items.length - shown - 1;
    const more = rest > 0 ? `; and ${rest} more.` : '.';
    const candidate = `${out}${shown === 0 ? ' ' : '; '}${item}`;
    if (candidate.length + more.length + tail.length + 1 > ALT_LIMIT) break;
    out = candidate;
    shown++;
  }
  const left = items.length - shown;
  out += left > 0 ? `${shown === 0 ? ' ' : '; '}and ${left} more.` : shown > 0 ? '.' : '';
  return tail ? `${out} ${tail}` : out;
}
