import { distance } from 'fastest-levenshtein';
import { formatDate } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Actor } from '../../content/schema.js';
import { textCache } from '../../content/text-cache.js';
import { packCache } from '../../core/pack-memo.js';
import { escapeRegExp } from '../../core/text.js';

/**
 * "World Socialist Web Site's article of 4 October 2020": the article, not
 * only the outlet, since one outlet's articles give different figures.
 */
export function articleOf(pack: Pack, sourceId: string): string {
  const source = pack.sources.get(sourceId);
  return source
    ? `${outletInSentence(source.outlet)}’s article of ${formatDate(source.date)}`
    : 'an article in the pack';
}

/** Outlets named for what they are read with "the": "the World Socialist Web Site", "the Millbrook Gazette". */
const OUTLET_TAKES_THE =
  /\b(Web ?Site|Post|Times|Herald|Gazette|Sentinel|Dispatch|Journal|News|Tribune|Telegraph|Guardian|Independent|Observer|Chronicle|Courier|Review|Agency)$/i;

/** "the World Socialist Web Site", but "South Front", "Le Figaro", and "The Jerusalem Post" as it names itself. */
export function outletInSentence(outlet: string): string {
  return /^(the|le|la|les|el|die|der)\b/i.test(outlet) || !OUTLET_TAKES_THE.test(outlet) ? outlet : `the ${outlet}`;
}

