import { foldName } from '../../content/normalize.js';

/**
 * The form names are compared in: folded (case, accents, punctuation gone),
 * without a leading article, and without spaces, so "the Caucasus" is
 * "Caucasus" and "Sky Striker" is "SkyStriker". Its length is the number of
 * letters and digits, which is what the edit allowance counts.
 */
export function nameKey(text: string): string {
  return foldName(text)
    .replace(/^(?:the|a|an) (?=\S)/, '')
    .replace(/ /g, '');
}

/**
 * Edits forgiven in a name of this many letters: none up to four (a slip
 * there makes another word: Baku, Bako), then one for every five letters.
 */
export function allowedEdits(letters: number): number {
  return letters <= 4 ? 0 : Math.floor(letters / 5);
}

/** Up to this many edits a refused answer is still worth a "did you mean": twice the allowance, at least one. */
export function nearMissEdits(letters: number): number {
  return Math.max(1, 2 * allowedEdits(letters));
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];

/** "one letter off", "two letters off". */
export function lettersOff(edits: number): string {
  const count = COUNT_WORDS[edits] ?? String(edits);
  return `${count} letter${edits === 1 ? '' : 's'} off`;
}
