import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeDivergence } from './excerpt-diff.js';
import { articleTextWithBreaks, normalizeArticleText } from './normalize.js';
import { originOf } from './origins.js';
import type { Pack } from './pack.js';
import type { Source } from './schema.js';

export interface ExcerptMismatch {
  type: 'claim' | 'quote' | 'fact' | 'event' | 'source';
  id: string;
  source: string;
  /** The YAML file and line of the field at fault, when the item was loaded from a file. */
  file?: string;
  line?: number;
  /** What failed, for counting: an excerpt not in its article, a quote's words not in its excerpt, no article, or a mid-sentence start left unmarked. */
  fault: 'excerpt' | 'quote-text' | 'article' | 'unmarked-start' | 'unmarked-end';
  problem: string;
}

/** Where a curator elides words ("Since the 2018 […], when …"), each part stands verbatim, in order, in one sentence's reach. */
const ELISION = /\s*\[…\]\s*/;
const MAX_ELIDED = 40;

/** A curator marks an excerpt that starts or stops inside a sentence with "…"; the mark is not the article's. */
const OPEN_ENDS = /^…\s*|\s*…$/g;

/**
 * A curator may open an excerpt with a bracketed name in place of the
 * article's pronoun ("[Washington] gave $100 million…" for "It gave…"), as
 * quoting does, so an excerpt read alone says who acted. It stands for at
 * most three words of the article. It may follow the quotation mark that
 * opens the sentence ("“[Macron] reiterated…" for "“He reiterated…"), or the
 * "…" of an excerpt that starts inside one ("…[Pashinyan] had announced…").
 */
