import { UserError } from './errors.js';

/** A typed command line: `/timeline 2020-10 topic:Ganja` or `/quiz start rounds:3`. */
export interface CommandLine {
  name: string;
  /** Bare words after the name, in order (a subcommand, then required options). */
  words: string[];
  /** `name:value` pairs. */
  named: Record<string, string>;
}

/** Splits on spaces, keeping "quoted phrases" and name:"quoted values" whole. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /(?:[^\s"“”]+|"[^"]*"|“[^”]*”)+/g;
  for (const match of text.matchAll(pattern)) tokens.push(match[0].replace(/["“”]/g, ''));
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1) {
    throw new UserError('A quotation mark is not closed; put the phrase in "double quotes".');
  }
  return tokens;
}

const NAMED = /^([a-z][a-z0-9_-]*):(.*)$/i;

/** Parses the text after the slash. The name is required; everything else is the command's to judge. */
export function parseCommandLine(text: string): CommandLine {
  const trimmed = text.trim().replace(/^\//, '');
  const [name = '', ...rest] = tokenize(trimmed);
  const words: string[] = [];
  const named: Record<string, string> = {};
  for (const token of rest) {
    const m = NAMED.exec(token);
    // "2020-10" has no colon; a time like "08:00" starts with a digit, so it stays a word.
    if (m?.[1] && m[2] !== undefined) named[m[1].toLowerCase()] = m[2];
    else words.push(token);
  }
  return { name: name.toLowerCase(), words, named };
}
