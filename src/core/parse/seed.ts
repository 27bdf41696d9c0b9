import { UserError } from '../errors.js';

/**
 * A seed for question generation: any word or number. Numbers are used as
 * they are so `--seed 7` means the same thing everywhere; words are hashed.
 */
export function parseSeed(raw: string | undefined): number {
  const text = (raw ?? '').trim();
  if (text === '') throw new UserError('A seed is needed: any number or word, for example --seed 7.');
  if (/^\d{1,9}$/.test(text)) return Number(text);
  if (text.length > 200) throw new UserError('A seed may be at most 200 characters long.');
  return hashString(text);
}

/** FNV-1a, 32 bits: a stable number for a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
