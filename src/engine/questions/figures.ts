import type { Pack } from '../../content/pack.js';
import type { Claim, Figure } from '../../content/schema.js';
import { attributeClaim } from '../attribution.js';
import { GAP } from './gaps.js';
import { numbersIn, sameValue } from './numbers.js';
import type { Random } from './random.js';
import type { Difficulty, Draft } from './types.js';
import { articleOf, asExcerpt } from './wording.js';

/** 0.27 → 0.3, 2700 → 3000: steps people would believe as round figures. */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  const nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * Three wrong values in an even progression with the right one at any of
 * the four places. The step never depends on the place, and a figure too
 * small to have three believable values below it is not asked: otherwise
 * the smallest option would be right more often than not.
 */
export function ladder(
  value: number,
  random: Random,
  forbidden: readonly number[],
): { values: number[]; position: number; difficulty: Difficulty } | undefined {
  const difficulty = random.pick<Difficulty>(['easy', 'medium', 'hard']);
  const fraction = { hard: 0.1, medium: 0.2, easy: 0.35 }[difficulty];
  const integer = Number.isInteger(value);
  // The lowest option stays above a fifth of the answer: "1" beside "586" is never right, and shows it.
  const floor = Math.max(integer ? 1 : 0, value / 5);
  const widest = (value - floor) / 3;
  let step = niceStep(Math.max(value * fraction, integer ? 1 : 0.01));
  while (step > widest && step > (integer ? 1 : 0)) step = lowerNice(step);
  if (step > widest || step <= 0 || (integer && !Number.isInteger(step))) return undefined;
  const position = random.int(4);
  const values = [0, 1, 2, 3].map((i) => value + (i - position) * step);
  if (values.some((v, i) => i !== position && forbidden.some((f) => sameValue(f, v)))) return undefined;
  const relative = step / value;
  return { values, position, difficulty: relative <= 0.1 ? 'hard' : relative <= 0.25 ? 'medium' : 'easy' };
}

/** The next round step below: 50 → 20 → 10 → 5. */
function lowerNice(step: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const scaled = Math.round(step / magnitude);
  return scaled >= 5 ? 2 * magnitude : scaled >= 2 ? magnitude : magnitude / 2;
}

/** Every option on the answer's scale: "900,000" beside "1.1 million" would single one out. */
function formatOnScale(value: number, answer: number): string {
  const [scale, word] = answer >= 1e9 ? [1e9, ' billion'] : answer >= 1e6 ? [1e6, ' million'] : [1, ''];
  return `${Number((value / scale).toFixed(2)).toLocaleString('en-US')}${word}`;
}

/** The one number in the excerpt that is this figure; undefined when it is absent or stands there twice. */
function figureInExcerpt(claim: Claim, figure: Figure) {
  const found = numbersIn(claim.excerpt).filter((n) => sameValue(n.value, figure.value));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "According to X, in <outlet>'s article of D, which number fills the gap?"
 * over the article's own words. The qualifier, the span and the scope stay
 * in the text ("nearly ___ lives", "___ in Armenia this weekend"), so every
 * option is a bare number and exactly one is what the article printed.
 */
export function figureQuestion(pack: Pack, claim: Claim, figureIndex: number, random: Random): Draft | undefined {
  const figure = claim.figures[figureIndex];
  if (!figure || figure.valueMax !== undefined) return undefined;
  const at = figureInExcerpt(claim, figure);
  if (!at) return undefined;
  const others = numbersIn(claim.excerpt).map((n) => n.value);
  const steps = ladder(figure.value, random, others);
  if (!steps) return undefined;
  const text = `${claim.excerpt.slice(0, at.start)}${GAP}${claim.excerpt.slice(at.end)}`;
  const actor = pack.nameOf(claim.statedBy);
  const outlet = pack.sources.get(claim.source)?.outlet;
  const who =
    actor === outlet
      ? `In ${articleOf(pack, claim.source)}`
      : `According to ${actor}, as reported in ${articleOf(pack, claim.source)}`;
  const options = steps.values.map((v) => ({
    text: formatOnScale(v, figure.value),
    facet: { category: 'number', value: v },
  }));
  const correct = options[steps.position] as (typeof options)[number];
  return {
    kind: 'figure',
    subject: `${claim.id}#${figureIndex}`,
    prompt: `${who}, which number fills the gap? “${asExcerpt(text)}”`,
    correct,
    distractors: options.filter((o) => o !== correct),
    difficulty: steps.difficulty,
    explanation: `${attributeClaim(pack, claim)} The article: “${asExcerpt(claim.excerpt)}”`,
    sourceIds: [claim.source],
    eventIds: claim.event ? [claim.event] : [],
    subjects: [claim.id],
  };
}
