import type { Pack } from '../../content/pack.js';
import type { Event } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { roleOrganisation, weaponMaker } from './entities.js';
import { eventDate, eventPlace, whichFirst } from './events.js';
import { finalize } from './finalize.js';
import { type Random, seededRandom } from './random.js';
import { eventInScope, type Scope, statementInScope } from './scope.js';
import { figureQuestion, quoteSpeaker, trueFalse } from './statements.js';
import type { Draft, Question, QuestionKind } from './types.js';

/** One thing a question could be asked about; `build` may decline it. */
interface Candidate {
  key: string;
  build(random: Random): Draft | undefined;
}

function eventCandidates(
  pack: Pack,
  scope: Scope,
  build: (e: Event, r: Random, i: number) => Draft | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  pack.chronological.forEach((event, index) => {
    if (eventInScope(pack, event, scope)) out.push({ key: event.id, build: (r) => build(event, r, index) });
  });
  return out;
}

function figureCandidates(pack: Pack, scope: Scope, build: typeof figureQuestion): Candidate[] {
  return pack.data.claims
    .filter((c) => statementInScope(pack, c, c.asOf, scope))
    .flatMap((claim) =>
      claim.figures.map((_, i) => ({ key: `${claim.id}#${i}`, build: (r: Random) => build(pack, claim, i, r) })),
    );
}

/** Where each kind finds its subjects inside a scope. */
const KINDS: Record<QuestionKind, (pack: Pack, scope: Scope) => Candidate[]> = {
  'event-date': (pack, scope) => eventCandidates(pack, scope, (e, r) => eventDate(pack, e, r)),
  'event-place': (pack, scope) => eventCandidates(pack, scope, (e, r) => eventPlace(pack, e, r)),
  'which-first': (pack, scope) => eventCandidates(pack, scope, (e, r, i) => whichFirst(pack, e, r, i)),
  'quote-speaker': (pack, scope) =>
    pack.data.quotes
      .filter((q) => statementInScope(pack, q, q.date, scope))
      .map((q) => ({ key: q.id, build: (r) => quoteSpeaker(pack, q, r) })),
  figure: (pack, scope) => figureCandidates(pack, scope, figureQuestion),
  'true-false': (pack, scope) => figureCandidates(pack, scope, trueFalse),
  'organisation-or-weapon': (pack, scope) => {
    const topicId = scope.topic?.kind === 'entity' ? scope.topic.entity.item.id : undefined;
    const roles = pack.data.actors.flatMap((person) =>
      person.roles
        .filter(
          (role) =>
            (!topicId || topicId === person.id || topicId === role.of) &&
            (!scope.period || (role.asOf && statementInScope(pack, {}, role.asOf, { period: scope.period }))),
        )
        .map((role) => ({
          key: `${person.id}:${role.of}`,
          build: (r: Random) => roleOrganisation(pack, person, role, r),
        })),
    );
    const weapons = pack.data.weapons
      .filter((w) => pack.eventsInvolving(w.id).some((e) => eventInScope(pack, e, scope)))
      .map((w) => ({ key: w.id, build: (r: Random) => weaponMaker(pack, w, r) }));
    return [...roles, ...weapons];
  },
};

/** What a question is about beyond its events: a claim's figures share one subject. */
function subjectOf(question: Question): string {
  return question.id.slice(question.id.indexOf(':') + 1).replace(/#\d+$/, '');
}

const unscoped = packCache((pack, kind: QuestionKind) => KINDS[kind](pack, {}));

/** A whole pack's candidates are built once; a scoped game builds its own smaller lists. */
function candidatesFor(pack: Pack, kind: QuestionKind, scope: Scope): Candidate[] {
  if (scope.period || scope.topic) return KINDS[kind](pack, scope);
  return unscoped(pack, kind);
}

/**
 * Fisher–Yates drawn one item at a time, keeping only the swapped
 * positions: a game of 20 questions from 20,000 events costs 20 draws, not
 * a shuffle of 20,000.
 */
function lazyShuffle<T>(items: readonly T[], random: Random): { done(): boolean; next(): T } {
  const swapped = new Map<number, number>();
  let taken = 0;
  return {
    done: () => taken >= items.length,
    next: () => {
      const j = taken + random.int(items.length - taken);
      const pick = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(taken) ?? taken);
      taken++;
      return items[pick] as T;
    },
  };
}

export interface GenerateOptions {
  count: number;
  seed: number;
  scope?: Scope;
  kinds?: readonly QuestionKind[];
}

/**
 * Up to `count` questions, cycling through the kinds so a game mixes them,
 * and avoiding two questions on one event while others remain. The same
 * pack, seed and scope always give the same questions.
 */
export function generateQuestions(pack: Pack, options: GenerateOptions): Question[] {
  const random = seededRandom(options.seed);
  const scope = options.scope ?? {};
  const kinds = random.shuffle(options.kinds ?? (Object.keys(KINDS) as QuestionKind[]));
  const pools = kinds.map((kind) => ({ kind, queue: lazyShuffle(candidatesFor(pack, kind, scope), random) }));
  const out: Question[] = [];
  const ids = new Set<string>();
  const usedEvents = new Set<string>();
  const deferred: { kind: QuestionKind; question: Question }[] = [];

  while (out.length < options.count && pools.some((p) => !p.queue.done())) {
    for (const pool of pools) {
      if (out.length >= options.count) break;
      while (!pool.queue.done()) {
        const candidate = pool.queue.next();
        const draft = candidate.build(random);
        const question = draft && finalize(pack, draft, random);
        if (!question || ids.has(question.id)) continue;
        const group = subjectOf(question);
        if (question.eventIds.some((id) => usedEvents.has(id)) || usedEvents.has(group)) {
          deferred.push({ kind: pool.kind, question });
          continue;
        }
        ids.add(question.id);
        for (const id of question.eventIds) usedEvents.add(id);
        usedEvents.add(group);
        out.push(question);
        break;
      }
    }
  }
  // Only when the fresh subjects run out do two questions share an event.
  for (const { question } of deferred) {
    if (out.length >= options.count) break;
    if (ids.has(question.id)) continue;
    ids.add(question.id);
    out.push(question);
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
  // Some subjects carry a prefix of their own ("role:", "weapon:") before the candidate's key.
  const candidates = KINDS[kind](pack, {}).filter((c) => c.key === subject || subject.endsWith(`:${c.key}`));
  // A builder may decline a draw (a distractor date that would also be right), so a few draws are tried.
  for (let attempt = 0; attempt < 8 && candidates.length > 0; attempt++) {
    const random = seededRandom(seed + attempt * 7_919);
    for (const candidate of candidates) {
      const draft = candidate.build(random);
      const question = draft && finalize(pack, draft, random);
      if (question?.id === id) return question;
    }
  }
  return undefined;
}
