import { foldName } from '../../content/normalize.js';
import type { Entity, Pack } from '../../content/pack.js';
import type { QuotedEvidence } from '../../core/reply.js';
import { sourceLines } from '../attribution.js';
import { evidenceOf } from './evidence.js';
import type { Random } from './random.js';
import { draftWeight } from './salience.js';
import type { Draft, Option, Question } from './types.js';
import { outletInSentence, spellingNote } from './wording.js';

/** An option naming an actor, place or thing: it may not be confused with any of its aliases. */
export function entityOption(entity: Entity['item'], category: string): Option {
  return { text: entity.name, keys: [entity.name, ...entity.aliases], facet: { category, entity: entity.id } };
}

function keysOf(option: Option): Set<string> {
  return new Set([option.text, ...(option.keys ?? [])].map(foldName).filter(Boolean));
}

/**
 * Exactly one option is right only if no two options can be read as the
 * same thing: no shared folded text and no shared alias.
 */
export function optionsAreDistinct(options: readonly Option[]): boolean {
  const sets = options.map(keysOf);
  for (let i = 0; i < sets.length; i++) {
    const a = sets[i] as Set<string>;
    if (a.size === 0) return false;
    for (let j = i + 1; j < sets.length; j++) {
      for (const key of sets[j] as Set<string>) if (a.has(key)) return false;
    }
  }
  return true;
}

/** Checks a draft and shuffles its options; undefined when it could mislead. */
export function finalize(pack: Pack, draft: Draft, random: Random): Question | undefined {
  // True/False and a pair have one other option; the rest have two or three.
  const fits =
    draft.fixedOrder || draft.pair ? draft.distractors.length === 1 : [2, 3].includes(draft.distractors.length);
  if (!fits) return undefined;
  const all = [draft.correct, ...draft.distractors];
  if (!optionsAreDistinct(all)) return undefined;
  const sources = sourceLines(pack, draft.sourceIds);
  if (sources.length === 0 || draft.explanation.trim() === '') return undefined;
  // A fixed order is sorted by text ("False", "True" reads wrong): True first, wherever the right answer is.
  const order = draft.fixedOrder ? [...all].sort((a, b) => b.text.localeCompare(a.text)) : random.shuffle(all);
  const evidence = evidenceOf(pack, draft);
  // The reveal's excerpts use the article's spellings; the options, the pack's ("Gashimov Polad"). Only names
  // the question asks about or offers are glossed: one that only the explanation names read as a note tacked
  // on ("“Toyuz” is the World Socialist Web Site’s spelling of Tovuz" after a question on Tavush).
  const shown = [draft.prompt, ...all.map((o) => o.text)].join(' ');
  const gloss = draft.prompt.includes('article’s spelling')
    ? ''
    : spellingGloss(pack, evidence, shown, `${shown} ${draft.explanation}`, new Set(draft.sourceIds).size > 1);
  return {
    id: `${draft.kind}:${draft.subject}`,
    kind: draft.kind,
    difficulty: draft.difficulty,
    prompt: draft.prompt,
    options: order.map((o) => o.text),
    answer: order.indexOf(draft.correct),
    // After the explanation's full stop a bracketed gloss read as a stray note to a review: a sentence of its own.
    explanation: gloss
      ? `${draft.explanation}${/[.!?]$/.test(draft.explanation) ? '' : '.'} ${gloss}.`
      : draft.explanation,
    sources,
    evidence,
    eventIds: draft.eventIds,
    subjects: draft.subjects ?? draft.eventIds.slice(0, 1),
    weight: draftWeight(pack, draft),
    facets: order.map((o) => o.facet ?? { category: 'text' }),
  };
}

/**
 * The article's spellings the excerpts print, for the reveal. Beside several articles "the article’s
 * spelling" pointed at none (a review, twice over): each outlet is named for its own ("“Gashimov Polad” is
 * South Front’s spelling of Polad Hashimov"), and a name glossed once is not glossed again.
 */
function spellingGloss(
  pack: Pack,
  evidence: readonly QuotedEvidence[],
  shown: string,
  glossed: string,
  several: boolean,
): string {
  if (!several) return spellingNote(pack, evidence.map((e) => e.excerpt).join(' '), { shown, glossed });
  const notes: string[] = [];
  for (const outlet of new Set(evidence.map((e) => e.outlet))) {
    const excerpts = evidence.filter((e) => e.outlet === outlet).map((e) => e.excerpt);
    const whose = `${outletInSentence(outlet)}’s`;
    const note = spellingNote(pack, excerpts.join(' '), { shown, whose, glossed: [glossed, ...notes].join(' ') });
    if (note) notes.push(note);
  }
  return notes.join('. ');
}

/** Names recur across thousands of checks; folding each once keeps generation fast on big packs. */
const folded = new Map<string, string>();
function fold(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = foldName(text);
    if (folded.size < 100_000) folded.set(text, out);
  }
  return out;
}

/** Does this text give the answer away by naming it (or an alias of at least 4 letters)? */
export function mentions(text: string, names: readonly string[]): boolean {
  const hay = ` ${fold(text)} `;
  return names.some((n) => {
    const key = fold(n);
    return key.length >= 4 && hay.includes(` ${key} `);
  });
}
