import { daysBetween } from '../../content/calendar.js';
import { firstDay, formatDate, namesDate } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Claim, Figure } from '../../content/schema.js';
import { itemCache, packCache } from '../../core/pack-memo.js';
import { attributeClaim, disputedBy, excerptNamesSpeaker, ownReport } from '../attribution.js';
import { contextOnly } from './context-only.js';
import { mentions } from './finalize.js';
import { anyStandsOut } from './form.js';
import { countryOf, GAP } from './gaps.js';
import { numbersIn, sameValue } from './numbers.js';
import { leaveOutPrinters } from './printed-answers.js';
import { seededRandom } from './random.js';
import { claimsRelatingTo } from './related-claims.js';
import { type Declined, type Draft, decline } from './types.js';
import { articleOf, asExcerpt, aside, inSentence, lowerLeadingArticle, spellingNote } from './wording.js';

/** A ladder: four values in an even progression, the answer at `position`. */
export interface Ladder {
  values: number[];
  position: number;
}

/** The closest a step may sit to the answer, as a share of it: 584, 585, 586, 587 is a test of eyesight. */
const CLOSEST = 0.08;

/** Trailing zeros: 30,000 has four, 83 none. A player picks the roundest option when nothing else tells. */
function roundness(value: number): number {
  let z = 0;
  for (let x = Math.round(value); x >= 10 && x % 10 === 0; x /= 10) z++;
  return Number.isInteger(value) ? z : -1;
}

/**
 * Round steps for the answer at `position`, from the smallest believable to
 * the widest that keeps the lowest value above the floor. With the answer
 * lowest, the step may reach twice the answer: 100, 300, 500, 700.
 */
function steps(value: number, position: number): number[] {
  const integer = Number.isInteger(value);
  // The lowest option stays above a fifth of the answer: "1" beside "586" is never right, and shows it.
  const floor = Math.max(integer ? 1 : 0, value / 5);
  const widest = position === 0 ? 2 * value : (value - floor) / position;
  const smallest = integer ? 1 : 0.01;
  const out: number[] = [];
  for (let magnitude = smallest; magnitude <= widest; magnitude *= 10)
    for (const nice of [1, 2, 5]) {
      const step = Number((nice * magnitude).toPrecision(6));
      // "6.5 soldiers" is no believable count: whole answers get whole steps.
      if (integer && !Number.isInteger(step)) continue;
      // A step of one is a count's only step when it is small (3, 4, 5, 6 soldiers); beside 104 it is digit recall.
      if (step <= widest && (step >= value * CLOSEST || (step === smallest && value * CLOSEST <= 1))) out.push(step);
    }
  return out;
}

/**
 * Every ladder for this value: each round step, the answer at each of the
 * four places. No value may be one the excerpt itself prints, and no ladder
 * may leave the answer alone as the roundest or the least round. A figure
 * too small for three believable values below it has none: otherwise the
 * smallest option would be right more often than not.
 */
export function ladders(value: number, forbidden: readonly number[]): Ladder[] {
  const out: Ladder[] = [];
  for (let position = 0; position < 4; position++)
    for (const step of steps(value, position)) {
      const values = [0, 1, 2, 3].map((i) => Number((value + (i - position) * step).toPrecision(12)));
      if (values.some((v, i) => i !== position && forbidden.some((f) => sameValue(f, v)))) continue;
      // "Only 1 of its service members were killed": a wrong 1 breaks the plural the sentence keeps.
      if (value !== 1 && values.some((v, i) => i !== position && v === 1)) continue;
      const zeros = values.map(roundness);
      const mine = zeros[position] as number;
      const rest = zeros.filter((_, i) => i !== position);
      if (rest.every((z) => z < mine) || rest.every((z) => z > mine)) continue;
      if (anyStandsOut(values.map((v) => formatOnScale(v, value)))) continue;
      // "0.8 billion" beside "1.8 billion" is no form an editor writes: every option a whole unit of the scale.
      if (values.some((v) => v < scaleOf(value)[0])) continue;
      out.push({ values, position });
    }
  return out;
}

