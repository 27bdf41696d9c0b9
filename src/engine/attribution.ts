import { formatDate, precisionOf } from '../content/dates.js';
import type { Pack } from '../content/pack.js';
import { pushTo } from '../content/push-to.js';
import type { Actor, Claim, Fact, Figure, Quote } from '../content/schema.js';
import { packCache } from '../core/pack-memo.js';
import type { SourceLine } from '../core/reply.js';
import { escapeRegExp } from '../core/text.js';
import { inSentence, lowerLeadingArticle } from './questions/wording.js';

/**
 * Every statement leaves the engine with who made it, as of when, and where
 * it was printed. These helpers are the only way claims, quotes and facts are
 * turned into text, so none can slip out as bare fact.
 */

export function sourceLine(pack: Pack, sourceId: string): SourceLine | undefined {
  const s = pack.sources.get(sourceId);
  if (!s) return undefined;
  return { id: s.id, outlet: s.outlet, headline: s.headline, date: formatDate(s.date), url: s.url };
}

/** Unique source lines for a list of ids, in first-seen order. */
export function sourceLines(pack: Pack, ids: Iterable<string>): SourceLine[] {
  const seen = new Set<string>();
  const out: SourceLine[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const line = sourceLine(pack, id);
    if (line) out.push(line);
  }
  return out;
}

/** "World Socialist Web Site, “Armenian-Azeri conflict erupts…”, 28 September 2020". */
export function citation(pack: Pack, sourceId: string): string {
  const s = pack.sources.get(sourceId);
  return s ? `${s.outlet}, “${s.headline}”, ${formatDate(s.date)}` : 'source not in the pack';
}

/** How each qualifier reads before its number: "over ", "nearly ", nothing for exact. */
export const QUALIFIER: Record<Figure['qualifier'], string> = {
  exact: '',
  'at-least': 'at least ',
  over: 'over ',
  about: 'about ',
  nearly: 'nearly ',
  'up-to': 'up to ',
  'less-than': 'less than ',
};

