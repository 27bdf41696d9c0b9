import type { Pack } from '../../content/pack.js';
import type { Event } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { claimSpeaker, trueFalse } from './claim-speaker.js';
import { contextOnly } from './context-only.js';
import { eventDate } from './event-date.js';
import { eventPlace, eventPlaceAnswers } from './events.js';
import { figureAsked, figureQuestion } from './figures.js';
import { finalize } from './finalize.js';
import { leaks } from './leaks.js';
import { placeCountry } from './place-country.js';
import { quoteSpeaker } from './quote-speaker.js';
import { quoteTrueFalse } from './quote-true-false.js';
import { type Random, seededRandom, seedOf } from './random.js';
import { reportGap, reportGapTarget, whyNoReportGap } from './report-gap.js';
import { eventInScope, type Scope, statementInScope } from './scope.js';
import {
  type Declined,
  type Draft,
  decline,
  isDeclined,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  type RoundKind,
} from './types.js';
import { whichFirst } from './which-first.js';
import { accountAsked, whoseAccount } from './whose-account.js';

/** One thing a question could be asked about; `build` may decline it. */
export interface Candidate {
  key: string;
  /** The pack item asked about: an event, claim, quote or report. */
  about: string;
  build(random: Random): Draft | Declined;
}

function eventCandidates(pack: Pack, scope: Scope, build: (e: Event, r: Random) => Draft | Declined): Candidate[] {
  return pack.chronological
    .filter((event) => eventInScope(pack, event, scope))
    .map((event) => ({ key: event.id, about: event.id, build: (r: Random) => build(event, r) }));
}

function claimsIn(pack: Pack, scope: Scope) {
  return pack.data.claims.filter((c) => statementInScope(pack, c, c.asOf, scope));
}

/** Where each kind finds its subjects inside a scope. */
export const KINDS: Record<QuestionKind, (pack: Pack, scope: Scope) => Candidate[]> = {
  'event-date': (pack, scope) => eventCandidates(pack, scope, (e) => eventDate(pack, e)),
  'event-place': (pack, scope) =>
    pack.chronological
      .filter((event) => eventInScope(pack, event, scope))
      .flatMap((event) =>
        eventPlaceAnswers(pack, event).map((place) => ({
          key: `${event.id}@${place.id}`,
          about: event.id,
          build: (r: Random) => eventPlace(pack, event, place.id, r),
        })),
      ),
  'which-first': (pack, scope) => eventCandidates(pack, scope, (e) => whichFirst(pack, e)),
  'quote-speaker': (pack, scope) =>
    pack.data.quotes
      .filter((q) => statementInScope(pack, q, q.date, scope))
      .map((q) => ({ key: q.id, about: q.id, build: (r) => quoteSpeaker(pack, q, r) })),
  figure: (pack, scope) =>
    claimsIn(pack, scope).flatMap((claim) =>
      claim.figures.map((_, i) => ({
        key: `${claim.id}#${i}`,
        about: claim.id,
        build: () => figureQuestion(pack, claim, i),
      })),
    ),
  // One question per claim or quote in the whole pool: the figure or the who-said where there is one, else one
  // True/False variant. Two questions on one item answer each other ("True: Pashinyan said it" beside "False: de
  // Waal said it"), in a sample of the pool as much as in a game.
  'true-false': (pack, scope) => [
    ...claimsIn(pack, scope)
      .filter((claim) => !figureAsked(pack, claim.id) && !accountAsked(pack, claim.id))
      .map((claim) => oneVariant(pack, claim.id, (truth) => trueFalse(pack, claim, truth))),
    ...pack.data.quotes
      .filter((q) => statementInScope(pack, q, q.date, scope) && !quoteSpeakerAsked(pack, q.id))
      .map((quote) => oneVariant(pack, quote.id, (truth) => quoteTrueFalse(pack, quote, truth))),
  ],
  'claim-speaker': (pack, scope) =>
    claimsIn(pack, scope).map((claim) => ({
      key: claim.id,
      about: claim.id,
      build: (r) =>
        accountAsked(pack, claim.id) ? decline('asked as which side gave its account') : claimSpeaker(pack, claim, r),
    })),
  'report-gap': (pack, scope) =>
    pack.data.facts
      .filter((f) => statementInScope(pack, f, f.date ?? pack.sources.get(f.source)?.date ?? '', scope))
      .flatMap((fact) => {
        const target = reportGapTarget(pack, fact);
        // A report with nothing to blank is still a candidate, so the audit can say why it is not asked.
        return target
          ? [{ key: `${fact.id}:${target}`, about: fact.id, build: (r: Random) => reportGap(pack, fact, target, r) }]
          : [{ key: fact.id, about: fact.id, build: () => decline(whyNoReportGap(pack, fact)) }];
      }),
  'whose-account': (pack, scope) =>
    claimsIn(pack, scope)
      .filter((claim) => claim.account)
      .map((claim) => ({ key: claim.id, about: claim.id, build: () => whoseAccount(pack, claim) })),
  'place-country': (pack, scope) =>
    pack.data.places
      .filter((place) => placeInScope(pack, place.id, scope))
      .map((place) => ({ key: place.id, about: place.id, build: (r: Random) => placeCountry(pack, place, r) })),
};