/** An excerpt's own words, without the "…" that mark where its sentence goes on, spaces collapsed. */
export function bareExcerpt(text: string): string {
  return text
    .replace(/^…\s*|\s*…$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An excerpt as a reader sees a cut from an article: an ellipsis where the sentence goes on. */
export function asExcerpt(text: string): string {
  const trimmed = text.trim();
  // A bracketed name ("[Washington] gave…") stands for the sentence’s own first words.
  const head = /^[\p{Lu}\d“"‘'$…[]/u.test(trimmed) ? '' : '…';
  const tail = /[.!?…]["”’']?$/.test(trimmed) ? '' : '…';
  return `${head}${trimmed.replace(/[,;:]$/, '')}${tail}`;
}

/** How a speaker is referred to after its name: "he" or "she", "they", or "it". */
export function grammarOf(actor: Actor): 'person' | 'plural' | 'singular' {
  if (actor.kind === 'person') return 'person';
  if (actor.kind === 'group' || /^\d/.test(actor.name) || /\b\w+s\b(?! of)/.test(actor.name.split(' ')[0] ?? ''))
    return 'plural';
  return /(forces|officials|lawmakers|civilians|media)\b/i.test(actor.name) ? 'plural' : 'singular';
}

/** Words that point back at the speaker: a name of another number or person in its place would not fit them. */
export const BACK_REFERENCE = /\b(it|its|itself|they|their|them|themselves|he|his|him|himself|she|her|herself)\b/i;

/** Kinds of actor whose name reads with "the" inside a sentence: "the Russian Foreign Ministry said". */
const TAKES_THE = new Set(['government-body', 'armed-force', 'organisation', 'alliance', 'company']);

/** States named as a union or plural read with "the": "the United States", "the Netherlands", but "Armenia". */
const STATE_TAKES_THE =
  /^(United|Republic|Kingdom|Federal|Democratic|Islamic|People's|Central African|Czech Republic)\b|(States|Islands|Emirates|Netherlands|Philippines|Bahamas|Maldives)$/;

/** The actor's name as it reads mid-sentence: "the European Union", but "NATO", "Armenia's Ministry of Defence". */
export function inSentence(actor: Actor, name = actor.name): string {
  // "officials in Europe", "a resident of Geghamasar": a common noun is not capitalised mid-sentence.
  const common = /^(Officials|Residents?|Civilians|Lawmakers|Soldiers|Protesters)\b/.exec(name);
  if (common) return `${/^Resident\b/.test(name) ? 'a r' : (common[1] as string)[0]?.toLowerCase()}${name.slice(1)}`;
  if (actor.kind === 'state') return STATE_TAKES_THE.test(name) ? `the ${name}` : name;
  const bare = !TAKES_THE.has(actor.kind) || /^the\b/i.test(name) || /'s\b|’s\b/.test(name) || /^[A-Z]{2,}$/.test(name);
  return bare ? name : `the ${name}`;
}

/** Up to `n` words either side of the first `mark` in the text: what describes the thing in the gap. */
export function wordsAround(text: string, mark: string, n: number): string {
  const at = text.indexOf(mark);
  if (at < 0) return '';
  const before = text.slice(0, at).split(/\s+/).filter(Boolean).slice(-n);
  const after = text
    .slice(at + mark.length)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, n);
  return [...before, ...after].join(' ');
}

/**
 * An alias that spells a word of the name otherwise ("Gashimov" for
 * Hashimov, "Toyuz" for Tovuz), not a surname alone, a title ("President
 * Aliyev") or a description ("Armenian-Azerbaijani state border"), which
 * are no spellings.
 */
function respells(alias: string, name: string): boolean {
  const own = name.split(/\s+/);
  return alias
    .split(/\s+/)
    .filter((w) => !own.includes(w))
    .some((w) => w.length >= 4 && own.some((o) => distance(w, o) <= 2));
}

/** Every place and person with aliases that respell its name, each alias with its whole-word pattern: once per pack. */
const respellings = packCache((pack, _: 'all') =>
  [...pack.places.values(), ...[...pack.actors.values()].filter((a) => a.kind === 'person')]
    .map(({ name, aliases }) => ({
      name,
      aliases: aliases
        .filter((a) => a.length >= 4 && !a.includes(name) && !name.includes(a) && respells(a, name))
        .map((alias) => ({ alias, word: new RegExp(`\\b${escapeRegExp(alias)}\\b`) })),
    }))
    .filter((named) => named.aliases.length > 0),
);

/**
 * The names the text gives in another spelling and does not also give as
 * they stand, with the spelling it prints, in the pack's order. Kept per
 * text: the same excerpts are glossed in game after game, and on a pack
 * whose every place and person has another spelling (20,000 events, 700
 * names) each gloss looked for every one.
 */
const respelt = packCache((pack, _: 'all') =>
  textCache(50_000, (text) => {
    const found: { name: string; printed: string }[] = [];
    for (const { name, aliases } of respellings(pack, 'all')) {
      if (text.includes(name)) continue;
      // A match holds the spelling as it stands: a text without it is passed over without the pattern.
      const printed = aliases.find(({ alias, word }) => text.includes(alias) && word.test(text))?.alias;
      if (printed) found.push({ name, printed });
    }
    return found;
  }),
);

/**
 * "“Tayush” and “Toyuz” are the article’s spellings of Tavush and Tovuz" (or ''):
 * a place or person the quoted words give under another name, glossed where the reader
 * meets it. A longer name of the same place or person ("the Tovuz district") needs none.
 * `whose` names the speller where "the article" could be any of several.
 */
export function spellingNote(
  pack: Pack,
  text: string,
  { shown, whose = 'the article’s', glossed = shown }: { shown?: string; whose?: string; glossed?: string } = {},
): string {
  const pairs: [string, string][] = [];
  for (const { name, printed } of respelt(pack, 'all')(text)) {
    // Beside titles that name a few things, only those: a gloss of every name in the excerpts is noise.
    if (shown !== undefined && !shown.includes(name)) continue;
    // Already glossed where it is shown ("Tovuz (“Toyuz” in the article)"), `glossed` saying where: once is enough.
    if (!glossed?.includes(`“${printed}”`)) pairs.push([printed, name]);
  }
  if (pairs.length === 0) return '';
  const list = (xs: string[], quote: boolean) => {
    const shown = xs.map((x) => (quote ? `“${x}”` : x));
    return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] as string);
  };
  const verb = pairs.length > 1 ? 'are' : 'is';
  return `${list(
    pairs.map((p) => p[0]),
    true,
  )} ${verb} ${whose} spelling${pairs.length > 1 ? 's' : ''} of ${list(
    pairs.map((p) => p[1]),
    false,
  )}`;
}

/** A sentence's opening article in lower case, for the words to follow a lead-in ("As of …, the press service …"). */
export function lowerLeadingArticle(text: string): string {
  return text.replace(/^(The|A|An)\b/, (w) => w.toLowerCase());
}

/** A note in brackets after what it glosses, or nothing. */
export function aside(note: string): string {
  return note ? ` (${note})` : '';
}
