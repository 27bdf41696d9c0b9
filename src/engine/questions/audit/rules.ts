import { overlaps } from '../../../content/calendar.js';
import { formatDate } from '../../../content/dates.js';
import { foldName } from '../../../content/normalize.js';
import type { Pack } from '../../../content/pack.js';
import { mentions } from '../finalize.js';
import { farLongest, farShortest, oddOneOut, shapeOf } from '../form.js';
import { related } from '../gaps.js';
import type { Question } from '../types.js';

/**
 * The rules a question must keep, each with a name the audit reports it
 * by. A question rule looks at one question; a pool rule at every variant
 * of a kind at once, for tells that only show across many questions.
 */
export interface QuestionRule {
  name: string;
  check(question: Question, pack: Pack): string | undefined;
}

export interface PoolRule {
  name: string;
  check(questions: readonly Question[], pack: Pack): string[];
}

const right = (q: Question) => q.options[q.answer] as string;

export const QUESTION_RULES: QuestionRule[] = [
  {
    name: 'one-answer/distinct-options',
    check: (q) =>
      new Set(q.options.map(foldName)).size === q.options.length ? undefined : 'two options read the same',
  },
  {
    name: 'one-answer/relayed-speech',
    check: (q, pack) => {
      if (q.kind !== 'quote-speaker') return undefined;
      const quote = pack.quotes.get(q.subjects?.[0] ?? '');
      if (!quote) return undefined;
      const speaker = pack.actors.get(quote.speaker);
      const bodies = new Set(
        [quote.speaker, quote.relays].flatMap((id) => (id ? (pack.actors.get(id)?.roles ?? []).map((r) => r.of) : [])),
      );
      for (const facet of q.facets ?? []) {
        const id = facet.entity;
        if (!id || id === speaker?.id) continue;
        if (id === quote.relays) return `the relayed principal ${pack.nameOf(id)} is an option`;
        if (pack.actors.get(id)?.roles.some((r) => r.of && bodies.has(r.of)))
          return `${pack.nameOf(id)} speaks for the same body as the speaker`;
      }
      return undefined;
    },
  },
  {
    name: 'one-answer/bare-figures',
    check: (q) =>
      q.kind === 'figure' &&
      q.options.some((o) => /\b(over|at least|up to|about|nearly|more than|less than)\b/i.test(o))
        ? 'a bounded figure as an option: a lower bound would be implied by a higher one'
        : undefined,
  },
  {
    name: 'one-answer/bound-implies',
    check: (q) => {
      // "over ___ deaths": with 20,000 right, "over 15,000" is true as well.
      const bound = /\b(?:(over|at least|more than)|(up to|less than|fewer than))\s+___/i.exec(q.prompt);
      const values = (q.facets ?? []).map((f) => f.value);
      const answer = values[q.answer];
      if (q.kind !== 'figure' || !bound || answer === undefined) return undefined;
      const implied = values.find((v, i) => i !== q.answer && v !== undefined && (bound[1] ? v < answer : v > answer));
      return implied === undefined
        ? undefined
        : `"${bound[0]}" holds for ${implied.toLocaleString('en-US')} too, when ${answer.toLocaleString('en-US')} is right`;
    },
  },
  {
    name: 'one-answer/dates-apart',
    check: (q) => {
      const spans = (q.facets ?? []).map((f) => f.span).filter((s): s is [string, string] => s !== undefined);
      for (let i = 0; i < spans.length; i++)
        for (let j = i + 1; j < spans.length; j++)
          if (overlaps(spans[i] as [string, string], spans[j] as [string, string]))
            return 'two options overlap in date';
      return undefined;
    },
  },
  {
    name: 'one-answer/places-apart',
    check: (q, pack) => {
      const ids = (q.facets ?? [])
        .map((f) => f.entity)
        .filter((id): id is string => id !== undefined && pack.places.has(id));
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++)
          if (related(pack, ids[i] as string, ids[j] as string)) return `${ids[i]} and ${ids[j]} contain one another`;
      return undefined;
    },
  },
  {
    name: 'form/one-category',
    check: (q) => {
      const categories = new Set((q.facets ?? []).map((f) => f.category));
      return categories.size > 1 ? `options of different kinds: ${[...categories].join(', ')}` : undefined;
    },
  },
  {
    name: 'form/shape',
    check: (q) =>
      oddOneOut(q.options.map(shapeOf)) === q.answer ? `the answer alone is shaped “${shapeOf(right(q))}”` : undefined,
  },
  {
    name: 'form/length',
    check: (q) => {
      if (q.options.length < 3) return undefined;
      if (farLongest(q.options, q.answer)) return 'the answer is far the longest option';
      if (farShortest(q.options, q.answer)) return 'the answer is far the shortest option';
      return undefined;
    },
  },
  {
    name: 'wording/no-reference-list',
    check: (q) => (/\(concerning |\(re: /i.test(q.prompt) ? 'a list of references in parentheses' : undefined),
  },
  {
    name: 'wording/unit-template',
    check: (q) =>
      /number of (percent|per cent|US dollars|dollars|euros)\b|amount in [a-z]+ of/i.test(q.prompt)
        ? 'a unit dropped into a template it does not fit'
        : undefined,
  },
  {
    name: 'wording/number-agreement',
    check: (q) => {
      const m = /\b(1|one) ([a-z]+s)\b(?! of)/i.exec(`${q.prompt} ${q.explanation}`.replace(/“[^”]*”/g, ''));
      return m && !/^(was|is|has|says|does)$/.test(m[2] as string) ? `“${m[0]}”` : undefined;
    },
  },
  {
    name: 'wording/title-not-speech',
    check: (q, pack) => {
      for (const id of q.eventIds) {
        const title = pack.events.get(id)?.title;
        if (title && q.prompt.includes(`“${title}”`)) return 'an event title quoted as if it were speech';
      }
      return undefined;
    },
  },
  {
    name: 'wording/when-said',
    check: (q, pack) => {
      if (q.kind !== 'quote-speaker') return undefined;
      const quote = pack.quotes.get(q.subjects?.[0] ?? '');
      const article = quote && pack.sources.get(quote.source);
      if (!quote || !article) return undefined;
      // Words only known to have been printed are never dated as said that day.
      return quote.dated === 'reported' &&
        new RegExp(`\\b(on|in) ${formatDate(quote.date)}`).test(q.prompt.split('“')[0] ?? '')
        ? 'words dated to a day the article does not give for the saying'
        : undefined;
    },
  },
  {
    name: 'wording/lead-in-hides-answer',
    check: (q, pack) => {
      const id = q.facets?.[q.answer]?.entity;
      const entity = id ? (pack.actors.get(id) ?? pack.places.get(id)) : undefined;
      if (!entity) return undefined;
      return mentions(q.prompt, [entity.name, ...entity.aliases]) ? 'the prompt names the answer' : undefined;
    },
  },
  {
    name: 'explanation/in-pack',
    check: (q, pack) => {
      const known = packDates(pack);
      const dates =
        q.explanation.match(
          /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g,
        ) ?? [];
      const stray = dates.find((d) => !known.has(d));
      return stray ? `“${stray}” is no date in the pack` : undefined;
    },
  },
  {
    name: 'explanation/spellings',
    check: (q, pack) => {
      // One other spelling helps a reader match the article; five read as a list of aliases.
      for (const place of pack.places.values()) {
        const found = [place.name, ...place.aliases].filter((n) => n.length >= 4 && mentions(q.explanation, [n]));
        // "Tovuz district" is Tovuz again, not another spelling.
        const named = new Set(
          found.filter((n) => !found.some((o) => o !== n && foldName(n).includes(foldName(o)))).map(foldName),
        );
        if (named.size > 3) return `the explanation names ${named.size} spellings of ${place.name}`;
      }
      return undefined;
    },
  },
  {
    name: 'explanation/evidence',
    check: (q) => (q.evidence?.length ? undefined : 'the reveal quotes no sentence of an article'),
  },
  {
    name: 'difficulty/same-episode',
    check: (q, pack) => {
      if (q.kind !== 'which-first' || q.difficulty === 'easy') return undefined;
      const episodes = new Set(q.eventIds.map((id) => pack.events.get(id)?.episode));
      return episodes.size > 1 ? `a ${q.difficulty} order question across episodes` : undefined;
    },
  },
];

const dateSets = new WeakMap<Pack, Set<string>>();
/** Every day the pack's own text dates something to, formatted as explanations print it. */
function packDates(pack: Pack): Set<string> {
  let out = dateSets.get(pack);
  if (out) return out;
  out = new Set<string>();
  const add = (d?: string) => {
    if (d && d.length === 10) out?.add(formatDate(d));
  };
  for (const e of pack.chronological) {
    add(e.date);
    add(e.endDate);
    for (const m of `${e.dateNote ?? ''} ${e.summary}`.matchAll(/\d{1,2} \w+ \d{4}/g)) out.add(m[0]);
  }
  for (const c of pack.data.claims) add(c.asOf);
  for (const q of pack.data.quotes) add(q.date);
  for (const f of pack.data.facts) {
    add(f.date);
    add(f.endDate);
  }
  for (const s of pack.sources.values()) add(s.date);
  for (const a of pack.actors.values()) for (const r of a.roles) add(r.asOf);
  for (const text of [
    ...pack.data.claims.map((c) => c.statement),
    ...pack.data.facts.map((f) => f.statement),
    ...pack.data.quotes.map((q) => q.context ?? ''),
  ])
    for (const m of text.matchAll(/\d{1,2} \w+ \d{4}/g)) out.add(m[0]);
  dateSets.set(pack, out);
  return out;
}

/** Questions grouped by how many options they offer: position is judged within each group. */
function bySize(questions: readonly Question[]): Question[][] {
  const groups = new Map<number, Question[]>();
  for (const q of questions) groups.set(q.options.length, [...(groups.get(q.options.length) ?? []), q]);
  return [...groups.values()];
}

/** How often the right answer sits at each place, against an even spread. */
function positionCounts(questions: readonly Question[]): number[] {
  const counts = new Array<number>(questions[0]?.options.length ?? 0).fill(0);
  for (const q of questions) counts[q.answer] = (counts[q.answer] ?? 0) + 1;
  return counts;
}

export const POOL_RULES: PoolRule[] = [
  {
    name: 'form/uniform-position',
    // A dozen questions can sit unevenly by chance alone; the guessers judge the rest.
    check: (questions) =>
      bySize(questions)
        .filter((group) => new Set(group.map((q) => q.id)).size >= 12)
        .flatMap((group) => {
          const counts = positionCounts(group);
          const chance = 1 / counts.length;
          return counts.flatMap((n, i) =>
            n / group.length > 1.3 * chance
              ? [`the answer sits at option ${i + 1} of ${counts.length} in ${n} of ${group.length}`]
              : [],
          );
        }),
  },
  {
    name: 'form/never-right-distractor',
    check: (questions) => {
      const shown = new Map<string, number>();
      const rightly = new Set<string>();
      for (const q of questions) {
        rightly.add(right(q));
        for (const o of new Set(q.options)) if (o !== right(q)) shown.set(o, (shown.get(o) ?? 0) + 1);
      }
      // A variant is one question drawn again: count questions, not draws.
      const ids = new Map<string, Set<string>>();
      for (const q of questions) for (const o of q.options) ids.set(o, (ids.get(o) ?? new Set()).add(q.id));
      return [...shown.keys()]
        .filter((o) => !rightly.has(o) && (ids.get(o)?.size ?? 0) >= 3)
        .map((o) => `“${o}” is offered in ${ids.get(o)?.size} questions and is never right`);
    },
  },
  {
    name: 'form/quote-speakers-only',
    check: (questions, pack) => {
      if (questions[0]?.kind !== 'quote-speaker') return [];
      const speakers = new Set(pack.data.quotes.map((q) => q.speaker));
      const out = new Set<string>();
      for (const q of questions)
        for (const f of q.facets ?? [])
          if (f.entity && !speakers.has(f.entity)) out.add(`${pack.nameOf(f.entity)} has no quote in the pack`);
      return [...out];
    },
  },
  {
    name: 'identity/stable',
    check: (questions) => {
      const first = new Map<string, Question>();
      const out: string[] = [];
      for (const q of questions) {
        const seen = first.get(q.id);
        if (!seen) first.set(q.id, q);
        else if (seen.prompt !== q.prompt || right(seen) !== right(q))
          out.push(`${q.id} changes its prompt or answer when rebuilt`);
      }
      return [...new Set(out)];
    },
  },
];