/**
 * Which True/False variant each item is asked by, planned over the pack so
 * the pool holds as many Trues as Falses: an item that only one variant can
 * ask (no one to swap in) takes that one, and the rest are dealt out, in
 * the order of their ids' hashes, to even the count.
 */
const truthPlan = packCache((pack, _: 'all') => {
  const items = [
    ...pack.data.claims
      .filter((claim) => !figureAsked(pack, claim.id) && !accountAsked(pack, claim.id) && !contextOnly(claim))
      .map((claim) => ({ id: claim.id, build: (truth: boolean) => trueFalse(pack, claim, truth) })),
    ...pack.data.quotes
      .filter((quote) => !quoteSpeakerAsked(pack, quote.id) && !contextOnly(quote))
      .map((quote) => ({ id: quote.id, build: (truth: boolean) => quoteTrueFalse(pack, quote, truth) })),
  ];
  const plan = new Map<string, boolean | 'even'>();
  const either: string[] = [];
  const count = { true: 0, false: 0 };
  for (const item of items) {
    const yes = !isDeclined(item.build(true));
    const no = !isDeclined(item.build(false));
    if (yes && no) either.push(item.id);
    else if (yes || no) {
      plan.set(item.id, yes);
      count[yes ? 'true' : 'false']++;
    }
  }
  for (const id of either.sort((a, b) => seedOf(a) - seedOf(b))) {
    const truth = count.true <= count.false;
    plan.set(id, truth);
    count[truth ? 'true' : 'false']++;
  }
  // Items only one way can ask may leave more of one answer: the last of the more are left out, since a pool
  // that is mostly True teaches "answer True".
  const extra = Math.abs(count.true - count.false);
  const more = count.true > count.false;
  const overflow = [...plan].filter(([, truth]) => truth === more).slice(-extra);
  for (const [id] of extra > 0 ? overflow : []) plan.set(id, 'even');
  return plan as Map<string, boolean | 'even'>;
});

/** The item's planned True/False variant; an item the plan cannot ask is still a candidate, so its reason shows. */
function oneVariant(pack: Pack, id: string, build: (truth: boolean) => Draft | Declined): Candidate {
  const truth = truthPlan(pack, 'all').get(id);
  if (truth === 'even')
    return { key: id, about: id, build: () => decline('left out so that the pool holds as many Trues as Falses') };
  return { key: id, about: id, build: () => build(truth ?? seedOf(id) % 2 === 0) };
}

/**
 * The exact True/False variant an id names ("claim-x:false"), even where the pool asks the other or asks
 * the item another way: a player's review card keeps the statement it was made from.
 */
