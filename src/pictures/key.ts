import { createHash } from 'node:crypto';

const keys = new WeakMap<Uint8Array, string>();

/**
 * 128 bits of the PNG's SHA-256, in hex: a picture named by its content,
 * so a name never stands for another picture. Hashed once per PNG: a
 * memoised reply hands back the same bytes each time.
 */
export function pictureKey(png: Uint8Array): string {
  let key = keys.get(png);
  if (!key) {
    key = createHash('sha256').update(png).digest('hex').slice(0, 32);
    keys.set(png, key);
  }
  return key;
}