/** The unit an answer is printed in: "1.8 billion", "650 million", or plain. */
function scaleOf(answer: number): [number, string] {
  return answer >= 1e9 ? [1e9, ' billion'] : answer >= 1e6 ? [1e6, ' million'] : [1, ''];
}

/** Every option on the answer's scale: "900,000" beside "1.1 million" would single one out. */
function formatOnScale(value: number, answer: number): string {
  const [scale, word] = scaleOf(answer);
  return `${Number((value / scale).toFixed(2)).toLocaleString('en-US')}${word}`;
}

/** The one number in the excerpt that is this figure; undefined when it is absent or stands there twice. */
function figureInExcerpt(claim: Claim, figure: Figure) {
  const found = numbersIn(claim.excerpt).filter((n) => sameValue(n.value, figure.value));
  return found.length === 1 ? found[0] : undefined;
}

/** A figure that can be asked: one number, standing once in the excerpt, with ladders to set it in. */
function askable(pack: Pack, claim: Claim, figure: Figure | undefined): Ladder[] {
  if (!figure || contextOnly(claim) || tallyOfKit(claim) || figure.valueMax !== undefined) return [];
  if (!figureInExcerpt(claim, figure)) return [];
  // Another measure of the same thing ("30,000 lives" for 1992–94 beside "over 20,000 deaths" for 1988–94) is
  // true in its own article: never offered as a wrong number here.
  const related = [...claim.related.flatMap((id) => pack.claims.get(id) ?? []), ...claimsRelatingTo(pack, claim.id)];
  const elsewhere = related.flatMap((other) => other.figures.map((f) => f.value));
  const all = ladders(figure.value, [...numbersIn(claim.excerpt).map((n) => n.value), ...elsewhere]);
  const bound = boundOf(figure);
  // "over 20,000 deaths" makes "over 15,000" true as well: every other option lies beyond the bound.
  if (bound !== undefined) return all.filter((l) => l.position === (bound === 'lower' ? 0 : l.values.length - 1));
  // "only ___ soldiers" says the number is small: the smallest option would be the answer to anyone.
  const said = wordsBefore(claim, figure);
  if (SAYS_FEW.test(said)) return all.filter((l) => l.position !== 0);
  if (SAYS_MANY.test(said)) return all.filter((l) => l.position !== l.values.length - 1);
  return all;
}

/**
 * One side's count of the other's equipment destroyed is not asked as a
 * number: telling 130 armoured vehicles from 110, or 83 drones from 63, in
 * a tally no one could check teaches nothing (two reviews called all three
 * such questions trivia). The deaths, the displaced and the land taken are
 * what a study group should remember.
 */
function tallyOfKit(claim: Claim): string | undefined {
  return claim.kind === 'equipment-losses'
    ? 'one side’s tally of the other’s equipment destroyed: its exact count is trivia, not what the war turned on'
    : undefined;
}

/** Words just before a gap that weigh its number: "only", "just", "as few as"; "as many as", "a staggering". */
const SAYS_FEW = /\b(only|just|merely|as few as|a mere)\s*$/i;
const SAYS_MANY = /\b(as many as|as much as|a staggering|a record|no fewer than)\s*$/i;

/** The excerpt's words just before the figure's number. */
function wordsBefore(claim: Claim, figure: Figure): string {
  const at = figureInExcerpt(claim, figure);
  return at ? claim.excerpt.slice(Math.max(0, at.start - 24), at.start) : '';
}

/** Which way a figure's qualifier bounds it: "over", "at least" from below; "up to", "less than" from above. */
export function boundOf(figure: Figure): 'lower' | 'upper' | undefined {
  if (figure.qualifier === 'over' || figure.qualifier === 'at-least') return 'lower';
  if (figure.qualifier === 'up-to' || figure.qualifier === 'less-than') return 'upper';
  return undefined;
}

