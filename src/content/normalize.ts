/**
 * Folds a name for matching: "Füzuli", "Fuzuli" and "FUZULI" are one key, and
 * so are "Ganja" and "Gəncə"-style spellings as far as plain ASCII allows.
 */
export function foldName(name: string): string {
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
