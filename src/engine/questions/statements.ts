import { formatDate } from '../../content/dates.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Actor, Claim, Figure, Quote } from '../../content/schema.js';
import { attributeClaim, attributeQuote, formatAmount, formatFigure } from '../attribution.js';
import { ancestry } from '../topics.js';
import { entityOption, mentions } from './finalize.js';
import type { Random } from './random.js';
import type { Difficulty, Draft, Option } from './types.js';
import { onDate } from './wording.js';

interface StatementIndex {
  claimsBy: Map<string, Claim[]>;
  /** Actors who speak in the pack: quoted, or making claims. */
  speakers: Set<string>;
  /** Folded quote text → speaker ids. */
  quoteText: Map<string, Set<string>>;
  /** Journalists: named in bylines, rarely the ones quoted. */
  bylines: Set<string>;
  /** `actor|unit` → every value that actor gave for that unit, at any date. */
  values: Map<string, Set<number>>;
  /** `actor|asOf|unit` → the values given on that date. */
  valuesOn: Map<string, Set<number>>;
}

function addTo(map: Map<string, Set<number>>, key: string, value: number): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

const indexes = new WeakMap<Pack, StatementIndex>();

function statementIndex(pack: Pack): StatementIndex {
  let index = indexes.get(pack);
  if (index) return index;
  index = {
    claimsBy: new Map(),
    speakers: new Set(),
    quoteText: new Map(),
    bylines: new Set([...pack.sources.values()].flatMap((s) => s.byline)),
    values: new Map(),
    valuesOn: new Map(),
  };
  for (const claim of pack.data.claims) {
    const list = index.claimsBy.get(claim.statedBy) ?? [];
    list.push(claim);
    index.claimsBy.set(claim.statedBy, list);
    index.speakers.add(claim.statedBy);
    for (const f of claim.figures) {
      const unit = foldName(f.unit);
      addTo(index.values, `${claim.statedBy}|${unit}`, f.value);
      addTo(index.valuesOn, `${claim.statedBy}|${claim.asOf}|${unit}`, f.value);
    }
  }
  for (const quote of pack.data.quotes) {
    index.speakers.add(quote.speaker);
    const key = foldName(quote.text);
    const set = index.quoteText.get(key) ?? new Set<string>();
    set.add(quote.speaker);
    index.quoteText.set(key, set);
  }
  indexes.set(pack, index);
  return index;
}

const MONEY = /dollar|euro|rouble|ruble|manat|dram|lira|\$/i;

/** Every value an actor ever gave for a unit, at any date: none may be used as a wrong answer. */
function valuesFor(pack: Pack, actorId: string, unit: string): Set<number> {
  return statementIndex(pack).values.get(`${actorId}|${foldName(unit)}`) ?? new Set();
}

/**
 * A figure can be asked about only if "according to X, as of D, unit" names
 * exactly one number: one such figure in the claim, and no other claim by
 * the same actor on the same date giving a different number for that unit.
 */
export function askableFigure(pack: Pack, claim: Claim, figureIndex: number): Figure | undefined {
  const figure = claim.figures[figureIndex];
  if (!figure) return undefined;
  const unit = foldName(figure.unit);
  if (claim.figures.filter((f) => foldName(f.unit) === unit).length > 1) return undefined;
  const sameDay = statementIndex(pack).valuesOn.get(`${claim.statedBy}|${claim.asOf}|${unit}`);
  if (sameDay && sameDay.size > 1) return undefined;
  return figure;
}

/** 0.27 → 0.3, 2700 → 3000: steps people would believe as round figures. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  const nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
  return nice * magnitude;
}

/** Three wrong figures in an even progression around the right one, same qualifier and unit. */
function alteredFigures(
  figure: Figure,
  random: Random,
  forbidden: Set<number>,
): { values: Figure[]; difficulty: Difficulty } | undefined {
  const difficulty = random.pick<Difficulty>(['easy', 'medium', 'hard']);
  const fraction = { hard: 0.15, medium: 0.35, easy: 0.75 }[difficulty];
  const width = figure.valueMax !== undefined ? figure.valueMax - figure.value : 0;
  let step = niceStep(Math.max(figure.value * fraction, 1));
  if (Number.isInteger(figure.value)) step = Math.max(1, Math.round(step));
  if (step <= width) step = niceStep(width * 1.2);
  const floor = figure.value >= 1 ? 1 : 0;
  const positions = [0, 1, 2, 3].filter((p) => figure.value - p * step >= floor);
  const position = random.pick(positions);
  const values: Figure[] = [];
  for (let i = 0; i < 4; i++) {
    if (i === position) continue;
    const value = figure.value + (i - position) * step;
    if (forbidden.has(value)) return undefined;
    values.push({
      ...figure,
      value,
      valueMax: figure.valueMax === undefined ? undefined : figure.valueMax + (i - position) * step,
    });
  }
  const relative = figure.value > 0 ? step / figure.value : 1;
  return { values, difficulty: relative <= 0.2 ? 'hard' : relative <= 0.5 ? 'medium' : 'easy' };
}

