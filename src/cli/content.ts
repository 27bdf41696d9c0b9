import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { exportRecords } from '../content/export.js';
import { loadPack } from '../content/load.js';

const USAGE = 'usage: chronicle content check [dir] | chronicle content export --json [dir]';

/** `chronicle content check|export`: validate a pack, or dump it as JSON lines. */
export async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dir = positionals[0] ?? loadConfig().CONTENT_DIR;
  if (action === 'check') {
    const pack = await loadPack(dir);
    const counts = Object.entries(pack.counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ');
    console.log(`ok: ${pack.meta.id} (${counts})`);
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
