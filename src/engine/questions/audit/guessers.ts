import { wordStems } from '../../../content/normalize.js';
import { decadeOf, lastWordOf, shapeOf } from '../form.js';
import { seededRandom } from '../random.js';
import { roleGuess, type StoryRole } from '../story-roles.js';
import type { Question } from '../types.js';

/**
 * Players who answer without knowing anything: they see the options, some
 * the prompt, one the rest of the pool. Each picks an option; a kind that
 * lets any of them beat chance by much teaches its tells, not its facts.
 */
export interface Guesser {
  name: string;
  /** Indexes of the options this guesser finds equally good; one is picked at random. */
  favour(question: Question, seen: PoolMemory): number[];
}

/** What a player who has seen the rest of the pool remembers: per option text, how often it was right. */
export interface PoolMemory {
  record(text: string, exceptId: string): { shown: number; right: number };
  /** How often this option text was right in other questions of the same difficulty, as a share of its showings. */
  byDifficulty(text: string, difficulty: string, exceptId: string): number;
}

export function poolMemory(questions: readonly Question[]): PoolMemory {
  const byText = new Map<string, { id: string; right: boolean; difficulty: string }[]>();
  for (const q of questions) {
    q.options.forEach((o, i) => {
      const list = byText.get(o) ?? [];
      list.push({ id: q.id, right: i === q.answer, difficulty: q.difficulty });
      byText.set(o, list);
    });
  }
  return {
    byDifficulty(text, difficulty, exceptId) {
      const list = (byText.get(text) ?? []).filter((r) => r.id !== exceptId && r.difficulty === difficulty);
      return (list.filter((r) => r.right).length + 1) / (list.length + 2);
    },
    record(text, exceptId) {
      const list = (byText.get(text) ?? []).filter((r) => r.id !== exceptId);
      // Count each other question once, however many times it was drawn.
      const ids = new Map<string, boolean>();
      for (const r of list) ids.set(r.id, (ids.get(r.id) ?? false) || r.right);
      return { shown: ids.size, right: [...ids.values()].filter(Boolean).length };
    },
  };
}

const all = (q: Question) => q.options.map((_, i) => i);

function best(q: Question, score: (option: string, i: number) => number): number[] {
  const scores = q.options.map(score);
  const top = Math.max(...scores);
  return all(q).filter((i) => scores[i] === top);
}

function numberIn(option: string): number | undefined {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?/.exec(option);
  if (!m) return undefined;
  const scale = m[2] === 'billion' ? 1e9 : m[2] === 'million' ? 1e6 : 1;
  return Number((m[1] as string).replace(/,/g, '')) * scale;
}

/** The time an option names, when it is a date ("27 September 2020", "October 2020", "1992"). */
function timeIn(option: string): number | undefined {
  if (!/^(\d{1,2} )?([A-Z][a-z]+ )?\d{4}$/.test(option)) return undefined;
  const t = Date.parse(/^\d{4}$/.test(option) ? `${option}-01-01` : option);
  return Number.isNaN(t) ? undefined : t;
}

/** The options that stand alone by some feature, when the rest share it. */
function oddOnes(q: Question, feature: (option: string, i: number) => string): number[] {
  const values = q.options.map(feature);
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const odd = all(q).filter((i) => counts.get(values[i] as string) === 1);
  return odd.length === 1 && counts.size === 2 ? odd : [];
}

const category = (q: Question) => (_: string, i: number) => q.facets?.[i]?.category ?? '';

function words(text: string): Set<string> {
  return new Set(wordStems(text, 4, 5));
}

