/**
 * Issue target: a synthetic pack of 20,000 events loads and indexes in
 * under 2 s. The floor, measured in the same run, is reading and parsing the
 * same YAML files without validation or indexing: the ratio shows what
 * validation, cross-reference checks and indexing cost on top of I/O + YAML.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { loadPack } from '../src/content/load.js';
import { writeSyntheticPack } from './synthetic-pack.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RUNS = 5;

async function yamlFloor(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isFile()) load(await readFile(path.join(e.parentPath, e.name), 'utf8'), { schema: CORE_SCHEMA });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const dir = await mkdtemp(path.join(tmpdir(), 'chronicle-bench-'));
try {
  await writeSyntheticPack(dir, EVENTS);
  const load: number[] = [];
  const floor: number[] = [];
  let counts = {};
  for (let i = 0; i < RUNS; i++) {
    floor.push(await time(() => yamlFloor(dir)));
    load.push(
      await time(async () => {
        counts = (await loadPack(dir)).counts;
      }),
    );
  }
  const m = median(load);
  const f = median(floor);
  console.log(`content-load: ${EVENTS} events ${JSON.stringify(counts)}`);
  console.log(`  loadPack (parse + validate + index): median ${m.toFixed(0)} ms over ${RUNS} runs`);
  console.log(`  floor (read + parse YAML only):      median ${f.toFixed(0)} ms`);
  console.log(`  ratio ${(m / f).toFixed(2)}x; target < 2000 ms: ${m < 2000 ? 'met' : 'NOT met'}`);
  if (m >= 2000) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