function lead(pack: Pack, claim: Claim): string {
  const event = claim.event ? pack.events.get(claim.event) : undefined;
  return event ? `${event.title}. ` : '';
}

/**
 * Whom a figure concerns, when its unit does not say: "percent of GDP"
 * alone could be either country's.
 */
function concerning(pack: Pack, claim: Claim, figure: Figure): string {
  const said = `${figure.unit} ${lead(pack, claim)}`;
  const names = claim.about.map((id) => pack.nameOf(id)).filter((name) => !mentions(said, [name]));
  // A long list says nothing a reader can use; the event's title carries the context then.
  return names.length > 0 && names.length <= 3 ? ` (concerning ${names.join(', ')})` : '';
}

function claimExplanation(pack: Pack, claim: Claim): string {
  return `${attributeClaim(pack, claim)} Excerpt: “${claim.excerpt}”`;
}

/** "According to X, as of D, what was the number of <unit>?" with the figure as stated. */
export function figureQuestion(pack: Pack, claim: Claim, figureIndex: number, random: Random): Draft | undefined {
  const figure = askableFigure(pack, claim, figureIndex);
  if (!figure) return undefined;
  // Another number from the same claim as a wrong answer would read like a trick.
  const forbidden = new Set([...valuesFor(pack, claim.statedBy, figure.unit), ...claim.figures.map((f) => f.value)]);
  const altered = alteredFigures(figure, random, forbidden);
  if (!altered) return undefined;
  const actor = pack.nameOf(claim.statedBy);
  const what = MONEY.test(figure.unit)
    ? `what was the amount in ${figure.unit}`
    : `what was the number of ${figure.unit}`;
  return {
    kind: 'figure',
    subject: `${claim.id}#${figureIndex}`,
    prompt: `${lead(pack, claim)}According to ${actor}, as of ${formatDate(claim.asOf)}, ${what}${concerning(pack, claim, figure)}? (The figure as ${actor} stated it.)`,
    correct: { text: formatAmount(figure) },
    distractors: altered.values.map((f) => ({ text: formatAmount(f) })),
    difficulty: altered.difficulty,
    explanation: claimExplanation(pack, claim),
    sourceIds: [claim.source],
    eventIds: claim.event ? [claim.event] : [],
  };
}