const SUBSTITUTION = /^(…\s*|[“"‘])?\[(?!…)[^\]]{1,60}\]\s*/;
const MAX_SUBSTITUTED_WORDS = 3;

function partsOf(excerpt: string): string[] {
  return excerpt
    .replace(SUBSTITUTION, '')
    .replace(OPEN_ENDS, '')
    .split(ELISION)
    .map(normalizeArticleText)
    .filter(Boolean);
}

/** The one to three article words before `first` that a leading "[Name]" could stand for, fewest first. */
function replacedWordsBefore(text: string, first: string): string[] {
  const at = text.indexOf(first);
  const before = text.slice(Math.max(0, at - 60), at).split(/(?<=\s)/);
  return Array.from({ length: MAX_SUBSTITUTED_WORDS }, (_, k) => before.slice(-(k + 1)).join('')).filter(Boolean);
}

/**
 * Does the article have `first` where a sentence, a paragraph or a quotation
 * begins? Then the excerpt reads whole; otherwise a reader must be told the
 * words before it are missing.
 */
const DATELINE = /\b[A-Z]{2,}[A-Z .'-]*,(?: [A-Z][A-Za-z.]*)*,? [A-Z][a-z]{2,}\.? \d{1,2}(?: \([^)]*\))? [—–-]{1,2} $/;

function startsASentence(breaks: string, flat: string, first: string): boolean {
  for (let at = flat.indexOf(first); at >= 0; at = flat.indexOf(first, at + 1)) {
    const before = breaks.slice(Math.max(0, at - 3), at);
    if (at === 0 || before.endsWith('\n') || /[.!?:]["”’)]?\s$/.test(before) || /[“"‘(]$/.test(before)) return true;
    // A dateline ("CAPE KENNEDY, Fla., July 17 — ") ends where the first sentence starts.
    if (DATELINE.test(flat.slice(Math.max(0, at - 60), at))) return true;
  }
  return false;
}

/**
 * Does the article have `last` where a sentence, a paragraph or a quotation
 * ends? A sentence's own full stop may be left out ("…the enclave" before
 * ". "): the words still end where the sentence does.
 */
function endsASentence(breaks: string, flat: string, last: string): boolean {
  for (let at = flat.indexOf(last); at >= 0; at = flat.indexOf(last, at + 1)) {
    const end = at + last.length;
    if (/[.!?…]["”’)]*$/.test(last) || end === flat.length) return true;
    if (/^["”’)]*[.!?]/.test(flat.slice(end, end + 4))) return true;
    // A paragraph's end. A quotation closed on a comma before its reporting verb ("…,” she said) is not one:
    // the sentence goes on, and a reader is told so with "…".
    const inBreaks = breaks.indexOf(last);
    if (inBreaks >= 0 && /^["”’)]*\s*\n/.test(breaks.slice(inBreaks + last.length, inBreaks + last.length + 4)))
      return true;
  }
  return false;
}

function standsIn(text: string, parts: readonly string[]): boolean {
  const [first = '', ...rest] = parts;
  // Every place the first part stands could start the match.
  for (let from = text.indexOf(first); from >= 0; from = text.indexOf(first, from + 1)) {
    let at = from + first.length;
    const follows = rest.every((part) => {
      const next = text.indexOf(part, at);
      if (next < 0 || next - at > MAX_ELIDED) return false;
      at = next + part.length;
      return true;
    });
    if (follows) return true;
  }
  return false;
}

/** Why an excerpt does not stand: the first part that is nowhere in the article, or the elision that breaks the order. */
function whyNot(label: string, text: string, parts: readonly string[], where: string): string {
  const missing = parts.find((part) => !text.includes(part));
  if (missing !== undefined) {
    const which =
      parts.length > 1 ? `${label} (part ${parts.indexOf(missing) + 1} of ${parts.length}, split at "[…]")` : label;
    return describeDivergence(which, missing, text, where);
  }
  return `${label}: each part split at "[…]" stands in ${where}, but not in this order with at most ${MAX_ELIDED} characters left out between them`;
}

/**
 * The article behind a source: `textFile` read relative to the YAML file
 * that names it (or as given when absolute), then in `seedsDir`. Returns the
 * file found, or every path tried.
 */
function articleFile(source: Source, seedsDir?: string): { file?: string; tried: string[] } {
  if (!source.textFile) return { tried: [] };
  const named = originOf(source)?.file;
  const tried = path.isAbsolute(source.textFile)
    ? [source.textFile]
    : [
        ...(named ? [path.resolve(path.dirname(named), source.textFile)] : []),
        ...(seedsDir ? [path.resolve(seedsDir, source.textFile)] : []),
      ];
  return { file: tried.find((f) => existsSync(f)), tried };
}

/**
 * Checks that every excerpt (an event's evidence, claims', facts' and
 * quotes' excerpts) stands word for word in its article, once whitespace is
 * collapsed and an article's "\$" read as "$", and that each quote's words
 * stand in its excerpt. A source with no `textFile`, or whose file is not
 * found, is one problem naming the paths tried, not one per excerpt.
 */
export async function verifyExcerpts(pack: Pack, seedsDir?: string): Promise<ExcerptMismatch[]> {
  const out: ExcerptMismatch[] = [];
  const at = (item: object, field: (string | number)[]) => {
    const origin = originOf(item);
    return origin ? { file: origin.file, line: origin.line(field) } : {};
  };
  const texts = new Map<string, { text: string; breaks: string; file: string } | undefined>();
  for (const source of pack.sources.values()) {
    const { file, tried } = articleFile(source, seedsDir);
    if (file) {
      // The flat text is the same text with its line breaks as spaces, at the same positions.
      const breaks = articleTextWithBreaks(await readFile(file, 'utf8'));
      texts.set(source.id, { file, breaks, text: breaks.replace(/\n/g, ' ') });
      continue;
    }
    const problem = !source.textFile
      ? 'has no textFile, so its excerpts cannot be checked: give the file of the article text'
      : `textFile "${source.textFile}" not found; tried ${tried.join(', ')}` +
        (seedsDir
          ? ''
          : ' (a relative textFile is read beside the file that names it, or in the folder given with --seeds)');
    out.push({
      type: 'source',
      id: source.id,
      source: source.id,
      ...at(source, ['textFile']),
      fault: 'article',
      problem,
    });
  }
  const check = (
    type: ExcerptMismatch['type'],
    item: object & { id: string },
    sourceId: string,
    excerpt: string,
    field: (string | number)[],
    label = 'excerpt',
  ) => {
    const article = texts.get(sourceId);
    if (!article) return;
    const where = path.basename(article.file);
    const report = (fault: ExcerptMismatch['fault'], problem: string) =>
      out.push({ type, id: item.id, source: sourceId, ...at(item, field), fault, problem });
    const parts = partsOf(excerpt);
    if (!standsIn(article.text, parts)) return report('excerpt', whyNot(label, article.text, parts, where));
    const first = parts[0] ?? '';
    // Behind a "[Name]", the words it stands for are where the sentence has to start, with the quotation mark kept before it.
    const substituted = SUBSTITUTION.exec(excerpt);
    const mark = substituted?.[1]?.startsWith('…') ? '' : (substituted?.[1] ?? '');
    const starts = substituted
      ? replacedWordsBefore(article.text, first)
          .filter((words) => words.startsWith(mark))
          .map((words) => `${words}${first}`)
      : [first];
    if (!excerpt.trimStart().startsWith('…') && !starts.some((s) => startsASentence(article.breaks, article.text, s))) {
      const from = article.text.indexOf(first);
      const lead = article.text.slice(Math.max(0, from - 30), from);
      report(
        'unmarked-start',
        `${label} starts inside a sentence of ${where}, after "…${lead}": begin it with "…" so a reader knows words come before it`,
      );
    }
    const last = parts.at(-1) ?? '';
    if (excerpt.trimEnd().endsWith('…') || endsASentence(article.breaks, article.text, last)) return;
    const to = article.text.indexOf(last) + last.length;
    const tail = article.text.slice(to, to + 30);
    report(
      'unmarked-end',
      `${label} stops inside a sentence of ${where}, before "${tail}…": end it with "…" so a reader knows words follow`,
    );
  };
  for (const e of pack.events.values()) {
    for (const [i, ev] of e.evidence.entries())
      check('event', e, ev.source, ev.excerpt, ['evidence', i, 'excerpt'], `evidence ${i + 1}`);
  }
  for (const c of pack.claims.values()) check('claim', c, c.source, c.excerpt, ['excerpt']);
  for (const f of pack.facts.values()) check('fact', f, f.source, f.excerpt, ['excerpt']);
  for (const [type, item] of [
    ...[...pack.claims.values()].map((c) => ['claim', c] as const),
    ...[...pack.quotes.values()].map((q) => ['quote', q] as const),
    ...[...pack.facts.values()].map((f) => ['fact', f] as const),
  ])
    if (item.dateExcerpt) check(type, item, item.source, item.dateExcerpt, ['dateExcerpt'], 'dateExcerpt');
  for (const q of pack.quotes.values()) {
    check('quote', q, q.source, q.excerpt, ['excerpt']);
    const excerpt = normalizeArticleText(q.excerpt);
    const words = normalizeArticleText(q.text);
    if (!excerpt.includes(words)) {
      const problem = describeDivergence('the quote text', words, excerpt, 'its own excerpt (punctuation included)', [
        'text',
        'excerpt',
      ]);
      out.push({ type: 'quote', id: q.id, source: q.source, ...at(q, ['text']), fault: 'quote-text', problem });
    }
  }
  return out;
}
