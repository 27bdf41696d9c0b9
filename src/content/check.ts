import { distance } from 'fastest-levenshtein';
import { overlaps, span } from './calendar.js';
import { categoriesOf } from './categories.js';
import { firstDay, lastDay, MONTH_NAMES, precisionOf } from './dates.js';
import type { ContentProblem } from './errors.js';
import { foldName } from './normalize.js';
import type { Origin } from './origins.js';
import type { PackData } from './pack.js';

type Segment = string | number;

type Target = 'source' | 'actor' | 'state' | 'place' | 'thing' | 'event' | 'claim' | 'fact' | 'episode';

/** Which fields hold ids, and what they must point at. `[]` marks a list. */
const REFERENCES: Record<string, [string, Target[]][]> = {
  sources: [['byline[]', ['actor']]],
  actors: [
    ['country', ['state']],
    ['partOf', ['actor']],
    ['roles[].of', ['actor']],
    ['roles[].source', ['source']],
  ],
  places: [
    ['country', ['state']],
    ['in', ['place']],
  ],
  things: [['makerCountry', ['state']]],
  events: [
    ['episode', ['episode']],
    ['places[]', ['place']],
    ['actors[]', ['actor']],
    ['things[]', ['thing']],
    ['sources[]', ['source']],
    ['evidence[].source', ['source']],
  ],
  claims: [
    ['statedBy', ['actor']],
    ['event', ['event']],
    ['about[]', ['actor', 'place', 'thing', 'event']],
    ['opposes[]', ['claim']],
    ['related[]', ['claim', 'fact']],
    ['source', ['source']],
  ],
  quotes: [
    ['speaker', ['actor']],
    ['relays', ['actor']],
    ['event', ['event']],
    ['source', ['source']],
  ],
  facts: [
    ['about[]', ['actor', 'place', 'thing', 'event']],
    ['event', ['event']],
    ['related[]', ['claim', 'fact']],
    ['source', ['source']],
  ],
};

const TARGET_NAME: Record<Target, string> = {
  source: 'source',
  actor: 'actor',
  state: 'state actor',
  place: 'place',
  thing: 'thing',
  event: 'event',
  claim: 'claim',
  fact: 'fact',
  episode: 'episode',
};

type Item = { id: string } & Record<string, unknown>;
type OriginOf = (item: object) => Origin | undefined;

/** A field path split once: `roles[].of` → [{key: roles, list}, {key: of}]. */
type Step = { key: string; list: boolean };
const compiled = new Map<string, Step[]>();
function stepsOf(field: string): Step[] {
  let steps = compiled.get(field);
  if (!steps) {
    steps = field.split('.').map((part) => ({ key: part.replace('[]', ''), list: part.endsWith('[]') }));
    compiled.set(field, steps);
  }
  return steps;
}

/** Every id a field holds, with the sub-path that leads to it. */
function idsAt(
  item: Record<string, unknown>,
  steps: Step[],
  depth = 0,
  out: { value: string; at: Segment[] }[] = [],
  at: Segment[] = [],
) {
  const step = steps[depth];
  if (!step) return out;
  const value = item[step.key];
  if (value === undefined) return out;
  const last = depth === steps.length - 1;
  if (!step.list) {
    if (last) {
      if (typeof value === 'string') out.push({ value, at: [...at, step.key] });
    } else idsAt(value as Record<string, unknown>, steps, depth + 1, out, [...at, step.key]);
    return out;
  }
  (value as unknown[]).forEach((element, index) => {
    if (last) {
      if (typeof element === 'string') out.push({ value: element, at: [...at, step.key, index] });
    } else idsAt(element as Record<string, unknown>, steps, depth + 1, out, [...at, step.key, index]);
  });
  return out;
}