export const GUESSERS: Guesser[] = [
  ...[0, 1, 2, 3].map((k) => ({
    name: `position ${k + 1}`,
    favour: (q: Question) => (k < q.options.length ? [k] : all(q)),
  })),
  { name: 'longest', favour: (q) => best(q, (o) => o.length) },
  { name: 'shortest', favour: (q) => best(q, (o) => -o.length) },
  { name: 'odd shape', favour: (q) => oddOnes(q, shapeOf) },
  {
    name: 'not the odd shape',
    favour: (q) => {
      const odd = oddOnes(q, shapeOf);
      return odd.length ? all(q).filter((i) => !odd.includes(i)) : [];
    },
  },
  { name: 'odd last word', favour: (q) => oddOnes(q, lastWordOf) },
  {
    name: 'not the odd last word',
    favour: (q) => {
      const odd = oddOnes(q, lastWordOf);
      return odd.length ? all(q).filter((i) => !odd.includes(i)) : [];
    },
  },
  { name: 'odd category', favour: (q) => oddOnes(q, category(q)) },
  { name: 'odd decade', favour: (q) => oddOnes(q, decadeOf) },
  { name: 'smallest number', favour: (q) => best(q, (o) => -(numberIn(o) ?? Number.POSITIVE_INFINITY)) },
  { name: 'largest number', favour: (q) => best(q, (o) => numberIn(o) ?? Number.NEGATIVE_INFINITY) },
  {
    name: 'middle number',
    favour: (q) => {
      const sorted = all(q)
        .filter((i) => numberIn(q.options[i] as string) !== undefined)
        .sort((a, b) => (numberIn(q.options[a] as string) ?? 0) - (numberIn(q.options[b] as string) ?? 0));
      return sorted.length === q.options.length ? sorted.slice(1, -1) : [];
    },
  },
  { name: 'earliest date', favour: (q) => best(q, (o) => -(timeIn(o) ?? Number.POSITIVE_INFINITY)) },
  { name: 'latest date', favour: (q) => best(q, (o) => timeIn(o) ?? Number.NEGATIVE_INFINITY) },
  {
    name: 'roundest number',
    favour: (q) =>
      best(q, (o) => {
        const n = numberIn(o);
        if (n === undefined) return -1;
        let z = 0;
        for (let x = n; x >= 10 && x % 10 === 0; x /= 10) z++;
        return z;
      }),
  },
  {
    name: 'echoes the prompt',
    favour: (q) => {
      const p = words(q.prompt);
      return best(q, (o) => [...words(o)].filter((w) => p.has(w)).length);
    },
  },
  {
    name: 'avoids the prompt',
    favour: (q) => {
      const p = words(q.prompt);
      return best(q, (o) => -[...words(o)].filter((w) => p.has(w)).length);
    },
  },
  {
    // A True/False statement whose named speaker echoes the rest of it ("Armenia's ministry … Armenian forces") reads as true.
    name: 'true when a name recurs',
    favour: (q) => {
      const truth = q.options.indexOf('True');
      if (truth < 0) return [];
      const stems = (q.prompt.match(/\p{Lu}\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5).toLowerCase());
      const recurs = stems.some((w, i) => stems.indexOf(w) !== i);
      return [recurs ? truth : 1 - truth];
    },
  },
  {
    // Four events read as one story: the one opening is first, the one ceasefire or "new war" last.
    name: 'story role',
    favour: (q) => {
      const roles = q.facets?.map((f) => f.role);
      if (!roles?.every((r) => r !== undefined)) return [];
      const picked = roleGuess(roles as StoryRole[], !/\blast\b/.test(q.prompt));
      return picked === undefined ? [] : [picked];
    },
  },
  {
    // The quiz shows each question's difficulty: a player learns which answer goes with which label.
    name: 'reads the difficulty',
    favour: (q, seen) => best(q, (o) => seen.byDifficulty(o, q.difficulty, q.id)),
  },
  {
    name: 'has seen the pool',
    favour: (q, seen) =>
      best(q, (o) => {
        const r = seen.record(o, q.id);
        // An option never seen elsewhere gets the even prior of one in the options.
        return (r.right + 1) / (r.shown + q.options.length);
      }),
  },
];

export interface GuesserScore {
  name: string;
  right: number;
  total: number;
  /** right ÷ total ÷ chance: 1 is a blind guess. */
  ratio: number;
}

/** Each guesser's accuracy over the questions of one kind. */
export function scoreGuessers(questions: readonly Question[]): GuesserScore[] {
  const seen = poolMemory(questions);
  const random = seededRandom(7);
  return GUESSERS.map((g) => {
    let right = 0;
    for (const q of questions) {
      const favoured = g.favour(q, seen);
      const choice = favoured.length ? (favoured[random.int(favoured.length)] as number) : random.int(q.options.length);
      if (choice === q.answer) right++;
    }
    const total = questions.length;
    const chance = total ? questions.reduce((s, q) => s + 1 / q.options.length, 0) / total : 0;
    return { name: g.name, right, total, ratio: total ? right / total / chance : 0 };
  });
}