/**
 * What offering a value wrong once more costs: little the first time, much
 * the third, when a player who has seen the pool would know it for a
 * decoy. A value right elsewhere is no decoy.
 */
function offeredCost(times: number, rightElsewhere: boolean): number {
  if (rightElsewhere) return -4;
  return times >= 2 ? 1000 : 10 * times;
}

interface FigureAsk {
  key: string;
  ladders: Ladder[];
}

/**
 * How much a blind guess at the longest, or the shortest, option scores here: ties share the guess. Kept
 * per ladder: a plan weighs every ladder four times an order, in up to 200 orders, and printing the
 * options is most of that.
 */
const lengthCredit = itemCache(measureLengths);

function measureLengths(l: Ladder): { longest: number; shortest: number } {
  const answer = l.values[l.position] as number;
  const lengths = l.values.map((v) => formatOnScale(v, answer).length);
  const share = (end: number) => {
    const tied = lengths.filter((n) => n === end).length;
    return lengths[l.position] === end ? 1 / tied : 0;
  };
  return { longest: share(Math.max(...lengths)), shortest: share(Math.min(...lengths)) };
}

/** A guess by length weighs half a reused position: more, and the small Apollo pack's bounded figures crowd the largest number. */
const LENGTH_WEIGHT = 3;

/** What costing a ladder needs that no choice changes: worked out once, as every plan costs every ladder four times. */
interface Weighed {
  ladder: Ladder;
  wrong: number[];
  /** Whether each wrong value is right elsewhere. */
  right: boolean[];
  credit: { longest: number; shortest: number };
  /**
   * Between two even spreads, the one with fewer answers at the ends: a bound ("less than ___") must sit at
   * one, and "pick the smallest" or "the largest" should not gain from it.
   */
  atEnd: number;
  /** Nearer a tenth to a fifth of the answer reads as a fair question. */
  spread: number;
}

function weigh(l: Ladder, isRight: (v: number) => boolean): Weighed {
  const wrong = l.values.filter((_, i) => i !== l.position);
  const step = Math.abs((l.values[1] as number) - (l.values[0] as number)) / (l.values[l.position] as number);
  return {
    ladder: l,
    wrong,
    right: wrong.map(isRight),
    credit: lengthCredit(l),
    atEnd: l.position === 0 || l.position === l.values.length - 1 ? 1 : 0,
    spread: Math.abs(Math.log(step / 0.15)),
  };
}

/** A figure with its ladders weighed, in the same order. */
interface WeighedAsk {
  key: string;
  weighed: Weighed[];
}

/** One greedy pass, then rounds of each figure choosing again against the others' choices. */
function planLadders(asks: readonly WeighedAsk[]): Map<string, Ladder> {
  const offered = new Map<number, number>();
  const positions = [0, 0, 0, 0];
  // How often the answer is the longest, or the shortest, of its options: "1,100" among "800", "900", "1,000".
  const ends = { longest: 0, shortest: 0 };
  const plan = new Map<string, Weighed>();
  const tally = ({ ladder: l, wrong, credit }: Weighed, by: number) => {
    for (const v of wrong) offered.set(v, (offered.get(v) ?? 0) + by);
    positions[l.position] = (positions[l.position] as number) + by;
    ends.longest += by * credit.longest;
    ends.shortest += by * credit.shortest;
  };
  const cost = ({ ladder: l, wrong, right, credit, atEnd, spread }: Weighed) => {
    let offeredWrong = 0;
    for (let i = 0; i < wrong.length; i++)
      offeredWrong += offeredCost(offered.get(wrong[i] as number) ?? 0, right[i] as boolean);
    return (
      offeredWrong +
      6 * (positions[l.position] as number) +
      LENGTH_WEIGHT * (credit.longest * ends.longest + credit.shortest * ends.shortest) +
      atEnd +
      spread
    );
  };
  for (let round = 0; round < 4; round++)
    for (const { key, weighed } of asks) {
      const held = plan.get(key);
      if (held) tally(held, -1);
      // The first of the cheapest, each ladder costed once.
      let best = weighed[0] as Weighed;
      let least = cost(best);
      for (let i = 1; i < weighed.length; i++) {
        const c = cost(weighed[i] as Weighed);
        if (c < least) [best, least] = [weighed[i] as Weighed, c];
      }
      tally(best, 1);
      plan.set(key, best);
    }
  return new Map([...plan].map(([key, w]) => [key, w.ladder]));
}

