import type { Pack } from '../../content/pack.js';
import type { Fact } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeFact } from '../attribution.js';
import { settle } from './answer-counts.js';
import { otherSideNamed } from './camps.js';
import { contextOnly } from './context-only.js';
import { answerOption, asEntity, blankMentions, entityDistractors, hints, saidAlsoOf } from './gaps.js';
import { type Random, seededRandom } from './random.js';
import { type Declined, type Draft, decline, isDeclined } from './types.js';
import { articleOf } from './wording.js';

/** The actors and places a report names that could be blanked without the rest of it giving them away. */
export function reportGapTargets(pack: Pack, fact: Fact): string[] {
  return fact.about.filter((id) => whyNotAGap(pack, fact, id) === undefined);
}

/** A name the report is about but does not print: no gap at all, so no reason to give. */
const NOT_PRINTED = 'the report does not name it';

/** Why a name a report is about cannot be its gap, or undefined when it can. */
function whyNotAGap(pack: Pack, fact: Fact, id: string): string | undefined {
  const entity = asEntity(pack, id);
  const text = entity && blankMentions(fact.statement, entity.item);
  if (!entity || text === undefined) return NOT_PRINTED;
  // Tried and reviewed (review 16): 10 of 17 country gaps were faulted. A report's other names fix the country
  // ("a NATO member and key ally of Azerbaijan"; "Russia, Belarus, ___, Tajikistan": a "-stan"), its wars overlap
  // (Libya's and Syria's both began in 2011), or it is great-power background rather than the conflict.
  if (entity.type === 'actor' ? entity.item.kind === 'state' : entity.item.kind === 'country')
    return `${entity.item.name} is a country, which the rest of a background report fixes or leaves to general knowledge`;
  if (hints(text, entity.item)) return `the rest of the report still names ${entity.item.name}`;
  const adversary = otherSideNamed(pack, text, id);
  if (adversary) return `the report names ${adversary}, the other side, which pairs with the gap`;
  return undefined;
}

const mentionCounts = packCache((pack, _: 'all') => {
  const out = new Map<string, number>();
  for (const fact of pack.data.facts.filter((f) => !contextOnly(f)))
    for (const id of reportGapTargets(pack, fact)) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
});

/**
 * The one thing a report is asked by: the one it names that the fewest
 * other reports name, so no single country is the answer to half the pool
 * (a player would learn to pick it), and one that has others to set against it.
 */
export const reportGapTarget = packCache((pack, fact: Fact): string | null => {
  if (relatedAsked(pack, fact)) return null;
  const counts = mentionCounts(pack, 'all');
  const ranked = [...reportGapTargets(pack, fact)].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  return ranked.find((id) => !isDeclined(reportGap(pack, fact, id, seededRandom(0), counts))) ?? null;
});

/**
 * The report of the same thing (another article's list of the CSTO's
 * members, another telling of who mediated) that comes before this one in
 * the pack and is asked: one question per such group, since two would
 * answer each other, or ask the same thing twice.
 */
function relatedAsked(pack: Pack, fact: Fact): Fact | undefined {
  const order = pack.data.facts.indexOf(fact);
  return pack.data.facts
    .slice(0, Math.max(0, order))
    .find(
      (other) =>
        (fact.related.includes(other.id) || other.related.includes(fact.id)) && reportGapTarget(pack, other) !== null,
    );
}

/** Why a report has no gap to ask: nothing to blank, or nothing to set against what could be. */
export function whyNoReportGap(pack: Pack, fact: Fact): string {
  const related = relatedAsked(pack, fact);
  if (related) return `a report of the same thing is asked already (${related.id})`;
  const targets = reportGapTargets(pack, fact);
  if (targets.length === 0) {
    const reasons = fact.about.map((id) => whyNotAGap(pack, fact, id)).filter((r) => r !== NOT_PRINTED);
    return reasons[0] ?? 'names no actor or place that could be blanked';
  }
  const why = reportGap(pack, fact, targets[0] as string, seededRandom(0));
  return isDeclined(why) ? why.declined : 'declined';
}

/** "Which fills the gap? As reported in …: Ganja is Azerbaijan's second-largest city, after ___." */
export function reportGap(
  pack: Pack,
  fact: Fact,
  targetId: string,
  random: Random,
  answers: ReadonlyMap<string, number> = reportGapAnswers(pack, 'all'),
): Draft | Declined {
  const entity = asEntity(pack, targetId);
  const text = entity && blankMentions(fact.statement, entity.item);
  if (!entity || !text || hints(text, entity.item))
    return decline('the report names nothing that could be blanked without the rest of it pointing at the answer');
  const prompt = `Which fills the gap? As reported in ${articleOf(pack, fact.source)}: ${text}`;
  const distractors = entityDistractors(
    pack,
    entity,
    {
      answers,
      prompt,
      exclude: new Set([...fact.about, ...saidAlsoOf(pack, text, fact.id)]),
      otherCountry: entity.type === 'actor' && entity.item.kind !== 'state' && entity.item.kind !== 'person',
    },
    random,
  );
  if (isDeclined(distractors)) return distractors;
  return {
    kind: 'report-gap',
    subject: `${fact.id}:${targetId}`,
    prompt,
    correct: answerOption(entity),
    distractors,
    difficulty: 'medium',
    explanation: attributeFact(pack, fact),
    sourceIds: [fact.source],
    eventIds: fact.event ? [fact.event] : [],
    subjects: [fact.id],
  };
}

const reportGapAnswers = packCache((pack, _: 'all') =>
  settle(
    pack.data.facts.flatMap((f) => {
      const target = contextOnly(f) ? null : reportGapTarget(pack, f);
      return target ? [{ answer: target, build: (answers, r) => reportGap(pack, f, target, r, answers) }] : [];
    }),
  ),
);
