import { distance } from 'fastest-levenshtein';
import type { Pack } from '../../content/pack.js';
import { answerIdOf, type Label, labelsOf } from './name-index.js';
import { allowedEdits, lettersOff, nameKey, nearMissEdits } from './name-key.js';
import { refuseUnreadable } from './refusals.js';
import { type Verdict, wrong } from './verdict.js';

interface Nearest {
  label: Label;
  edits: number;
  /** Edits, then a curated name before a derived surname: what "at least as close" compares. */
  rank: number;
}

function nearestPerAnswer(key: string, labels: readonly Label[]): Map<string, Nearest> {
  const best = new Map<string, Nearest>();
  for (const label of labels) {
    const edits = distance(key, label.key);
    const rank = edits * 2 + (label.kind === 'surname' ? 1 : 0);
    const held = best.get(label.answer);
    if (!held || rank < held.rank) best.set(label.answer, { label, edits, rank });
  }
  return best;
}

/** What a forgiven misspelling was taken for: "Stepanakert (one letter off)", "Khankendi, another name for Stepanakert (…)". */
function forgiven(label: Label, edits: number): string {
  if (label.kind === 'alias') return `${label.text}, another name for ${label.answerName} (${lettersOff(edits)})`;
  if (label.kind === 'surname') return `${label.answerName} (surname, ${lettersOff(edits)})`;
  return `${label.answerName} (${lettersOff(edits)})`;
}

/** Why an answer nearer (or as near) to something else gets nothing. */
function refusedFor(typed: string, mine: Nearest, rival: Nearest): Verdict {
  const [other, answer] = [rival.label.answerName, mine.label.answerName];
  if (rival.edits === 0) return wrong(`that names ${other}, not ${answer}`);
  if (rival.rank < mine.rank) return wrong(`not accepted: "${typed}" is nearer to ${other} than to ${answer}`);
  // As near to the answer as to something else: taking it would be a guess.
  return wrong(`not accepted: "${typed}" is as near to ${other} as to ${answer}`);
}

/**
 * A typed name against the entity `expectedId` (an actor, place or thing of
 * the pack): its name and every alias, and a person's surname, folded, with
 * `allowedEdits` forgiven. No answer is accepted that is as near to another
 * entity of the pack, of any type, as to the expected one.
 */
export function matchName(pack: Pack, expectedId: string, typed: string): Verdict {
  const refused = refuseUnreadable(typed);
  if (refused) return refused;
  const expected = answerIdOf(pack, expectedId);
  // A question kept from an older pack may name what the pack dropped; the player is not to blame, but nothing matches.
  if (expected === undefined) return wrong(`the expected answer "${expectedId}" is no longer in the pack`);

  const key = nameKey(typed);
  const nearest = nearestPerAnswer(key, labelsOf(pack));
  const mine = nearest.get(expected) as Nearest;
  let rival: Nearest | undefined;
  for (const [answer, near] of nearest) if (answer !== expected && (!rival || near.rank < rival.rank)) rival = near;

  // Digits alone are a number, unless a name is exactly those digits.
  if (/^\d+$/.test(key) && mine.edits > 0 && (!rival || rival.edits > 0)) return wrong('a number is not a name');

  const clear = !rival || mine.rank < rival.rank;
  if (clear && mine.edits === 0) {
    const verdict: Verdict = { grade: 'exact', matched: mine.label.answerName };
    if (mine.label.kind === 'alias') verdict.note = `${mine.label.text} is another name for ${mine.label.answerName}`;
    if (mine.label.kind === 'surname')
      verdict.note = `accepted "${typed.trim()}" as ${mine.label.answerName} (surname)`;
    return verdict;
  }
  if (clear && mine.edits <= allowedEdits(mine.label.key.length)) {
    return {
      grade: 'close',
      matched: mine.label.answerName,
      note: `accepted "${typed.trim()}" as ${forgiven(mine.label, mine.edits)}`,
    };
  }
  if (rival && rival.rank <= mine.rank && rival.edits <= allowedEdits(rival.label.key.length))
    return refusedFor(typed.trim(), mine, rival);
  if (clear && mine.edits <= nearMissEdits(mine.label.key.length))
    return wrong(`close: did you mean ${mine.label.kind === 'surname' ? mine.label.answerName : mine.label.text}?`);
  return wrong();
}
