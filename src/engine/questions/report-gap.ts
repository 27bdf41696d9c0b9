import type { Pack } from '../../content/pack.js';
import type { Fact } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeFact } from '../attribution.js';
import { settle } from './answer-counts.js';
import { contextOnly } from './context-only.js';
import { answerOption, asEntity, blankMentions, entityDistractors, hints } from './gaps.js';
import { type Random, seededRandom } from './random.js';
import { type Declined, type Draft, decline, isDeclined } from './types.js';
import { articleOf } from './wording.js';

/** The actors and places a report names that could be blanked without the rest of it giving them away. */
export function reportGapTargets(pack: Pack, fact: Fact, countries = false): string[] {
  return fact.about.filter((id) => {
    const entity = asEntity(pack, id);
    if (entity && isCountry(entity) !== countries) return false;
    const text = entity && blankMentions(fact.statement, entity.item);
    return text !== undefined && entity !== undefined && !hints(text, entity.item);
  });
}

/**
 * A country in a background report is fixed by what surrounds it (its
 * allies, its neighbours, the war's two sides): "a NATO member and key ally
 * of Azerbaijan" leaves one of four states. Countries are not blanked.
 */
function isCountry(entity: NonNullable<ReturnType<typeof asEntity>>): boolean {
  return entity.type === 'actor' ? entity.item.kind === 'state' : entity.item.kind === 'country';
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
  const counts = mentionCounts(pack, 'all');
  const ranked = [...reportGapTargets(pack, fact)].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  return ranked.find((id) => !isDeclined(reportGap(pack, fact, id, seededRandom(0), counts))) ?? null;
});

/** Why a report has no gap to ask: nothing to blank, or nothing to set against what could be. */
export function whyNoReportGap(pack: Pack, fact: Fact): string {
  const targets = reportGapTargets(pack, fact);
  if (targets.length === 0)
    return reportGapTargets(pack, fact, true).length > 0
      ? 'the only names it could blank are countries, which the rest of a report fixes (allies, neighbours, sides)'
      : 'names no actor or place that could be blanked without the rest of the report naming it';
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
      exclude: new Set(fact.about),
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
