import { foldName, foldText } from './normalize.js';

/**
 * How the excerpt checks find a name in a text, with everything that
 * depends only on the name (its folded key, its regular expressions) worked
 * out once: a pack names the same few hundred actors and places in tens of
 * thousands of excerpts.
 */

/** An excerpt folded once: as written, padded for whole-word search, and as words when a state is looked for. */
export class FoldedText {
  readonly padded: string;
  private split: string[] | undefined;

  constructor(readonly raw: string) {
    this.padded = ` ${foldText(raw)} `;
  }

  get words(): string[] {
    this.split ??= this.padded.slice(1, -1).split(' ');
    return this.split;
  }
}

/** A short name in capitals ("US", "EU"), which folded would be a word ("us"). */
export const isAcronym = (label: string) => /^[A-Z]{2,3}$/.test(label);

export class NameMatcher {
  /** Matches the acronym as written, for a name that is one. */
  private readonly acronym: RegExp | undefined;
  /** The folded name padded as whole words, and its plural or possessive; undefined when too short to mean it. */
  private readonly whole: string | undefined;
  private readonly plural: string | undefined;
  /** The name sharing its last word with another in a pair ("the Black and Caspian seas"). */
  private readonly pair: RegExp | undefined;

  constructor(name: string) {
    const key = foldName(name);
    this.acronym = isAcronym(name) ? new RegExp(`\\b${name}\\b`) : undefined;
    this.whole = key.length >= 3 ? ` ${key} ` : undefined;
    this.plural = key.length >= 3 ? ` ${key}s ` : undefined;
    const words = key.split(' ');
    const head = words.pop() ?? '';
    // Folded, a name is letters, digits and spaces: nothing in it needs escaping.
    this.pair = words.length > 0 ? new RegExp(` ${words.join(' ')} and \\S+ ${head}s? `) : undefined;
  }

  /** Does the padded folded text hold the name as whole words (a possessive "Pashinyan's" too)? */
  wordsIn(padded: string): boolean {
    return this.whole !== undefined && (padded.includes(this.whole) || padded.includes(this.plural as string));
  }

  /** The name as whole words; an acronym only as written; or sharing its last word with another name in a pair. */
  in(text: FoldedText): boolean {
    if (this.acronym) return this.acronym.test(text.raw);
    return this.wordsIn(text.padded) || (this.pair?.test(text.padded) ?? false);
  }
}

/** Matchers by name, each built once for as long as the map is kept (one run of the checks). */
export class NameMatchers {
  private readonly byName = new Map<string, NameMatcher>();

  of(name: string): NameMatcher {
    let matcher = this.byName.get(name);
    if (!matcher) {
      matcher = new NameMatcher(name);
      this.byName.set(name, matcher);
    }
    return matcher;
  }
}