export function suggest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(wanted, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** Cross-file rules zod cannot see: unknown and duplicate ids, date order, alias clashes. */
export function checkReferences(pack: PackData, originOf: OriginOf): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (item: object, at: Segment[], message: string) => {
    const origin = originOf(item);
    const sub = at.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
    problems.push({
      file: origin?.file ?? '(unknown file)',
      line: origin?.line(at) ?? 0,
      path: `${origin?.path ?? ''}${sub}`,
      message,
    });
  };

  const ids: Record<Target, Set<string>> = {
    source: new Set(),
    actor: new Set(),
    state: new Set(),
    place: new Set(),
    thing: new Set(),
    event: new Set(),
    claim: new Set(),
    fact: new Set(),
    episode: new Set(),
  };
  const collections: [keyof typeof REFERENCES, Target | undefined][] = [
    ['sources', 'source'],
    ['actors', 'actor'],
    ['places', 'place'],
    ['things', 'thing'],
    ['events', 'event'],
    ['claims', 'claim'],
    ['quotes', undefined],
    ['facts', 'fact'],
  ];

  // Claims, quotes and facts share one namespace so `/event` and reports can name any of them.
  const statementIds = new Map<string, string>();
  for (const [name, target] of collections) {
    const seen = new Map<string, object>();
    for (const item of pack[name as keyof PackData] as Item[]) {
      const first = seen.get(item.id);
      const shared = ['claims', 'quotes', 'facts'].includes(name) ? statementIds.get(item.id) : undefined;
      if (first) {
        const o = originOf(first);
        report(item, ['id'], `duplicate id "${item.id}" (first declared at ${o?.file}:${o?.line()})`);
      } else if (shared) {
        report(item, ['id'], `duplicate id "${item.id}" (already used by one of the ${shared})`);
      }
      seen.set(item.id, item);
      if (['claims', 'quotes', 'facts'].includes(name)) statementIds.set(item.id, name);
      if (target) ids[target].add(item.id);
    }
  }
  for (const actor of pack.actors) if (actor.kind === 'state') ids.state.add(actor.id);
  const episodeSeen = new Set<string>();
  pack.meta.episodes.forEach((episode, index) => {
    if (episodeSeen.has(episode.id))
      problems.push(metaProblem(pack, originOf, index, `duplicate episode id "${episode.id}"`));
    episodeSeen.add(episode.id);
    ids.episode.add(episode.id);
    // By the days each can mean: an episode from 27 September 2020 may end "2020".
    if (episode.end && lastDay(episode.end) < firstDay(episode.start)) {
      problems.push(metaProblem(pack, originOf, index, `ends (${episode.end}) before it starts (${episode.start})`));
    }
  });

  for (const [name, rules] of Object.entries(REFERENCES)) {
    for (const item of pack[name as keyof PackData] as Item[]) {
      for (const [field, targets] of rules) {
        for (const { value, at } of idsAt(item, stepsOf(field))) {
          if (targets.some((t) => ids[t].has(value))) continue;
          const kinds = targets.map((t) => TARGET_NAME[t]).join(' or ');
          const wrongKind = targets.includes('state') && ids.actor.has(value);
          if (wrongKind) {
            report(item, at, `"${value}" is an actor but not a state; expected a state actor`);
            continue;
          }
          const pool = targets.flatMap((t) => [...ids[t]]);
          const hint = suggest(value, pool);
          report(item, at, `unknown ${kinds} "${value}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
        }
      }
    }
  }

  checkDates(pack, report);
  checkAliases(pack, report);
  checkEpisodes(pack, report);
  checkCategories(pack, report);
  checkCoordinates(pack, report);
  checkEventTitles(pack, report);
  checkQuoteTexts(pack, report);
  checkOpenings(pack, report);
  checkSpeakers(pack, report);
  checkDatesShown(pack, report);
  checkEventNames(pack, report);
  return problems;
}

/** A title names its event in quiz prompts, so two events with one title make a question with two answers. */
function checkEventTitles(pack: PackData, report: Report): void {
  const first = new Map<string, string>();
  for (const event of pack.events) {
    const key = foldName(event.title);
    const other = first.get(key);
    if (other)
      report(event, ['title'], `"${event.title}" is also the title of event "${other}"; titles must tell events apart`);
    else first.set(key, event.id);
  }
}

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
function checkQuoteTexts(pack: PackData, report: Report): void {
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
function checkOpenings(pack: PackData, report: Report): void {
  const check = (item: object, at: Segment[], label: string, excerpt: string) => {
    const text = excerpt.trim();
    const found = OPENS_WITH_PRONOUN.exec(text) ?? RESUMES_WITH_PRONOUN.exec(text);
    if (!found) return;
    const [whole, mark = '', word = ''] = found;
    const lead = text.startsWith('…') ? '…' : '';
    const next = text.slice(whole.length).trim().split(/\s+/).slice(0, 3).join(' ');
    report(
      item,
      at,
      `${label} opens with "${word}", and read on its own does not say who or what that is: put the name it stands for in brackets in its place, as quoting does (${lead}${mark}[Name] ${next}…)`,
    );
  };
  for (const event of pack.events)
    for (const [i, e] of event.evidence.entries())
      check(event, ['evidence', i, 'excerpt'], `evidence ${i + 1}`, e.excerpt);
  for (const claim of pack.claims) check(claim, ['excerpt'], 'excerpt', claim.excerpt);
  for (const quote of pack.quotes) check(quote, ['excerpt'], 'excerpt', quote.excerpt);
  for (const fact of pack.facts) check(fact, ['excerpt'], 'excerpt', fact.excerpt);
}

/** Words that point back or stand for anyone: they name no speaker, even given as speakerNamedAs. */
const NO_NAME = new Set('he she it they this these those his her its their one we i'.split(' '));

/** Does the folded excerpt hold the folded name as whole words (a possessive "Pashinyan's" too)? */
function names(excerpt: string, name: string): boolean {
  const key = foldName(name);
  return key.length >= 3 && (excerpt.includes(` ${key} `) || excerpt.includes(` ${key}s `));
}

/**
 * A quote's excerpt is read alone in a reveal, so it names who spoke: the
 * speaker's name or an alias, a person's surname, a "[Name]" in brackets,
 * or the words given as `speakerNamedAs` where the article only describes
 * the speaker. The name of the state a body belongs to ("Moscow" for the
 * foreign ministry) is not enough, nor is a fragment that begins after it
 * ("…adding that …").
 */
function checkSpeakers(pack: PackData, report: Report): void {
  const actors = new Map(pack.actors.map((a) => [a.id, a]));
  for (const quote of pack.quotes) {
    const speaker = actors.get(quote.speaker);
    if (!speaker) continue;
    const excerpt = ` ${foldName(quote.excerpt)} `;
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
      else if (!names(excerpt, given))
        report(
          quote,
          ['speakerNamedAs'],
          `speakerNamedAs "${given}" does not stand in the excerpt: give the excerpt's own words that say who spoke`,
        );
      continue;
    }
    const surname = speaker.kind === 'person' ? [speaker.name.split(/\s+/).at(-1) ?? ''] : [];
    if ([speaker.name, ...speaker.aliases, ...surname].some((n) => names(excerpt, n))) continue;
    report(
      quote,
      ['excerpt'],
      `excerpt does not name ${speaker.name}, who spoke: start the excerpt where the article names the speaker, or put the name in brackets ([${surname[0] || speaker.name}] …); a description the article gives instead ("The Armenian premier") may be an alias, or the quote's speakerNamedAs`,
    );
  }
}

const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/**
 * Words that place something in a month or on a day: a month's name, a
 * weekday, or a day, night, week or month told from the article's own
 * ("yesterday", "this weekend", "the night of September 12-13").
 */
const DAY_WORDS = new RegExp(
  `\\b(?:${MONTH_NAMES.join('|')}|${WEEKDAYS}|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|(?:last|this|next) (?:week|weekend|month)|the night of|\\w+ days? (?:ago|earlier|later))\\b`,
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
function checkDatesShown(pack: PackData, report: Report): void {
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

/** An excerpt folded once, as words and as a string padded for whole-word search. */
type Folded = { raw: string; padded: string; words: string[] };
function folded(excerpt: string): Folded {
  const key = foldName(excerpt);
  return { raw: excerpt, padded: ` ${key} `, words: key.split(' ') };
}

/**
 * A name as whole words; a short one in capitals ("US", "EU") only as
 * written, where folded it would be a word ("us"); or sharing its last word
 * with another name in a pair ("the Black and Caspian seas").
 */
function namesIn(text: Folded, name: string): boolean {
  if (/^[A-Z]{2,3}$/.test(name)) return new RegExp(`\\b${name}\\b`).test(text.raw);
  if (names(text.padded, name)) return true;
  const key = foldName(name).split(' ');
  const head = key.pop() ?? '';
  // Folded, a name is letters, digits and spaces: nothing in it needs escaping.
  return key.length > 0 && new RegExp(` ${key.join(' ')} and \\S+ ${head}s? `).test(text.padded);
}

/**
 * Where a text names a state: its name or an alias, a word its name begins
 * with less a final vowel, which finds the adjective the articles use
 * ("Armenian", "Iranian", "Russia's"), an adjective it is given
 * ("Turkish", "French"), or its capital standing for it ("brokered by
 * Moscow").
 */
function stateAt(text: Folded, state: Named): number[] {
  const stem = foldName(state.name).replace(/[aeiou]$/, '');
  const byStem = !stem.includes(' ') && stem.length >= 4;
  const labels = [state.name, ...state.aliases, ...(state.adjectives ?? []), ...(state.capital ? [state.capital] : [])];
  const acronym = (label: string) => /^[A-Z]{2,3}$/.test(label);
  const keys = [
    // Written in capitals in the excerpt, an acronym's folded form ("us") is its name, not the pronoun.
    ...labels.filter((l) => acronym(l) && namesIn(text, l)).map((l) => [l.toLowerCase()]),
    ...labels
      .filter((l) => !acronym(l))
      .map((l) => foldName(l).split(' '))
      .filter((k) => k.join(' ').length >= 3),
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
function checkEventNames(pack: PackData, report: Report): void {
  const actors = new Map(pack.actors.map((a) => [a.id, a]));
  const places = new Map(pack.places.map((p) => [p.id, p]));
  const named = (texts: Folded[], item: Named, stateOf?: Named): boolean => {
    const surname = item.kind === 'person' ? [item.name.split(/\s+/).at(-1) ?? ''] : [];
    if (texts.some((t) => [item.name, ...item.aliases, ...surname].some((n) => namesIn(t, n)))) return true;
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
    const texts = event.evidence.map((e) => folded(e.excerpt));
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

function metaProblem(pack: PackData, originOf: OriginOf, index: number, message: string): ContentProblem {
  const origin = originOf(pack.meta);
  return {
    file: origin?.file ?? 'pack.yaml',
    line: origin?.line(['episodes', index]) ?? 0,
    path: `pack.episodes[${index}]`,
    message,
  };
}

type Report = (item: object, at: Segment[], message: string) => void;

function checkDates(pack: PackData, report: Report): void {
  const sourceDate = new Map(pack.sources.map((s) => [s.id, s.republished?.date ?? s.date]));
  const spans: { item: { date?: string; endDate?: string } }[] = [...pack.events, ...pack.facts].map((item) => ({
    item,
  }));
  for (const { item } of spans) {
    if (item.date && item.endDate && lastDay(item.endDate) < firstDay(item.date)) {
      report(item, ['endDate'], `ends (${item.endDate}) before it starts (${item.date})`);
    }
  }
  for (const actor of pack.actors) {
    actor.roles.forEach((role, index) => {
      if (role.from && role.to && lastDay(role.to) < firstDay(role.from)) {
        report(actor, ['roles', index, 'to'], `role ends (${role.to}) before it starts (${role.from})`);
      }
    });
  }
  // A statement cannot be dated after the article that reports it.
  const afterSource = (item: object, field: string, date: string, source: string) => {
    const published = sourceDate.get(source);
    if (published && firstDay(date) > lastDay(published)) {
      report(item, [field], `${date} is after its source "${source}" was published (${published})`);
    }
  };
  for (const claim of pack.claims) afterSource(claim, 'asOf', claim.asOf, claim.source);
  for (const quote of pack.quotes) afterSource(quote, 'date', quote.date, quote.source);
  // Words only known to have been printed carry the day they were printed, never a guess at when they were said.
  const sourceById = new Map(pack.sources.map((s) => [s.id, s]));
  for (const quote of pack.quotes) {
    const source = sourceById.get(quote.source);
    if (quote.dated === 'reported' && source && ![source.date, source.republished?.date].includes(quote.date))
      report(quote, ['date'], `a reported quote carries its article's date (${source.date}), not ${quote.date}`);
  }
  for (const event of pack.events) {
    // An end date says either how long it lasted or the bounds of when it happened; the reader must be told which.
    if (event.endDate && event.endDate !== event.date && !event.dateKind)
      report(
        event,
        ['dateKind'],
        'an event with an end date says whether it is a span (it lasted) or a window (it happened once, some time between)',
      );
    event.evidence.forEach((e, i) => {
      if (!event.sources.includes(e.source))
        report(event, ['evidence', i, 'source'], `evidence from "${e.source}", which is not in the event's sources`);
    });
  }
}

type Named = {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  country?: string;
  adjectives?: string[];
  capital?: string;
};

/** A state and the country that is its territory may share a name: "Armenia" the actor and "Armenia" the place. */
function territoryOf(a: { type: string; item: Named }, b: { type: string; item: Named }): boolean {
  const [actor, place] = a.type === 'actor' ? [a, b] : [b, a];
  return (
    actor.type === 'actor' &&
    place.type === 'place' &&
    actor.item.kind === 'state' &&
    place.item.kind === 'country' &&
    place.item.country === actor.item.id
  );
}

/**
 * A name or alias finds one entity: unique among actors, places and things
 * alike (folded, so "Füzuli" and "FUZULI" clash), except a state and its own
 * country, which the reader means by the same word.
 */
function checkAliases(pack: PackData, report: Report): void {
  const owner = new Map<string, { type: string; item: Named }>();
  const collections = [
    ['actor', pack.actors],
    ['place', pack.places],
    ['thing', pack.things],
  ] as const;
  for (const [type, items] of collections) {
    for (const item of items as readonly Named[]) {
      const labels = [item.name, ...item.aliases];
      const mine = new Set<string>();
      labels.forEach((label, index) => {
        const key = foldName(label);
        if (!key || mine.has(key)) return;
        mine.add(key);
        const other = owner.get(key);
        const me = { type, item };
        if (!other) owner.set(key, me);
        else if (other.item !== item && !territoryOf(other, me)) {
          const at = index === 0 ? ['name'] : ['aliases', index - 1];
          report(
            item,
            at,
            `"${label}" is also a name or alias of ${other.type} "${other.item.id}"; a name must find one actor, place or thing`,
          );
        }
      });
    }
  }
}

/**
 * An event sits in its episode: a day or a span within the episode's dates;
 * a window, whose dates are only the bounds the articles allow, at least
 * reaching into it.
 */
function checkEpisodes(pack: PackData, report: Report): void {
  const episodes = new Map(pack.meta.episodes.map((e) => [e.id, e]));
  for (const event of pack.events) {
    const episode = episodes.get(event.episode);
    if (!episode) continue;
    const from = firstDay(episode.start);
    const to = episode.end ? lastDay(episode.end) : '9999-12-31';
    const range = `${episode.start}${episode.end ? ` to ${episode.end}` : ' onwards'}`;
    if (event.dateKind === 'window') {
      if (!overlaps(span(event.date, event.endDate), [from, to]))
        report(
          event,
          ['date'],
          `some time between ${event.date} and ${event.endDate} never touches its episode "${episode.id}" (${range})`,
        );
      continue;
    }
    // A date known to the month or year is any of its days: one of them must fall in the episode.
    const startsOutside = !overlaps(span(event.date), [from, to]);
    if (startsOutside || (event.endDate !== undefined && firstDay(event.endDate) > to)) {
      const when = event.endDate ? `${event.date} to ${event.endDate}` : event.date;
      report(
        event,
        ['date'],
        `${when} is outside its episode "${episode.id}" (${range}); move it to the episode it belongs to, or widen the episode`,
      );
    }
  }
}

/** Every event type is listed in exactly one category, the pack's own or the defaults. */
function checkCategories(pack: PackData, report: Report): void {
  const categories = categoriesOf(pack.meta);
  const home = new Map<string, string>();
  const colours = new Map<string, string>();
  for (const category of categories) {
    const at = ['categories', category.index];
    const other = colours.get(category.colour);
    if (other)
      report(
        pack.meta,
        [...at, 'colour'],
        `category "${category.id}" has the colour of "${other}"; each needs its own`,
      );
    colours.set(category.colour, category.id);
    for (const type of category.types) {
      const first = home.get(type);
      if (first) report(pack.meta, at, `event type "${type}" is in both "${first}" and "${category.id}"`);
      else home.set(type, category.id);
    }
  }
  const declared = pack.meta.categories
    ? "the pack's categories"
    : 'the default categories (add `categories` to pack.yaml for your own)';
  for (const event of pack.events) {
    if (home.has(event.type)) continue;
    const hint = suggest(event.type, home.keys());
    report(
      event,
      ['type'],
      `event type "${event.type}" is in none of ${declared}${hint ? `; did you mean "${hint}"?` : ''}`,
    );
  }
}

/** A position is a pair: a latitude alone places nothing, and a precision needs a position to qualify. */
function checkCoordinates(pack: PackData, report: Report): void {
  for (const place of pack.places) {
    if ((place.lat === undefined) !== (place.lon === undefined))
      report(
        place,
        [place.lat === undefined ? 'lon' : 'lat'],
        'give both lat and lon, or neither for a place the articles do not locate',
      );
    else if (place.lat !== undefined && place.precision === undefined)
      report(place, ['precision'], 'say how precise lat/lon are: exact, settlement, region or approximate');
    else if (place.lat === undefined && place.precision !== undefined)
      report(place, ['precision'], 'a precision qualifies lat/lon, and this place has none');
  }
}
