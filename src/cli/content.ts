import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../config.js';
import { exportRecords } from '../content/export.js';
import { loadPack } from '../content/load.js';
import { verifyExcerpts } from '../content/verify.js';

const USAGE = 'usage: chronicle content check [dir] [--seeds DIR] | chronicle content export --json [dir]';

/** Where the curated articles sit in a checkout: beside the project, in shared/seeds. */
const DEFAULT_SEEDS = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');

/** `chronicle content check|export`: validate a pack, or dump it as JSON lines. */
export async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { json: { type: 'boolean', default: false }, seeds: { type: 'string' } },
    allowPositionals: true,
  });
  const dir = positionals[0] ?? loadConfig().CONTENT_DIR;
  if (action === 'check') {
    const pack = await loadPack(dir);
    const counts = Object.entries(pack.counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ');
    console.log(`ok: ${pack.meta.id} (${counts})`);
    const seeds = values.seeds ?? (existsSync(DEFAULT_SEEDS) ? DEFAULT_SEEDS : undefined);
    if (!seeds) {
      console.log(`excerpts: not verified (no articles at ${DEFAULT_SEEDS}; pass --seeds DIR)`);
      return 0;
    }
    const mismatches = await verifyExcerpts(pack, seeds);
    for (const m of mismatches) console.error(`${m.type} ${m.id} (${m.source}): ${m.problem}`);
    if (mismatches.length > 0) {
      console.error(`excerpts: ${mismatches.length} do not match the articles in ${seeds}`);
      return 1;
    }
    console.log(`excerpts: all verified against ${seeds}`);
    return 0;
  }
  if (action === 'export') {
    if (!values.json) {
      console.error('chronicle content export: only --json output exists; run `chronicle content export --json`');
      return 1;
    }
    const pack = await loadPack(dir);
    for (const record of exportRecords(pack)) process.stdout.write(`${JSON.stringify(record)}\n`);
    return 0;
  }
  console.error(USAGE);
  return 1;
}