/** How many values the plan offers three times or more and never as a right answer. */
function decoys(plan: Map<string, Ladder>, isRight: (v: number) => boolean): number {
  const offered = new Map<number, number>();
  for (const l of plan.values())
    l.values.forEach((v, i) => {
      if (i !== l.position) offered.set(v, (offered.get(v) ?? 0) + 1);
    });
  return [...offered].filter(([v, n]) => n >= 3 && !isRight(v)).length;
}

/** Orders tried: a greedy plan depends on which figure chooses first. */
const PLAN_ORDERS = 200;
/**
 * Figures planned over all the orders tried, at most: 200 orders of 20,000 figures are minutes of work
 * when the first planning of a large pack should take seconds. A pack of up to 500 asked figures (the
 * curated pack has a few dozen) still tries all 200; a larger one tries fewer, the first of the same
 * seeded sequence of orders, and at least ten.
 */
const ORDERED_FIGURES = 100_000;
const FEWEST_ORDERS = 10;

/**
 * Every figure's ladder, chosen for the whole pack at once. A value is
 * offered wrong as seldom as the choice allows, and where it can be, as a
 * value that is right in another question; the answer's place is spread
 * evenly. A player who has seen the pool then learns nothing from a number
 * having turned up before.
 */
const figurePlan = packCache((pack, _: 'all') => {
  // One number per sentence: the prompt prints the sentence, and with it every other number in it, so two
  // questions on one sentence would answer each other. The first askable figure of the first claim stands for it.
  const sentences = new Map<string, string>();
  const siblings = new Map<string, string>();
  const found: FigureAsk[] = [];
  for (const claim of pack.data.claims)
    claim.figures.forEach((figure, i) => {
      const key = `${claim.id}#${i}`;
      const ladders = askable(pack, claim, figure);
      if (ladders.length === 0) return;
      const sentence = claim.excerpt.replace(/\s+/g, ' ').trim();
      const lead = sentences.get(sentence);
      if (lead) {
        siblings.set(key, lead);
        return;
      }
      sentences.set(sentence, key);
      found.push({ key, ladders });
    });
  // A sentence that prints the number a related claim's question asks, or a claim cut from the same sentence or
  // told of the same event, would answer it: "nearly 7,000 lives, with Azerbaijan reporting 3,006…" beside "it
  // cost nearly ___ lives"; "offensives involving at least 100 soldiers" beside "Armenia lost ___ soldiers" at
  // Tovuz. The one that prints is left out.
  const { kept, printers } = leaveOutPrinters(pack, found);
  const asks = kept.sort((a, b) => a.ladders.length - b.ladders.length);
  const rights = asks.map((a) => (a.ladders[0] as Ladder).values[(a.ladders[0] as Ladder).position] as number);
  // Asked of the same few hundred values again and again, each over every right answer: each value once.
  const known = new Map<number, boolean>();
  const isRight = (v: number) => {
    let right = known.get(v);
    if (right === undefined) {
      right = rights.some((r) => sameValue(r, v));
      known.set(v, right);
    }
    return right;
  };
  const weighedAsks = asks.map((a) => ({ key: a.key, weighed: a.ladders.map((l) => weigh(l, isRight)) }));
  const random = seededRandom(1);
  let best = planLadders(weighedAsks);
  const orders = Math.min(PLAN_ORDERS, Math.max(FEWEST_ORDERS, Math.floor(ORDERED_FIGURES / asks.length)));
  for (let order = 1; order < orders && decoys(best, isRight) > 0; order++) {
    const plan = planLadders(random.shuffle(weighedAsks));
    if (decoys(plan, isRight) < decoys(best, isRight)) best = plan;
  }
  // Where no order avoids it (four answers of 100 share few round neighbours), the last figure to
  // offer a number wrong a third time is not asked.
  const crowded = new Set<string>();
  // Counted once and kept as ladders go, not counted afresh over the whole plan for each ladder.
  const offered = new Map<number, number>();
  const offering = new Map<number, number>();
  const count = (l: Ladder, by: number) => {
    l.values.forEach((v, i) => {
      if (i !== l.position) offered.set(v, (offered.get(v) ?? 0) + by);
    });
    for (const v of new Set(l.values.filter((_, i) => i !== l.position))) offering.set(v, (offering.get(v) ?? 0) + by);
  };
  for (const ladder of best.values()) count(ladder, 1);
  const decoysLeft = () => [...offered].filter(([v, n]) => n >= 3 && !isRight(v)).length;
  let left = decoysLeft();
  for (const [key, ladder] of [...best].reverse()) {
    if (left === 0) break;
    const wrong = ladder.values.filter((_, i) => i !== ladder.position);
    if (wrong.some((v) => !isRight(v) && (offering.get(v) ?? 0) >= 3)) {
      best.delete(key);
      crowded.add(key);
      count(ladder, -1);
      left = decoysLeft();
    }
  }
  return { ladders: best, crowded, siblings, printers };
});

