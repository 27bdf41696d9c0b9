import type { Named, Report, Segment } from './check-types.js';
import { MONTH_NAMES, precisionOf, WEEKDAY_NAMES } from './dates.js';
import { FoldedText, isAcronym, NameMatcher, NameMatchers } from './name-match.js';
import { foldName, foldText } from './normalize.js';
import type { PackData } from './pack.js';

/**
 * The rules of how an excerpt reads alone in a reveal, and what it must
 * show of its item: a quote's text that reads as said, an opening that
 * says who, the speaker named, a date other than the article's given in
 * words, and every actor and place an event lists named.
 */

const PUNCTUATION_NAME: Record<string, string> = { ',': 'a comma', ';': 'a semicolon', ':': 'a colon' };

/** Where the words spoken start: their first letter, past any opening quotation mark or "…". */
const STARTS_LOWER = /^[\s…"“‘'(]*\p{Ll}/u;
/** One full stop at the end, not the "..." of words left out. */
const ENDS_IN_FULL_STOP = /(?<!\.)\.\s*$/;

/**
 * A quote's text is the words spoken. The comma an article puts after them
 * ("…of our town," Ortiz said) is the article's, not the speaker's, and a
 * quote that ends in one reads as cut off; the excerpt keeps it. Words taken
 * from inside a sentence ("…to stress French support for “respecting
 * Armenia's territorial integrity.”") are a fragment: the full stop is the
 * end of the article's sentence, and on the fragment it reads as the
 * speaker's whole sentence.
 */
export function checkQuoteTexts(pack: PackData, report: Report): void {
  for (const quote of pack.quotes) {
    const text = quote.text.trim();
    const shown = text.length > 30 ? `…${text.slice(-30).replace(/^\S*\s+/, '')}` : text;
    const end = /([,;:])\s*$/.exec(text);
    if (end?.[1])
      report(
        quote,
        ['text'],
        `quote text ends in ${PUNCTUATION_NAME[end[1]]} ("${shown}"): end it with the words spoken; the article's punctuation after them stays in the excerpt`,
      );
    else if (STARTS_LOWER.test(text) && ENDS_IN_FULL_STOP.test(text))
      report(
        quote,
        ['text'],
        `quote text starts inside a sentence but ends in its full stop ("${shown}"): a fragment ends with the words spoken, without the stop; the excerpt keeps it`,
      );
  }
}

/** Pronouns, and the demonstratives that point back like them ("These forces"), which say nothing read alone. */
const PRONOUNS = 'He|She|It|They|These|Those|This|His|Her|Its|Their';
/** At the start: a sentence's capital, after an opening quotation mark or not. */
const OPENS_WITH_PRONOUN = new RegExp(`^([“"‘']?)(${PRONOUNS})\\b`);
/** After "…", where the excerpt starts inside a sentence, in lower case too. */
const RESUMES_WITH_PRONOUN = new RegExp(`^…\\s*([“"‘']?)(${PRONOUNS})\\b`, 'i');

/**
 * An excerpt is read on its own in a reveal, far from the sentence before it
 * in the article. One that opens with a pronoun ("He declared: …", "It
 * stressed…", "These forces…") does not say who or what it is about; the
 * curator puts the name in brackets in its place, as quoting does.
 */
export function checkOpenings(pack: PackData, report: Report): void {
  // An event's evidence is named by its number; the path and label are made only for an excerpt that opens with a pronoun.
  const check = (item: object, excerpt: string, evidence?: number) => {
    const text = excerpt.trim();
    const found = OPENS_WITH_PRONOUN.exec(text) ?? RESUMES_WITH_PRONOUN.exec(text);
    if (!found) return;
    const [whole, mark = '', word = ''] = found;
    const lead = text.startsWith('…') ? '…' : '';
    const next = text.slice(whole.length).trim().split(/\s+/).slice(0, 3).join(' ');
    const at: Segment[] = evidence === undefined ? ['excerpt'] : ['evidence', evidence, 'excerpt'];
    const label = evidence === undefined ? 'excerpt' : `evidence ${evidence + 1}`;
    report(
      item,
      at,
      `${label} opens with "${word}", and read on its own does not say who or what that is: put the name it stands for in brackets in its place, as quoting does (${lead}${mark}[Name] ${next}…)`,
    );
  };
  for (const event of pack.events)
    event.evidence.forEach((e, i) => {
      check(event, e.excerpt, i);
    });
  for (const claim of pack.claims) check(claim, claim.excerpt);
  for (const quote of pack.quotes) check(quote, quote.excerpt);
  for (const fact of pack.facts) check(fact, fact.excerpt);
}

/** Words that point back or stand for anyone: they name no speaker, even given as speakerNamedAs. */
const NO_NAME = new Set('he she it they this these those his her its their one we i'.split(' '));

/** A person's last name, by which an excerpt may name them; none for anything else. */
function surnameOf(item: Named): string | undefined {
  return item.kind === 'person' ? (item.name.split(/\s+/).at(-1) ?? '') : undefined;
}

/** What an item is named by in an excerpt: its name, its aliases, and a person's surname. */
function labelsOf(item: Named): string[] {
  const surname = surnameOf(item);
  return surname === undefined ? [item.name, ...item.aliases] : [item.name, ...item.aliases, surname];
}

/** Each item's labels as matchers, built the first time the item is looked for in one run of a check. */
function labelMatchers(): (item: Named) => NameMatcher[] {
  const matchers = new NameMatchers();
  const byItem = new Map<Named, NameMatcher[]>();
  return (item) => {
    let labels = byItem.get(item);
    if (!labels) {
      labels = labelsOf(item).map((n) => matchers.of(n));
      byItem.set(item, labels);
    }
    return labels;
  };
}

/**
 * A quote's excerpt is read alone in a reveal, so it names who spoke: the
 * speaker's name or an alias, a person's surname, a "[Name]" in brackets,
 * or the words given as `speakerNamedAs` where the article only describes
 * the speaker. The name of the state a body belongs to ("Moscow" for the
 * foreign ministry) is not enough, nor is a fragment that begins after it
 * ("…adding that …").
 */
export function checkSpeakers(pack: PackData, report: Report): void {
  const actors = new Map(pack.actors.map((a) => [a.id, a]));
  const namesOf = labelMatchers();
  for (const quote of pack.quotes) {
    const speaker = actors.get(quote.speaker);
    if (!speaker) continue;
    const excerpt = ` ${foldText(quote.excerpt)} `;
    const given = quote.speakerNamedAs;
    if (given !== undefined) {
      const pointsBack = foldName(given)
        .split(' ')
        .every((w) => NO_NAME.has(w));
      if (pointsBack)
        report(
          quote,
          ['speakerNamedAs'],
          `speakerNamedAs "${given}" says nothing of who ${speaker.name} is, read alone: give the words that describe the speaker ("The Armenian premier"), or name them in brackets in the excerpt`,
        );
      else if (!new NameMatcher(given).wordsIn(excerpt))
        report(
          quote,
          ['speakerNamedAs'],
          `speakerNamedAs "${given}" does not stand in the excerpt: give the excerpt's own words that say who spoke`,
        );
      continue;
    }
    if (namesOf(speaker).some((n) => n.wordsIn(excerpt))) continue;
    report(
      quote,
      ['excerpt'],
      `excerpt does not name ${speaker.name}, who spoke: start the excerpt where the article names the speaker, or put the name in brackets ([${surnameOf(speaker) || speaker.name}] …); a description the article gives instead ("The Armenian premier") may be an alias, or the quote's speakerNamedAs`,
    );
  }
}

/**
 * Words that place something in a month or on a day: a month's name, a
 * weekday, or a day, night, week or month told from the article's own
 * ("yesterday", "this weekend", "the night of September 12-13").
 */
const DAY_WORDS = new RegExp(
  `\\b(?:${MONTH_NAMES.join('|')}|${WEEKDAY_NAMES.join('|')}|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|(?:last|this|next) (?:week|weekend|month)|the night of|\\w+ days? (?:ago|earlier|later))\\b`,
  'i',
);
const RELATIVE_YEAR = /\b(?:last|this|next) year\b/i;

/** Does the excerpt hold words that give a date of this precision: the year itself ("in 2019", "the 1990s"), or finer? */
function showsDate(excerpt: string, date: string): boolean {
  if (DAY_WORDS.test(excerpt)) return true;
  if (precisionOf(date) !== 'year') return false;
  return RELATIVE_YEAR.test(excerpt) || new RegExp(`\\b${date}s?\\b`).test(excerpt);
}

/**
 * A date an item gives is read beside its excerpt, the only words of the
 * article a reader sees. The article's own date goes without saying; any
 * other must be in the excerpt ("On September 13, …", "Yesterday, …"), or
 * the reader is asked to take a neighbouring sentence on trust.
 */
export function checkDatesShown(pack: PackData, report: Report): void {
  const published = new Map(pack.sources.map((s) => [s.id, [s.date, s.republished?.date]]));
  const check = (
    item: { source: string; excerpt: string; dateExcerpt?: string | undefined },
    field: string,
    date: string,
    otherwise: string,
  ) => {
    const words = precisionOf(date) === 'year' ? '"in 2019", "last year"' : '"yesterday", "On September 13"';
    if (item.dateExcerpt !== undefined && !showsDate(item.dateExcerpt, date))
      report(
        item,
        ['dateExcerpt'],
        `dateExcerpt gives no date: quote the article's words that give ${date} (${words})`,
      );
    const dates = published.get(item.source);
    if (!dates || dates.includes(date) || showsDate(`${item.excerpt} ${item.dateExcerpt ?? ''}`, date)) return;
    report(
      item,
      [field],
      `${field} ${date} is not the date of its article (${dates[0]}), and the excerpt does not show it: widen the excerpt to the words that give it (${words}), joining parts with "[…]" where they are apart, or give those words as the item's dateExcerpt; ${otherwise}`,
    );
  };
  for (const claim of pack.claims)
    check(claim, 'asOf', claim.asOf, "where the article gives no date near it, the claim stands as of the article's");
  for (const quote of pack.quotes)
    if (quote.dated === 'said')
      check(
        quote,
        'date',
        quote.date,
        "where the article gives no date near it, the quote is dated: reported, on the article's date",
      );
  for (const fact of pack.facts)
    if (fact.date)
      check(
        fact,
        'date',
        fact.date,
        'where the article gives no date near it, leave the date to the event the fact belongs to',
      );
}

/** Beside a country's name or adjective, the words that make it stand for its armed forces or its government. */
const STANDS_FOR: Record<string, RegExp> = {
  'armed-force': /^(?:forces?|troops?|army|armies|military|soldiers?|servicemen|units?)$/,
  'government-body': /^(?:government|ministry|ministries|authorities|officials|leadership)$/,
};

/** What a state is looked for by, worked out once per state rather than once per excerpt. */
interface StateKeys {
  stem: string;
  byStem: boolean;
  acronyms: { label: string; matcher: NameMatcher }[];
  words: string[][];
}
const stateKeys = new WeakMap<Named, StateKeys>();

function keysOf(state: Named): StateKeys {
  const known = stateKeys.get(state);
  if (known) return known;
  const stem = foldName(state.name).replace(/[aeiou]$/, '');
  const labels = [state.name, ...state.aliases, ...(state.adjectives ?? []), ...(state.capital ? [state.capital] : [])];
  const keys: StateKeys = {
    stem,
    byStem: !stem.includes(' ') && stem.length >= 4,
    acronyms: labels.filter(isAcronym).map((label) => ({ label, matcher: new NameMatcher(label) })),
    words: labels
      .filter((l) => !isAcronym(l))
      .map((l) => foldName(l).split(' '))
      .filter((k) => k.join(' ').length >= 3),
  };
  stateKeys.set(state, keys);
  return keys;
}

/**
 * Where a text names a state: its name or an alias, a word its name begins
 * with less a final vowel, which finds the adjective the articles use
 * ("Armenian", "Iranian", "Russia's"), an adjective it is given
 * ("Turkish", "French"), or its capital standing for it ("brokered by
 * Moscow").
 */
function stateAt(text: FoldedText, state: Named): number[] {
  const { stem, byStem, acronyms, words } = keysOf(state);
  const keys = [
    // Written in capitals in the excerpt, an acronym's folded form ("us") is its name, not the pronoun.
    ...acronyms.filter((a) => a.matcher.in(text)).map((a) => [a.label.toLowerCase()]),
    ...words,
  ];
  const at: number[] = [];
  text.words.forEach((word, i) => {
    const startsHere = (key: string[]) =>
      key.every((k, j) => text.words[i + j] === k || (j === key.length - 1 && text.words[i + j] === `${k}s`));
    if ((byStem && word.startsWith(stem)) || keys.some(startsHere)) at.push(i);
  });
  return at;
}

/** The ways an item can be named, for the message that says none of them is there. */
function howNamed(item: Named, stateOf?: Named): string {
  if (item.kind === 'person') return 'their name, surname or an alias';
  if (!stateOf) return 'its name or an alias';
  if (item.kind === 'state')
    return "its name, an alias, its adjective or its capital; an adjective its name does not begin goes in the state's adjectives";
  if (item.kind === 'country') return "its name, an alias, or its state's adjective or capital";
  return `its name or an alias, or its country's name or adjective beside "${item.kind === 'armed-force' ? 'forces' : 'government'}"`;
}

/**
 * An event's reveal shows its evidence and names its actors and places, and
 * quiz questions ask who and where from those lists; so every one of them is
 * named in one of its excerpts. A person by surname too; a state, or the
 * country that is its territory, by its adjective; armed forces or a
 * government body by their name, or by their country's name beside
 * "forces", "troops", "army"… or "government", "ministry"….
 */
export function checkEventNames(pack: PackData, report: Report): void {
  const actors = new Map(pack.actors.map((a) => [a.id, a]));
  const places = new Map(pack.places.map((p) => [p.id, p]));
  const namesOf = labelMatchers();
  const named = (texts: FoldedText[], item: Named, stateOf?: Named): boolean => {
    const labels = namesOf(item);
    if (texts.some((t) => labels.some((n) => n.in(t)))) return true;
    if (!stateOf) return false;
    if (item.kind === 'state' || item.kind === 'country') return texts.some((t) => stateAt(t, stateOf).length > 0);
    const beside = STANDS_FOR[item.kind];
    if (!beside) return false;
    return texts.some((t) =>
      stateAt(t, stateOf).some((i) =>
        [i - 2, i - 1, i + 1, i + 2, i + 3, i + 4].some((j) => beside.test(t.words[j] ?? '')),
      ),
    );
  };
  for (const event of pack.events) {
    const texts = event.evidence.map((e) => new FoldedText(e.excerpt));
    const check = (field: 'actors' | 'places', type: string, index: number, item: Named, stateOf?: Named) => {
      if (named(texts, item, stateOf)) return;
      report(
        event,
        [field, index],
        `${type} "${item.id}" is named in none of the event's excerpts (${howNamed(item, stateOf)}): add an excerpt from one of its sources that names it in connection with this event, or take it off the list`,
      );
    };
    event.actors.forEach((id, i) => {
      const actor = actors.get(id);
      if (!actor) return;
      const country = actor.kind === 'state' ? actor : actor.country ? actors.get(actor.country) : undefined;
      check('actors', 'actor', i, actor, country);
    });
    event.places.forEach((id, i) => {
      const place = places.get(id);
      if (!place) return;
      const country = place.kind === 'country' && place.country ? actors.get(place.country) : undefined;
      check('places', 'place', i, place, country);
    });
  }
}
