import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../config.js';
import { exportRecords } from '../content/export.js';
import { loadPack } from '../content/load.js';
import type { Pack } from '../content/pack.js';
import { writeStarterPack } from '../content/starter.js';
import { type ExcerptMismatch, verifyExcerpts } from '../content/verify.js';

const USAGE =
  'usage: chronicle content check [dir] [--seeds DIR] [--no-articles] | chronicle content new DIR | chronicle content export --json [dir]';

/** Where the curated articles sit in a checkout: beside the project, in shared/seeds. */
const DEFAULT_SEEDS = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');

function located(m: ExcerptMismatch): string {
  const where = m.file ? `${m.file}:${m.line ?? 0} ` : '';
  return `${where}${m.type} ${m.id}: ${m.problem}`;
}

/** "2 excerpts do not stand in their articles, 1 source has no article text": what failed, counted by what it is. */
function summary(mismatches: ExcerptMismatch[]): string {
  const count = (fault: ExcerptMismatch['fault']) => mismatches.filter((m) => m.fault === fault).length;
  const [excerpts, quoteTexts, sources, unmarked, unended] = [
    count('excerpt'),
    count('quote-text'),
    count('article'),
    count('unmarked-start'),
    count('unmarked-end'),
  ];
  const parts = [
    excerpts &&
      `${excerpts} excerpt${excerpts === 1 ? ' does' : 's do'} not stand in ${excerpts === 1 ? 'its article' : 'their articles'}`,
    quoteTexts &&
      `${quoteTexts} quote text${quoteTexts === 1 ? ' is' : 's are'} not inside ${quoteTexts === 1 ? 'its' : 'their'} excerpt`,
    sources && `${sources} source${sources === 1 ? ' has' : 's have'} no article text to check against`,
    unmarked && `${unmarked} excerpt${unmarked === 1 ? ' starts' : 's start'} inside a sentence without "…"`,
    unended && `${unended} excerpt${unended === 1 ? ' stops' : 's stop'} inside a sentence without "…"`,
  ];
  return parts.filter(Boolean).join('; ');
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