/** "lives" and "deaths" count one thing; "people displaced" another. */
function sameQuantity(a: string, b: string): boolean {
  return a === b || (countsDeaths(a) && countsDeaths(b));
}

/** "deaths", "lives", "killed", and people "lost" ("Azerbaijani soldiers lost"), but not tanks lost. */
function countsDeaths(unit: string): boolean {
  return (
    /\b(death|dead|li(fe|ves)|kill)/i.test(unit) ||
    (/\b(lost|losses)\b/i.test(unit) && /\b(soldiers|servicemen|personnel|troops|civilians|people)\b/i.test(unit))
  );
}

/**
 * Whose count a figure is: the state its unit names ("Azerbaijani soldiers
 * killed"), else the one state the claim is about, else the state of
 * whoever stated it ("its personnel").
 */
function sideOf(pack: Pack, unit: string, claim: Claim): string | undefined {
  const words = unit.split(/\s+/);
  for (const actor of pack.actors.values()) {
    if (actor.kind !== 'state') continue;
    // "Azeri" names a side; "US" in "US dollars" is a currency.
    const names = [actor.name, ...actor.aliases].filter((n) => !n.includes(' ') && n.length >= 5);
    if (names.some((n) => words.some((w) => w.startsWith(n)))) return actor.id;
  }
  const states = claim.about.filter((id) => pack.actors.get(id)?.kind === 'state');
  if (states.length === 1) return states[0];
  const speaker = pack.actors.get(claim.statedBy);
  return speaker?.kind === 'state' ? speaker.id : speaker?.country;
}

/** Days apart within which one side's two counts of a thing are its tally run on, not two tolls. */
const TALLY_DAYS = 60;

/** Who a count of the dead counts: soldiers and civilians are not one toll, nor are they "people". */
function whoDied(unit: string): string {
  if (/\b(soldiers?|servicemen|service members|personnel|troops)\b/i.test(unit)) return 'military';
  if (/\bcivilian/i.test(unit)) return 'civilians';
  return 'everyone';
}