/** Another actor of the same kind who also makes claims but never gave this figure. */
function otherClaimant(pack: Pack, claim: Claim, figure: Figure, random: Random): Actor | undefined {
  const me = pack.actors.get(claim.statedBy);
  if (!me) return undefined;
  const related = ancestry(pack, me.id);
  const candidates = [...statementIndex(pack).speakers]
    .map((id) => pack.actors.get(id))
    .filter(
      (a): a is Actor =>
        a !== undefined &&
        a.id !== me.id &&
        a.kind === me.kind &&
        !related.has(a.id) &&
        !ancestry(pack, a.id).has(me.id) &&
        !valuesFor(pack, a.id, figure.unit).has(figure.value),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  return candidates.length ? random.pick(candidates) : undefined;
}

/** True/false: did X give this figure? "False" swaps in a nearby figure or another claimant. */
export function trueFalse(pack: Pack, claim: Claim, figureIndex: number, random: Random): Draft | undefined {
  const figure = askableFigure(pack, claim, figureIndex);
  if (!figure) return undefined;
  const truth = random.next() < 0.5;
  let actorId = claim.statedBy;
  let shown = figure;
  let difficulty: Difficulty = 'medium';
  let swap = '';
  if (!truth) {
    const other = random.next() < 0.5 ? otherClaimant(pack, claim, figure, random) : undefined;
    if (other) {
      actorId = other.id;
      swap = `It was ${pack.nameOf(claim.statedBy)}, not ${other.name}, that gave this figure.`;
    } else {
      const altered = alteredFigures(figure, random, valuesFor(pack, claim.statedBy, figure.unit));
      if (!altered) return undefined;
      shown = random.pick(altered.values);
      difficulty = altered.difficulty;
      swap = `The figure ${pack.nameOf(claim.statedBy)} gave was ${formatFigure(figure)}, not ${formatAmount(shown)}.`;
    }
  }
  const actor = pack.nameOf(actorId);
  const statement = `as of ${formatDate(claim.asOf)}, ${actor} gave a figure of ${formatAmount(shown)} ${shown.unit}${concerning(pack, claim, figure)}`;
  return {
    kind: 'true-false',
    subject: `${claim.id}#${figureIndex}`,
    prompt: `${lead(pack, claim)}True or false: ${statement}. (True means ${actor} made this claim, not that it is so.)`,
    correct: { text: truth ? 'True' : 'False' },
    distractors: [{ text: truth ? 'False' : 'True' }],
    difficulty,
    explanation: `${swap ? `${swap} ` : ''}${claimExplanation(pack, claim)}`,
    sourceIds: [claim.source],
    eventIds: claim.event ? [claim.event] : [],
    fixedOrder: true,
  };
}

function isPerson(actor: Actor): boolean {
  return actor.kind === 'person';
}

/** How alike two actors are, for picking speakers a player could believe. */
function similarity(pack: Pack, a: Actor, b: Actor, speakers: Set<string>): number {
  let score = 0;
  if (a.kind === b.kind) score += 2;
  if (a.country && a.country === b.country) score += 2;
  if (speakers.has(b.id)) score += 2;
  const titles = (x: Actor) =>
    new Set(x.roles.flatMap((r) => foldName(r.title).split(' ')).filter((w) => w.length >= 4));
  const mine = titles(a);
  for (const w of titles(b)) if (mine.has(w)) score += 1;
  if (statementIndex(pack).bylines.has(b.id) && !speakers.has(b.id)) score -= 3;
  return score;
}

/** quote → speaker: people with people, bodies with bodies; a quote naming its speaker is skipped. */
export function quoteSpeaker(pack: Pack, quote: Quote, random: Random): Draft | undefined {
  const speaker = pack.actors.get(quote.speaker);
  // A fragment like "cease hostilities" was surely said by others too: too short to pin on one speaker.
  if (!speaker || quote.text.length > 350 || quote.text.trim().split(/\s+/).length < 6) return undefined;
  if (mentions(quote.text, [speaker.name, ...speaker.aliases])) return undefined;
  const index = statementIndex(pack);
  if ((index.quoteText.get(foldName(quote.text))?.size ?? 0) > 1) return undefined;
  const related = ancestry(pack, speaker.id);
  // Bodies of one country speak for each other (a ministry, its press service, the government),
  // so a body's words are only set against bodies of other countries.
  const country = speaker.kind === 'state' ? speaker.id : speaker.country;
  const sameSide = (a: Actor) =>
    !isPerson(speaker) && country !== undefined && (a.id === country || a.country === country);
  const candidates = [...pack.actors.values()].filter(
    (a) =>
      a.id !== speaker.id &&
      isPerson(a) === isPerson(speaker) &&
      !sameSide(a) &&
      !related.has(a.id) &&
      !ancestry(pack, a.id).has(speaker.id) &&
      !mentions(quote.text, [a.name, ...a.aliases]),
  );
  if (candidates.length < 3) return undefined;
  const ranked = candidates
    .map((a) => ({ a, score: similarity(pack, speaker, a, index.speakers) }))
    .sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id));
  const chosen = random.shuffle(ranked.slice(0, 5)).slice(0, 3);
  const mean = chosen.reduce((s, c) => s + c.score, 0) / 3;
  const difficulty: Difficulty = mean >= 5 ? 'hard' : mean >= 3 ? 'medium' : 'easy';
  const distractors: Option[] = chosen.map((c) => entityOption(c.a));
  return {
    kind: 'quote-speaker',
    subject: quote.id,
    prompt: `Who said this, ${onDate(quote.date)}? “${quote.text}”`,
    correct: entityOption(speaker),
    distractors,
    difficulty,
    explanation: `${attributeQuote(pack, quote)} ${speaker.name}: ${speaker.description}`,
    sourceIds: [quote.source],
    eventIds: quote.event ? [quote.event] : [],
  };
}