function trueFalseVariant(pack: Pack, subject: string): Candidate[] {
  const m = /^(.+):(true|false)$/.exec(subject);
  if (!m) return [];
  const [, item, said] = m as unknown as [string, string, string];
  const truth = said === 'true';
  const claim = pack.claims.get(item);
  const quote = pack.quotes.get(item);
  const build = claim
    ? () => trueFalse(pack, claim, truth)
    : quote
      ? () => quoteTrueFalse(pack, quote, truth)
      : undefined;
  return build ? [{ key: subject, about: item, build }] : [];
}

/** Does some seed build a who-said question for the quote? Then it is asked that way, not as True/False. */
const quoteSpeakerAsked = packCache((pack, quoteId: string) => {
  const quote = pack.quotes.get(quoteId);
  if (!quote) return false;
  return [1, 2, 3, 4, 5, 6].some((seed) => !isDeclined(quoteSpeaker(pack, quote, seededRandom(seed))));
});

/** A place is in scope when the whole pack is, or when an event there is. */
function placeInScope(pack: Pack, placeId: string, scope: Scope): boolean {
  if (!scope.period && !scope.topic) return true;
  return pack.eventsInvolving(placeId).some((event) => eventInScope(pack, event, scope));
}

/**
 * What a question is about beyond its events: a claim's figures, its
 * who-said and its two True/False variants share one subject, so a game
 * never asks one after another has told it.
 */
