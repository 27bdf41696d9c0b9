import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load as parseYaml, YAMLException } from 'js-yaml';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkReferences } from './check.js';
import { ContentError, type ContentProblem } from './errors.js';
import { type Origin, originOf, recordOrigin } from './origins.js';
import { Pack, type PackData } from './pack.js';
import { COLLECTIONS, ContentFile, type PackMeta } from './schema.js';

type Segment = string | number;

/**
 * A YAML file that can say on which line a field sits. Built only when a
 * problem needs a line number: the position-keeping parser is ten times
 * slower than the plain one, and valid packs never need it.
 */
class SourceFile {
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
  }

  lineOf(at: readonly Segment[]): number {
    for (let n = at.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(at.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        // A missing key points at its parent map; name the parent's first line.
        return this.lines.linePos(range[0]).line;
      }
    }
    return 1;
  }

  /** The line of a key inside a map, for "unknown key" problems. */
  lineOfKey(at: readonly Segment[], key: string): number {
    const parent = at.length === 0 ? this.doc.contents : this.doc.getIn(at, true);
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
          return this.lines.linePos(pair.key.range[0]).line;
        }
      }
    }
    return this.lineOf(at);
  }
}

/**
 * Where an item of a list was declared. Its path and line are worked out
 * only when a problem names them: a large pack has tens of thousands of
 * items and almost never a problem, so a closure and a path string made
 * for each would be spent on nothing.
 */
class ListedOrigin implements Origin {
  constructor(
    readonly file: string,
    private readonly key: string,
    private readonly index: number,
    private readonly source: () => SourceFile,
  ) {}

  get path(): string {
    return `${this.key}[${this.index}]`;
  }

  line(sub: Segment[] = []): number {
    return this.source().lineOf([this.key, this.index, ...sub]);
  }
}

export function formatPath(at: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of at) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `is required (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function schemaProblems(source: SourceFile, error: z.ZodError): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of error.issues) {
    const at = issue.path as Segment[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file: source.file,
          line: source.lineOfKey(at, key),
          path: formatPath([...at, key]),
          message: `unknown field "${key}"`,
        });
      }
      continue;
    }
    problems.push({
      file: source.file,
      line: source.lineOf(at),
      path: formatPath(at),
      message: describeIssue(issue),
    });
  }
  return problems;
}

/** A pack's files nest a handful of levels; past this, the parsers would recurse until the stack runs out. */
export const MAX_NESTING = 64;

/** The characters nestedTooDeep counts, as the UTF-16 units it reads. */
const [NEWLINE, SPACE, DASH, OPEN_SQUARE, OPEN_CURLY, CLOSE_SQUARE, CLOSE_CURLY] = [...'\n -[{]}'].map((c) =>
  c.charCodeAt(0),
);

/**
 * The first line where brackets or indentation go deeper than any pack
 * needs, or undefined. Counted over the raw text, quotes included: an
 * excerpt's "[sic]" adds one level at most.
 */
function nestedTooDeep(text: string): number | undefined {
  let line = 1;
  let brackets = 0;
  let atLineStart = true;
  let indent = 0;
  // By UTF-16 unit, not by code point: every character looked for is ASCII, and
  // on the 20,000-event bench pack the code-point walk took 160 ms, this 40 ms.
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === NEWLINE) {
      line++;
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart && (char === SPACE || char === DASH)) {
      // Block nesting: each level is at least one more column of spaces or "- ".
      if (++indent > MAX_NESTING * 4) return line;
      continue;
    }
    atLineStart = false;
    if (char === OPEN_SQUARE || char === OPEN_CURLY) {
      if (++brackets > MAX_NESTING) return line;
    } else if (char === CLOSE_SQUARE || char === CLOSE_CURLY) brackets = Math.max(0, brackets - 1);
  }
  return undefined;
}

function emptyData(): Omit<PackData, 'meta'> {
  return { sources: [], actors: [], places: [], things: [], events: [], claims: [], quotes: [], facts: [] };
}

/**
 * The keys items are read under and the collection each joins: `weapons:`,
 * the older name of `things:`, joins the things, still located under the
 * key it was written in.
 */
const LISTS = [...COLLECTIONS.map((name) => [name, name] as const), ['weapons', 'things'] as const];

/**
 * Reads every YAML file under `dir` into one validated Pack. Any problem in
 * any file throws a ContentError listing all of them: never half a pack.
 */
export async function loadPack(dir: string): Promise<Pack> {
  const files = await yamlFiles(dir).catch((err: NodeJS.ErrnoException) => {
    throw new ContentError([
      { file: dir, line: 0, path: '', message: `cannot read the content folder (${err.code ?? err.message})` },
    ]);
  });
  const problems: ContentProblem[] = [];
  const data = emptyData();
  const metas: { meta: PackMeta; origin: Origin }[] = [];

  if (files.length === 0) {
    problems.push({ file: dir, line: 0, path: '', message: 'no .yaml files found; a pack needs at least pack.yaml' });
  }

  for (const absolute of files) {
    // Short paths for a pack inside the working folder; a pack elsewhere keeps its absolute path.
    const relative = path.relative(process.cwd(), absolute);
    const file = relative && !relative.startsWith('..') ? relative : absolute;
    const text = await readFile(absolute, 'utf8');
    let positions: SourceFile | undefined;
    const source = () => {
      positions ??= new SourceFile(file, text);
      return positions;
    };
    const tooDeep = nestedTooDeep(text);
    if (tooDeep) {
      problems.push({ file, line: tooDeep, path: '', message: `nested more than ${MAX_NESTING} levels deep` });
      continue;
    }
    let raw: unknown;
    try {
      // CORE_SCHEMA keeps 2020-09-27 a string instead of a Date.
      raw = parseYaml(text, { schema: CORE_SCHEMA, filename: file });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      problems.push({ file, line: error.mark.line + 1, path: '', message: `not valid YAML: ${error.reason}` });
      continue;
    }
    const parsed = ContentFile.safeParse(raw ?? {});
    if (!parsed.success) {
      problems.push(...schemaProblems(source(), parsed.error));
      continue;
    }
    const content = parsed.data;
    if (content.pack) {
      const origin: Origin = { file, path: 'pack', line: (sub = []) => source().lineOf(['pack', ...sub]) };
      metas.push({ meta: content.pack, origin });
      recordOrigin(content.pack, origin);
    }
    for (const [key, name] of LISTS) {
      const items: object[] = content[key] ?? [];
      items.forEach((item, index) => {
        recordOrigin(item, new ListedOrigin(file, key, index, source));
        (data[name] as object[]).push(item);
      });
    }
  }

  if (problems.length === 0 && metas.length !== 1) {
    problems.push({
      file: metas[1]?.origin.file ?? dir,
      line: metas[1]?.origin.line() ?? 0,
      path: 'pack',
      message:
        metas.length === 0
          ? 'no pack metadata; add a `pack:` section (id, title, description, episodes) to pack.yaml'
          : `pack metadata is declared twice (first in ${metas[0]?.origin.file})`,
    });
  }
  if (problems.length > 0) throw new ContentError(problems);

  const meta = (metas[0] as { meta: PackMeta }).meta;
  const packData: PackData = { meta, ...data };
  const referenceProblems = checkReferences(packData, originOf);
  if (referenceProblems.length > 0) throw new ContentError(referenceProblems);
  return new Pack(packData);
}
