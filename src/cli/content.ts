import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../config.js';
import { exportRecords } from '../content/export.js';
import { loadPack } from '../content/load.js';
import type { Pack } from '../content/pack.js';
import { writeStarterPack } from '../content/starter.js';
import { type ExcerptMismatch, verifyExcerpts } from '../content/verify.js';
import { plural } from '../engine/text.js';

const USAGE =
  'usage: chronicle content check [dir] [--seeds DIR] [--no-articles] | chronicle content new DIR | chronicle content export --json [dir]';

/** Where the curated articles sit in a checkout: beside the project, in shared/seeds. */
const DEFAULT_SEEDS = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');

function located(m: ExcerptMismatch): string {
  const where = m.file ? `${m.file}:${m.line ?? 0} ` : '';
  return `${where}${m.type} ${m.id}: ${m.problem}`;
}

/** Each fault, said of one and of many. */
const FAULTS: [ExcerptMismatch['fault'], string, string][] = [
  ['excerpt', 'excerpt does not stand in its article', 'excerpts do not stand in their articles'],
  ['quote-text', 'quote text is not inside its excerpt', 'quote texts are not inside their excerpt'],
  ['article', 'source has no article text to check against', 'sources have no article text to check against'],
  ['unmarked-start', 'excerpt starts inside a sentence without "…"', 'excerpts start inside a sentence without "…"'],
  ['unmarked-end', 'excerpt stops inside a sentence without "…"', 'excerpts stop inside a sentence without "…"'],
];

/** "2 excerpts do not stand in their articles, 1 source has no article text": what failed, counted by what it is. */
function summary(mismatches: ExcerptMismatch[]): string {
  return FAULTS.map(([fault, one, many]) => [mismatches.filter((m) => m.fault === fault).length, one, many] as const)
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => plural(n, one, many))
    .join('; ');
}

function countsOf(pack: Pack): string {
  return Object.entries(pack.counts)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
}

async function check(dir: string, seedsOption: string | undefined, articles: boolean): Promise<number> {
  const pack = await loadPack(dir);
  if (!articles) {
    // Where the articles are not at hand (a checkout without ../shared), the pack's structure is still checked.
    console.log(`ok: ${pack.meta.id} (${countsOf(pack)}); excerpts not checked against the articles (--no-articles)`);
    return 0;
  }
  const seeds = seedsOption ?? (existsSync(DEFAULT_SEEDS) ? DEFAULT_SEEDS : undefined);
  if (seedsOption && !existsSync(seedsOption)) {
    console.error(`--seeds ${seedsOption}: no such folder`);
    return 1;
  }
  const mismatches = await verifyExcerpts(pack, seeds);
  for (const m of mismatches) console.error(located(m));
  if (mismatches.length > 0) {
    console.error(`not ok: ${pack.meta.id}: ${summary(mismatches)}`);
    return 1;
  }
  console.log(`ok: ${pack.meta.id} (${countsOf(pack)}); every excerpt stands word for word in its article`);
  return 0;
}

/** `chronicle content check|new|export`: validate a pack, start one, or dump one as JSON lines. */
export async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      json: { type: 'boolean', default: false },
      seeds: { type: 'string' },
      'no-articles': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (action === 'check')
    return check(positionals[0] ?? loadConfig().CONTENT_DIR, values.seeds, !values['no-articles']);
  if (action === 'new') {
    const dir = positionals[0];
    if (!dir) {
      console.error('usage: chronicle content new DIR   (DIR must not exist yet, or be empty)');
      return 1;
    }
    const result = await writeStarterPack(dir);
    if ('refused' in result) {
      console.error(`chronicle content new: ${result.refused}`);
      return 1;
    }
    for (const file of result.written) console.log(`wrote ${file}`);
    console.log(`Next: edit the files, then run \`npx chronicle content check ${dir}\` until it says ok.`);
    return 0;
  }
  if (action === 'export') {
    if (!values.json) {
      console.error('chronicle content export: only --json output exists; run `chronicle content export --json`');
      return 1;
    }
    const pack = await loadPack(positionals[0] ?? loadConfig().CONTENT_DIR);
    for (const record of exportRecords(pack)) process.stdout.write(`${JSON.stringify(record)}\n`);
    return 0;
  }
  console.error(USAGE);
  return 1;
}