/** 16 → "16", 12500 → "12,500", 1800000000 → "1.8 billion". */
export function formatNumber(value: number): string {
  const scales: [number, string][] = [
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [scale, word] of scales) {
    if (value >= scale) return `${Number((value / scale).toFixed(2)).toLocaleString('en-US')} ${word}`;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The number as stated, qualifier and range included, without the unit: "over 100", "900 to 1,300". */
export function formatAmount(figure: Pick<Figure, 'value' | 'valueMax' | 'qualifier'>): string {
  const amount =
    figure.valueMax !== undefined && figure.valueMax !== figure.value
      ? `${formatNumber(figure.value)} to ${formatNumber(figure.valueMax)}`
      : formatNumber(figure.value);
  return `${QUALIFIER[figure.qualifier]}${amount}`;
}

/** Plurals that do not end in "s", as units are written ("people displaced"). */
const IRREGULAR: Record<string, string> = { people: 'person', children: 'child', men: 'man', women: 'woman' };

/**
 * Units are written plural ("warplanes destroyed"); one of them reads "1
 * warplane destroyed" and "less than a minute" reads "less than 1 minute":
 * the first word that is a plural turns singular.
 */
export function unitFor(figure: Pick<Figure, 'value' | 'valueMax' | 'unit'>): string {
  if (figure.value !== 1 || (figure.valueMax !== undefined && figure.valueMax !== 1)) return figure.unit;
  let done = false;
  return figure.unit.replace(/[A-Za-z-]+/g, (word: string) => {
    if (done) return word;
    const irregular = IRREGULAR[word.toLowerCase()];
    if (irregular) {
      done = true;
      return irregular;
    }
    if (word.length < 4 || !/s$/.test(word) || /(ss|us|is)$/i.test(word)) return word;
    done = true;
    return word
      .replace(/ies$/, 'y')
      .replace(/(ch|sh|x)es$/, '$1')
      .replace(/s$/, '');
  });
}

/** "over 100 people injured". */
export function formatFigure(figure: Figure): string {
  return `${formatAmount(figure)} ${unitFor(figure)}`;
}

const STATUS: Record<Claim['status'], string> = {
  unverified: 'unverified',
  disputed: 'disputed',
  denied: 'denied by the other side',
};

/** The status in a sentence of its own, for prose. */
const STATUS_SENTENCE: Record<Claim['status'], string> = {
  unverified: '',
  disputed: 'Another account in the articles disputes this.',
  denied: 'The other side denies this.',
};

/** The claims that oppose each claim, in the pack's order: the reverse of `opposes`, indexed once. */
export const opposedBy = packCache((pack, _: 'all') => {
  const out = new Map<string, Claim[]>();
  for (const claim of pack.data.claims) for (const id of claim.opposes) pushTo(out, id, claim);
  return out;
});

/** The account a disputed claim's reveal sets beside it: one it opposes, or else one that opposes it. */
export function disputedBy(pack: Pack, claim: Claim): Claim | undefined {
  if (claim.status !== 'disputed') return undefined;
  return claim.opposes.map((id) => pack.claims.get(id)).find(Boolean) ?? opposedBy(pack, 'all').get(claim.id)?.[0];
}

/**
 * "Against that, Armenia said that only four …": the account that disputes it, where the pack links one.
 * Two reviews read "Disputed: …" as a label pasted on, not a sentence.
 */
function statusSentence(pack: Pack, claim: Claim): string {
  if (claim.status !== 'disputed') return STATUS_SENTENCE[claim.status];
  const against = disputedBy(pack, claim);
  return against ? `Against that, ${against.statement.replace(/\.?$/, '.')}` : STATUS_SENTENCE.disputed;
}

/** A body named by what it is ("press service", "Government of France") reads with "the"; a proper name ("Mission Control") does not. */
const COMMON_HEAD =
  /\b(ministry|service|department|office|agency|government|forces|military|army|council|committee|palace|organi[sz]ation|union)$|^(Government|Ministry|Office|Council|Armed Forces|Department) of\b/i;

/** "According to the Armenian Defence Ministry press service", but "According to Mission Control". */
function withArticle(actor: Actor): string {
  const name = inSentence(actor);
  return name.startsWith('the ') && !COMMON_HEAD.test(actor.name) ? actor.name : name;
}

/** The canonical name, with the article's own spelling beside it where the excerpt uses another: one man, not two. */
function nameAsPrinted(pack: Pack, id: string, excerpt: string): string {
  const actor = pack.actors.get(id);
  if (!actor) return pack.nameOf(id);
  const name = withArticle(actor);
  if (excerpt.includes(actor.name)) return name;
  const printed = actor.aliases.find((a) => a.length >= 4 && excerpt.includes(a));
  return printed ? `${name} (“${printed}” in the article)` : name;
}

/** Is the claim the outlet's own, made in its own article (WSWS's view in a WSWS article)? */
export function isOutletsOwn(pack: Pack, claim: Claim): boolean {
  const outlet = pack.sources.get(claim.source)?.outlet;
  const actor = pack.actors.get(claim.statedBy);
  return outlet !== undefined && actor !== undefined && [actor.name, ...actor.aliases].includes(outlet);
}

/**
 * The outlet's own report, in its own words ("The World Socialist Web Site
 * reported that …"), as of its article's date, as a clause to follow "In
 * its article of …,": the statement already names who says it, and
 * "According to WSWS (WSWS, …): The WSWS reported" names the outlet three
 * times in one sentence. Undefined for anyone else's claim.
 */
export function ownReport(pack: Pack, claim: Claim): string | undefined {
  const source = pack.sources.get(claim.source);
  const actor = pack.actors.get(claim.statedBy);
  if (!source || !actor || claim.asOf !== source.date || !isOutletsOwn(pack, claim)) return undefined;
  const names = [actor.name, ...actor.aliases];
  const namesItself = names.some((n) => claim.statement.startsWith(n) || claim.statement.startsWith(`The ${n}`));
  return namesItself ? claim.statement.replace(/^The /, 'the ') : undefined;
}

/**
 * A statement that opens by saying who made it ("Azerbaijan's defence ministry said …", "Armenian
 * officials blamed …"), within its first clause: the curator's attributed form.
 */
const SAY_VERBS =
  'said|says|reported|reports|claim|claimed|claims|stated|told|announced|accused|estimated|put|gave|wrote|argued|warned|declared|denied|insisted|alleged|described|confirmed|denounced|called|blamed|appealed|urged|demanded|account was';
const SAYS_WHO = new RegExp(`^[^.;:]{0,160}?\\b(${SAY_VERBS})\\b`);

/**
 * Do the article's own words give the speaker as the one saying them ("Armenia says that only ___ …",
 * "According to the Defense Ministry of Azerbaijan, …")? Then a prompt that quotes them needs no
 * "According to Armenia" before it, which a review read as the speaker named twice.
 */
export function excerptNamesSpeaker(excerpt: string, names: readonly string[]): boolean {
  return names.some((name) => speakerPattern(name).test(excerpt));
}

/** Each name's pattern, compiled once: every figure question of a game asks again of the same few names. */
const speakerPatterns = new Map<string, RegExp>();
function speakerPattern(name: string): RegExp {
  let pattern = speakerPatterns.get(name);
  if (!pattern) {
    const n = escapeRegExp(name);
    pattern = new RegExp(
      `\\b${n}\\b(, [^.;,]{1,60},)?[^.;,]{0,60}?\\b(${SAY_VERBS})\\b|\\baccording to,? (the )?${n}\\b|\\b(${SAY_VERBS}) (the )?${n}(?=\\s*[,.;”\x22]|$)`,
      'i',
    );
    if (speakerPatterns.size < 10_000) speakerPatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * "Azerbaijan's defence ministry said … (South Front, “…”, 17 July 2020)": a quiz reveal in the curator's
 * attributed words, a count "as of" its day and words "on" theirs where that is not the article's. "According to Azerbaijan's
 * Ministry of Defence, as of … (…): Azerbaijan's defence ministry said …" named the speaker twice, and a
 * review read it as a template. A statement that does not say who made it keeps "According to".
 */
function toldBrief(pack: Pack, claim: Claim): string | undefined {
  const source = pack.sources.get(claim.source);
  const statement = claim.statement.trim();
  if (!source || !SAYS_WHO.test(statement)) return undefined;
  // "…killed on Saturday 3 October 2020 (…; as of 3 October 2020)" says the date twice.
  const dated = statement.includes(formatDate(claim.asOf));
  // A count runs on as the fighting does, so every figure is told as of its day, even the article's own
  // ("Azerbaijan reported 50 fatalities among its troops" read to a review as a final toll): at the head,
  // where after the article's date it would read twice.
  // Words with no count were said on a day, not "as of" one ("as of 13 September 2022" on an accusation read
  // to a review as a tally): told on their day where it is not their article's.
  const when = formatDate(claim.asOf);
  const lead = dated
    ? ''
    : claim.figures.length > 0
      ? `As of ${when}, `
      : claim.asOf === source.date
        ? ''
        : `${precisionOf(claim.asOf) === 'day' ? 'On' : 'In'} ${when}, `;
  const told = lead ? `${lead}${lowerLeadingArticle(statement)}` : statement;
  return `${told.replace(/\.$/, '')} (${citation(pack, claim.source)}).`;
}

/** "According to Armenia, as of 27 September 2020 (WSWS, “…”, 28 September 2020): Armenia said …". */
export function attributeClaim(pack: Pack, claim: Claim, options: { brief?: boolean; sideAlso?: string } = {}): string {
  const own = ownReport(pack, claim);
  const source = pack.sources.get(claim.source);
  const told = options.brief && !own ? toldBrief(pack, claim) : undefined;
  const head =
    own && source
      ? `In its article “${source.headline}” of ${formatDate(source.date)}, ${own}`
      : (told ??
        `According to ${nameAsPrinted(pack, claim.statedBy, claim.excerpt)}, as of ${formatDate(claim.asOf)} (${citation(pack, claim.source)}): ${claim.statement}`);
  // A quiz reveal reads as prose: the figure is the answer just shown, and only a dispute needs saying. What
  // follows on the claim itself (`sideAlso`: its side's own other count) comes before the dispute, or "the same
  // figure" after "Against that, Azerbaijan's … 100" reads as the other side's number.
  if (options.brief)
    return `${head}${options.sideAlso ?? ''}${claim.status === 'unverified' ? '' : ` ${statusSentence(pack, claim)}`}`;
  const figures = claim.figures.length ? ` Figures as stated: ${claim.figures.map(formatFigure).join('; ')}.` : '';
  return `${head} [${STATUS[claim.status]}]${figures}`;
}

/** A curator's "; reported on 28 September 2020, undated in the article": said once already by "quoted in an article of". */
const REPORT_DATE =
  /(^|[;,]\s*)(it was |as |and )?[Rr]eported (by [^;.]*? )?(on|in) \d{1,2} [A-Z][a-z]+ \d{4}(,? (which|the article|and the article|but the article) does not (give|say|date)[^.;]*)?\.?/g;
const UNDATED_TAIL =
  /[;,]\s*(undated in the article|the article does not (say|give)[^;.]*|the day [^;.]* not given|which does not say[^;.]*)\.?\s*$/;

function withoutReportDate(context: string): string {
  return context
    .replace(REPORT_DATE, '')
    .replace(UNDATED_TAIL, '')
    .replace(/\s*[;,]\s*$/, '')
    .trim();
}

/** Words that open a curator's note as a sentence would, and read in lower case inside a parenthesis. */
const ASIDE_OPENERS =
  /^(The|To|On|Of|In|Said|Statement|Published|Posted|Told|Response|Quoted|Speaking|Reported|Describing|At|After|Before|During)\b/;

/** A context read mid-sentence: "(speaking to Radio Free Europe)", not "(To Radio Free Europe)". */
function asAside(context: string): string {
  const opener = ASIDE_OPENERS.exec(context)?.[1];
  if (!opener) return context;
  const word = opener === 'To' || opener === 'Of' ? `speaking ${opener.toLowerCase()}` : opener.toLowerCase();
  return `${word}${context.slice(opener.length)}`;
}

/**
 * "Nikol Pashinyan, 27 September 2020 (…)": the date the words were said,
 * where the article dates them; otherwise "quoted on" the article's date,
 * which is only when they were reported.
 */
export function attributeQuote(pack: Pack, quote: Quote): string {
  const shown = quote.dated === 'reported' ? withoutReportDate(quote.context ?? '') : (quote.context ?? '');
  const context = shown ? ` (${asAside(shown.replace(/\.\s*$/, ''))})` : '';
  const article = pack.sources.get(quote.source);
  // Where the article does not say when the words were spoken, only when they were printed is known.
  const when =
    quote.dated === 'reported'
      ? `quoted in an article of ${formatDate(article?.date ?? quote.date)}`
      : formatDate(quote.date);
  // Quoted words cut from a longer sentence keep no trailing comma: “…to get,” reads as a typo.
  const words = quote.text.replace(/[,;:]\s*$/, '');
  return `${pack.nameOf(quote.speaker)}, ${when}${context}: “${words}” (${citation(pack, quote.source)})`;
}

/**
 * Background facts are still someone's report: the outlet is named every
 * time, once ("As reported by WSWS (WSWS, …)" said it twice).
 */
export function attributeFact(pack: Pack, fact: Fact): string {
  const source = pack.sources.get(fact.source);
  if (!source) return `As reported by the source (${citation(pack, fact.source)}): ${fact.statement}`;
  return `As reported by ${source.outlet} in “${source.headline}”, ${formatDate(source.date)}: ${fact.statement}`;
}

/** One side's account of who attacked whom, or a claim another account disputes: never quoted as a neutral fact. */
export function isSidesAccount(claim: Claim): boolean {
  return claim.status === 'disputed' || claim.kind === 'responsibility';
}

export type Statement = Claim | Quote | Fact;

export function isClaim(s: Statement): s is Claim {
  return 'statedBy' in s;
}
export function isQuote(s: Statement): s is Quote {
  return 'speaker' in s;
}

export function attribute(pack: Pack, s: Statement): string {
  if (isClaim(s)) return attributeClaim(pack, s);
  if (isQuote(s)) return attributeQuote(pack, s);
  return attributeFact(pack, s);
}

/**
 * Claims grouped so that opposed accounts (who started it) sit side by side:
 * each group is one claim plus every claim it opposes or is opposed by.
 */
export function groupOpposed(claims: readonly Claim[]): Claim[][] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const placed = new Set<string>();
  const groups: Claim[][] = [];
  for (const claim of claims) {
    if (placed.has(claim.id)) continue;
    const group: Claim[] = [];
    const queue = [claim];
    while (queue.length) {
      const c = queue.shift() as Claim;
      if (placed.has(c.id)) continue;
      placed.add(c.id);
      group.push(c);
      for (const other of claims) {
        if (placed.has(other.id)) continue;
        if (c.opposes.includes(other.id) || other.opposes.includes(c.id)) queue.push(byId.get(other.id) as Claim);
      }
    }
    groups.push(group);
  }
  return groups;
}

/** Opposed accounts as one block that never picks a side. */
export function renderContested(pack: Pack, group: readonly Claim[]): string {
  if (group.length === 1) return `• ${attributeClaim(pack, group[0] as Claim)}`;
  const lines = group.map((c) => `  • ${attributeClaim(pack, c)}`);
  return `• Contested: these accounts contradict each other, and Chronicle does not decide between them.\n${lines.join('\n')}`;
}