function subjectsOf(question: Question): string[] {
  return [question.id.slice(question.id.indexOf(':') + 1).replace(/#\d+$/, ''), ...(question.subjects ?? [])];
}

/** The item a candidate asks about, where the curator may have kept it as context. */
function itemAbout(pack: Pack, id: string): { notAsked?: string | undefined } | undefined {
  return pack.events.get(id) ?? pack.claims.get(id) ?? pack.quotes.get(id) ?? pack.facts.get(id);
}

/** The candidates, an item kept as context declined with the curator's reason. */
function withContextDeclined(pack: Pack, candidates: readonly Candidate[]): Candidate[] {
  return candidates.map((candidate) => {
    const item = itemAbout(pack, candidate.about);
    const context = item && contextOnly(item);
    return context ? { ...candidate, build: () => decline(context) } : candidate;
  });
}

/** A kind's candidates over the whole pack, as its builders make them: built once per pack. */
const rawCandidates = packCache((pack, kind: QuestionKind) => KINDS[kind](pack, {}));

const unscoped = packCache((pack, kind: QuestionKind) => withContextDeclined(pack, rawCandidates(pack, kind)));

/** A kind's candidates in a scope (the whole pack's built once), an item kept as context declined with the curator's reason. */
export function candidatesOf(pack: Pack, kind: QuestionKind, scope: Scope): Candidate[] {
  if (scope.period || scope.topic) return withContextDeclined(pack, KINDS[kind](pack, scope));
  return unscoped(pack, kind);
}

/**
 * Fisher–Yates drawn one item at a time, keeping only the swapped
 * positions: a game of 20 questions from 20,000 events costs 20 draws, not
 * a shuffle of 20,000. Done after `limit` draws: what it has drawn by then
 * is a random sample of the items, the same for the same seed.
 */
function lazyShuffle<T>(items: readonly T[], random: Random, limit: number): { done(): boolean; next(): T } {
  const swapped = new Map<number, number>();
  let taken = 0;
  return {
    done: () => taken >= Math.min(items.length, limit),
    next: () => {
      const j = taken + random.int(items.length - taken);
      const pick = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(taken) ?? taken);
      taken++;
      return items[pick] as T;
    },
  };
}

/**
 * How many of one kind's candidates a game looks at, at most. A game
 * whose kinds fill their share early goes on drawing every other
 * candidate, to keep in reserve for its last questions; on a pack of
 * 20,000 events that is 60,000 questions built for a game of 20, seconds
 * of work. A kind with more candidates than this is sampled instead: the
 * first draws of its shuffle, which the seed fixes. The curated pack has
 * at most a few hundred candidates of a kind, under the least of these,
 * so its games and its export are drawn from every candidate as before.
 */
const FEWEST_DRAWS = 500;
const DRAWS_PER_QUESTION = 25;

export interface GenerateOptions {
  count: number;
  seed: number;
  scope?: Scope;
  kinds?: readonly QuestionKind[];
}

/**
 * A question as heavy as this is always taken when drawn; a lighter one is
 * taken with the chance weight ÷ this, and otherwise waits until the heavy
 * ones run out. So a game, a briefing's question of the day, and the cards
 * review then brings back lean to deaths, ceasefires and who started it.
 */
const FULL_WEIGHT = 4;

/**
 * The most one kind takes of a game, as a multiple of an even split, until
 * the others run out. Background reports are context, not the story, and
 * their gaps are the hardest to fill with fair options: they take less.
 */
const KIND_SHARE = 1.5;
const LESSER_KINDS: Partial<Record<RoundKind, number>> = { 'report-gap': 0.5, 'place-country': 0.5 };

/**
 * Up to `count` questions, cycling through the kinds so a game mixes them,
 * drawn by weight, and avoiding two questions on one event while others
 * remain. The same pack, seed and scope always give the same questions.
 */
export function generateQuestions(pack: Pack, options: GenerateOptions): Question[] {
  const random = seededRandom(options.seed);
  const scope = options.scope ?? {};
  const kinds = random.shuffle(options.kinds ?? QUESTION_KINDS);
  const draws = Math.max(FEWEST_DRAWS, DRAWS_PER_QUESTION * options.count);
  const pools = kinds.map((kind) => ({ kind, queue: lazyShuffle(candidatesOf(pack, kind, scope), random, draws) }));
  const out: Question[] = [];
  const ids = new Set<string>();
  const usedEvents = new Set<string>();
  const lighter: Question[] = [];
  const deferred: Question[] = [];
  // No kind takes much more than its share while others still have questions: background reports,
  // which touch no event, would otherwise fill a long game.
  const share = (kind: RoundKind) => Math.ceil((options.count / pools.length) * (LESSER_KINDS[kind] ?? KIND_SHARE));
  const byKind = new Map<string, number>();
  // Nor does one question give another of the same game away: a figure's quote printing "four Armenian soldiers".
  const fresh = (q: Question) =>
    !q.eventIds.some((id) => usedEvents.has(id)) &&
    !subjectsOf(q).some((s) => usedEvents.has(s)) &&
    (byKind.get(q.kind) ?? 0) < share(q.kind) &&
    !out.some((o) => leaks(pack, o, q));
  // A game's True/False answers stay even: a run of Trues would teach "answer True".
  const truth = { True: 0, False: 0 };
  const leansTrueOrFalse = (q: Question) => {
    const said = q.options[q.answer];
    if (q.kind !== 'true-false' || (said !== 'True' && said !== 'False')) return false;
    return truth[said] > truth[said === 'True' ? 'False' : 'True'];
  };
  const take = (q: Question) => {
    const said = q.options[q.answer];
    if (q.kind === 'true-false' && (said === 'True' || said === 'False')) truth[said]++;
    ids.add(q.id);
    for (const id of q.eventIds) usedEvents.add(id);
    for (const s of subjectsOf(q)) usedEvents.add(s);
    byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
    out.push(q);
  };

  while (out.length < options.count && pools.some((p) => !p.queue.done())) {
    for (const pool of pools) {
      if (out.length >= options.count) break;
      while (!pool.queue.done()) {
        const candidate = pool.queue.next();
        const draft = candidate.build(random);
        const question = !isDeclined(draft) && finalize(pack, draft, random);
        if (!question || ids.has(question.id)) continue;
        if (!fresh(question) || leansTrueOrFalse(question)) {
          deferred.push(question);
          continue;
        }
        if (random.next() * FULL_WEIGHT > (question.weight ?? 1)) {
          lighter.push(question);
          continue;
        }
        take(question);
        break;
      }
    }
  }
  // The light questions next, still one per event; only then do two questions share an event.
  for (const question of [...lighter, ...deferred]) {
    if (out.length >= options.count) break;
    if (!ids.has(question.id) && fresh(question)) take(question);
  }
  // Last, questions that share an event, the least-asked kind first; never two on one claim, quote or report.
  // An event may be asked again (as an answer after serving as a companion); a claim, quote or report never.
  const told = (q: Question) => (q.subjects ?? []).some((s) => usedEvents.has(s) && !pack.events.has(s));
  // How many taken questions give q away, or are given away by it: counted once per pair, since `out` only
  // grows and every pick weighs every question left.
  const leakCounts = new Map<Question, { upTo: number; count: number }>();
  const leaky = (q: Question) => {
    const known = leakCounts.get(q) ?? { upTo: 0, count: 0 };
    for (; known.upTo < out.length; known.upTo++) if (leaks(pack, out[known.upTo] as Question, q)) known.count++;
    leakCounts.set(q, known);
    return known.count;
  };
  const rest = [...lighter, ...deferred].filter((q) => !ids.has(q.id));
  // The fewest give-aways first, then the least-asked kind, then the first drawn. A kind's share of the game
  // is far under a thousand, so the load orders by give-aways, then by kind.
  const kindLoad = (x: Question) => (byKind.get(x.kind) ?? 0) / share(x.kind);
  const load = (x: Question) => leaky(x) * 1000 + kindLoad(x);
  while (out.length < options.count) {
    // Weighed by kind first: once the best so far loads no more than a question's kind alone, neither that
    // question nor any after it can beat it, and their give-aways need not be counted. Within a kind, in
    // the order drawn, so the first of equals is still the one taken.
    const open = rest
      .map((q, i) => ({ q, i, kind: kindLoad(q) }))
      .filter(({ q }) => !ids.has(q.id) && !told(q))
      .sort((a, b) => a.kind - b.kind || a.i - b.i);
    let best: { q: Question; load: number } | undefined;
    for (const { q, kind } of open) {
      if (best && kind >= best.load) break;
      const mine = load(q);
      if (!best || mine < best.load) best = { q, load: mine };
    }
    if (!best) break;
    take(best.q);
  }
  return out;
}

/**
 * The question with this id rebuilt from another seed: the same subject and
 * right answer, with its distractors and their order drawn afresh (a
 * reviewed question must not be learnt by where its button sits).
 * Undefined when the pack no longer makes that question.
 */
export function questionById(pack: Pack, id: string, seed: number): Question | undefined {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon) as QuestionKind;
  const subject = id.slice(colon + 1);
  if (colon < 1 || !Object.hasOwn(KINDS, kind)) return undefined;
  // Some subjects carry a prefix of their own ("role:", "weapon:") before the candidate's key. The raw
  // builders, not candidatesOf: a review card made before its item was kept as context rebuilds where its
  // kind's builder does not decline such items itself (event-date, figure and which-first do).
  const candidates =
    kind === 'true-false'
      ? trueFalseVariant(pack, subject)
      : rawCandidates(pack, kind).filter((c) => c.key === subject || subject.endsWith(`:${c.key}`));
  // A builder may decline a draw (a distractor date that would also be right), so a few draws are tried.
  for (let attempt = 0; attempt < 8 && candidates.length > 0; attempt++) {
    const random = seededRandom(seed + attempt * 7_919);
    for (const candidate of candidates) {
      const draft = candidate.build(random);
      const question = isDeclined(draft) ? undefined : finalize(pack, draft, random);
      if (question?.id === id) return question;
    }
  }
  return undefined;
}
