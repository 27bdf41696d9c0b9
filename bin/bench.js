#!/usr/bin/env node
// `npm run bench [name...]`: runs every benchmark bench/README.md lists (each
// section heading names its file, e.g. "## Content loading (`bench/content-load.ts`)"),
// one at a time so they never compete for the CPU. A name runs just that one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../bench/README.md', import.meta.url), 'utf8');
const listed = [...readme.matchAll(/^##+ .*\(`(bench\/[\w./-]+\.ts)`\)/gm)].map((m) => m[1]);
const wanted = process.argv.slice(2);
const files = wanted.length ? listed.filter((f) => wanted.some((w) => f.includes(w))) : listed;

if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(' ')}; bench/README.md lists: ${listed.join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  if (!existsSync(new URL(`../${file}`, import.meta.url))) {
    console.error(`${file} is listed in bench/README.md but does not exist`);
    failed += 1;
    continue;
  }
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