/**
 * Another figure for the same thing, in the related claim's own words: the 1990s war's "30,000 lives"
 * beside its "over 20,000 deaths", a tally of four helicopters beside the later seven. One only, of the
 * same quantity counted among the same people on the same side, and not a count of one day (its unit
 * names the day) beside a running one. "Another measure: …" twice over, a day's toll beside a month's and
 * soldiers beside "people", read to a review as a template setting unlike things side by side.
 */
function anotherFigure(pack: Pack, claim: Claim, asked: Figure): { text: string; source?: string } {
  const mine = sideOf(pack, asked.unit, claim);
  const same = (f: Figure, other: Claim) => {
    if (!sameQuantity(f.unit, asked.unit) || whoDied(f.unit) !== whoDied(asked.unit)) return false;
    if ((namesDate(f.unit) || namesDate(asked.unit)) && f.unit !== asked.unit) return false;
    const theirs = sideOf(pack, f.unit, other);
    return !mine || !theirs || mine === theirs;
  };
  const other = [
    ...claim.related.flatMap((id) => pack.claims.get(id) ?? []),
    ...claimsRelatingTo(pack, claim.id).filter((o) => !claim.related.includes(o.id)),
  ].find((o) => o.figures.some((f) => same(f, o)));
  if (!other) return { text: '' };
  // "Another figure" that is the same number invents a disagreement: the articles agree there. The same
  // side's count at another date is its tally run on (four helicopters, then seven), not a rival figure.
  const agrees = other.figures.some((f) => same(f, other) && sameValue(f.value, asked.value));
  const side = countryOf(pack, claim.statedBy);
  const running =
    side !== undefined &&
    countryOf(pack, other.statedBy) === side &&
    other.asOf !== claim.asOf &&
    Math.abs(daysBetween(firstDay(claim.asOf), firstDay(other.asOf))) <= TALLY_DAYS;
  const kind = agrees
    ? 'the same figure'
    : running
      ? `${other.asOf > claim.asOf ? 'a later' : 'an earlier'} tally, as of ${formatDate(other.asOf)}`
      : 'another figure';
  // Named by its article, not "the articles": after the other side's account, that had no clear referent.
  const where = other.source === claim.source ? 'The same article' : capitalised(articleOf(pack, other.source));
  const reported = ownReport(pack, other)?.replace(/^the .+? reported that /, '');
  return { text: ` ${where} gives ${kind}: ${reported ?? other.statement}`, source: other.source };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** “…” around a cut, unless the cut is already one quotation from mark to mark. */
function inQuoteMarks(cut: string): string {
  const inner = cut.replace(/^…/, '').replace(/…$/, '');
  return /^[“"][^“”"]*[”"][.,]?$/.test(inner) ? cut : `“${cut}”`;
}

/**
 * An event's title after "on": a noun phrase as it stands ("the 2020
 * Nagorno-Karabakh war"); a headline sentence as what was reported ("the
 * report that US boosts military aid to Azerbaijan"), never "on US boosts…".
 */
function aboutEvent(title: string): string {
  if (/^[\p{Lu}\d][\p{L}\d'’-]*( [\p{Lu}][\p{L}'’-]*)* \p{Ll}+s\b/u.test(title)) return `the report that ${title}`;
  return lowerLeadingArticle(title).replace(/^First\b/, 'the first');
}

/** Is one of the claim's figures asked? Then the claim is taught by it, and by no other question. */
export function figureAsked(pack: Pack, claimId: string): boolean {
  return askedClaims(pack, 'all').has(claimId);
}

/** Every claim id some planned key starts with, before a "#": a set, as every claim of the pack asks. */
const askedClaims = packCache((pack, _: 'all') => {
  const out = new Set<string>();
  for (const key of figurePlan(pack, 'all').ladders.keys())
    for (let at = key.indexOf('#'); at >= 0; at = key.indexOf('#', at + 1)) out.add(key.slice(0, at));
  return out;
});

/**
 * "According to X, in <outlet>'s article of D, which number fills the gap?"
 * over the article's own words. The qualifier, the span and the scope stay
 * in the text ("nearly ___ lives", "___ in Armenia this weekend"), so every
 * option is a bare number and exactly one is what the article printed.
 */
export function figureQuestion(pack: Pack, claim: Claim, figureIndex: number): Draft | Declined {
  const figure = claim.figures[figureIndex];
  if (!figure) return decline('no such figure');
  const context = contextOnly(claim);
  if (context) return decline(context);
  const kit = tallyOfKit(claim);
  if (kit) return decline(kit);
  if (figure.valueMax !== undefined) return decline('a range, not one number: its bounds would both be right');
  const at = figureInExcerpt(claim, figure);
  if (!at) return decline('the number does not stand once, in digits or words, in the excerpt');
  const plan = figurePlan(pack, 'all');
  const key = `${claim.id}#${figureIndex}`;
  const lead = plan.siblings.get(key);
  const answered = plan.printers.get(lead ?? key);
  if (answered) return decline(`its sentence prints the number ${answered} asks`);
  if (lead) return decline(`${lead} asks another number of the same sentence, and its prompt prints this one`);
  if (plan.crowded.has(key))
    return decline('every set of round values for it offers a number that other figures already offer wrong');
  const steps = plan.ladders.get(key);
  if (!steps) return decline('no four round values fit it without one standing out or one the excerpt prints');
  const text = `${claim.excerpt.slice(0, at.start)}${GAP}${claim.excerpt.slice(at.end)}`;
  // The name as the excerpt spells it ("Kerim Veliyev"), so one man is not two in one prompt.
  const speaker = pack.actors.get(claim.statedBy);
  const spelt = speaker && [speaker.name, ...speaker.aliases].find((n) => mentions(claim.excerpt, [n]));
  const actor = speaker ? inSentence(speaker, spelt ?? speaker.name) : pack.nameOf(claim.statedBy);
  const outlet = pack.sources.get(claim.source)?.outlet;
  const who =
    actor === outlet || (speaker && excerptNamesSpeaker(claim.excerpt, [speaker.name, ...speaker.aliases]))
      ? `In ${articleOf(pack, claim.source)}`
      : `According to ${actor}, as reported in ${articleOf(pack, claim.source)}`;
  // "It cost nearly ___ lives", "…with Azerbaijan reporting ___ fatalities": a cut that does not say what it
  // counts is read against the event it is about.
  const event = claim.event ? pack.events.get(claim.event) : undefined;
  const about =
    event && /^…?\s*((It|They|This|These|He|She)\b|\p{Ll})/u.test(claim.excerpt.trim())
      ? ` (on ${aboutEvent(event.title)})`
      : '';
  const other = anotherFigure(pack, claim, figure);
  const options = steps.values.map((v) => ({
    text: formatOnScale(v, figure.value),
    facet: { category: 'number', value: v },
  }));
  const correct = options[steps.position] as (typeof options)[number];
  return {
    kind: 'figure',
    subject: `${claim.id}#${figureIndex}`,
    // Words that are themselves a quotation keep their own marks, not a second pair.
    prompt: `${who}${about}, which number fills the gap? ${inQuoteMarks(asExcerpt(text))}${aside(spellingNote(pack, text))}`,
    correct,
    distractors: options.filter((o) => o !== correct),
    // Not from the step: only a wide step fits below a small answer, so the label would say where the answer sits.
    // Players' accuracy sets it once 20 have answered.
    difficulty: 'medium',
    // The article's sentence is quoted beside the explanation as the reveal's evidence.
    explanation: attributeClaim(pack, claim, { brief: true, sideAlso: other.text }),
    // Every article the reveal draws on is listed: the disputing account's and the other figure's too.
    sourceIds: [...new Set([claim.source, disputedBy(pack, claim)?.source, other.source])].filter(
      (id): id is string => id !== undefined,
    ),
    eventIds: claim.event ? [claim.event] : [],
    subjects: [claim.id],
  };
}
