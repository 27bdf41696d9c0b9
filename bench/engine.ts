/**
 * Issue targets for the engine: questions generated per second, and
 * /timeline latency, on the real pack and on a synthetic 20,000-event pack.
 * Floors, measured in the same run: for questions, naive date questions
 * (pick an event, format four dates, shuffle: no distractor rules, no
 * checks); for /timeline, the bare date-range scan (`pack.eventsBetween`)
 * the command starts from. The ratios show what the rules and the rendering
 * cost on top.
 */
import { commands } from '../commands/index.js';
import { formatDate } from '../src/content/dates.js';
import { loadPack } from '../src/content/load.js';
import { Pack } from '../src/content/pack.js';
import type { CommandContext } from '../src/core/command.js';
import { parseCommandLine } from '../src/core/command-line.js';
import { dispatch, resolveLine } from '../src/core/dispatch.js';
import { parsePeriod } from '../src/core/parse/period.js';
import { generateQuestions } from '../src/engine/questions/generate.js';
import { seededRandom } from '../src/engine/questions/random.js';
import { MemoryStore } from '../src/store/memory.js';
import { buildSyntheticPackData } from './synthetic-pack.js';

const QUESTIONS_PER_CALL = 20;
const TIMELINE_RUNS = 200;

function ctxFor(pack: Pack): CommandContext {
  return {
    pack,
    store: new MemoryStore(),
    now: () => new Date(),
    poster: { post: async () => ({ messageId: 'x' }), edit: async () => {} },
    caller: { platform: 'console', userId: 'b', userName: 'Bench', channelId: 'b', serverId: 'b', canManage: true },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

/** Runs `fn` with seeds 0, 1, … for about `ms` milliseconds; returns items made per second. */
function rate(ms: number, fn: (seed: number) => number): number {
  let made = 0;
  let seed = 0;
  const start = performance.now();
  while (performance.now() - start < ms) made += fn(seed++);
  return (made * 1000) / (performance.now() - start);
}

function naiveDateQuestions(pack: Pack, seed: number): number {
  const random = seededRandom(seed);
  const events = pack.chronological;
  let made = 0;
  for (let i = 0; i < QUESTIONS_PER_CALL; i++) {
    const e = random.pick(events);
    const year = Number(e.date.slice(0, 4));
    const options = random.shuffle([
      e.date,
      `${year - 1}${e.date.slice(4)}`,
      `${year + 1}${e.date.slice(4)}`,
      `${year + 2}${e.date.slice(4)}`,
    ]);
    if (options.map(formatDate).length === 4) made++;
  }
  return made;
}

async function timelineLatency(
  pack: Pack,
  line: string,
): Promise<{ cold: number; median: number; p95: number; floor: number }> {
  const ctx = ctxFor(pack);
  const call = resolveLine(commands, parseCommandLine(line));
  const period = parsePeriod(call.args.when ?? '');
  // The first call builds the page and its picture; later ones are served from the per-pack cache.
  const start = performance.now();
  await dispatch(commands, call, ctx);
  const cold = performance.now() - start;
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < TIMELINE_RUNS; i++) {
    let t = performance.now();
    pack.eventsBetween(period.from, period.to);
    floors.push(performance.now() - t);
    t = performance.now();
    await dispatch(commands, call, ctx);
    times.push(performance.now() - t);
  }
  return { cold, median: percentile(times, 50), p95: percentile(times, 95), floor: percentile(floors, 50) };
}

async function report(label: string, pack: Pack, lines: string[]): Promise<void> {
  // First call builds the per-pack indexes; a game pays it once per process.
  const t = performance.now();
  const firstCount = generateQuestions(pack, { count: QUESTIONS_PER_CALL, seed: 1 }).length;
  const first = performance.now() - t;
  const perSecond = rate(3000, (seed) => generateQuestions(pack, { count: QUESTIONS_PER_CALL, seed }).length);
  const floor = rate(1000, (seed) => naiveDateQuestions(pack, seed));
  console.log(`${label}: ${JSON.stringify(pack.counts)}`);
  console.log(`  first ${firstCount} questions (index build included): ${first.toFixed(0)} ms`);
  console.log(
    `  questions/s (batches of ${QUESTIONS_PER_CALL}): ${perSecond.toFixed(0)}; floor (naive date questions) ${floor.toFixed(0)}/s; floor ÷ ours ${(floor / perSecond).toFixed(1)}x`,
  );
  for (const line of lines) {
    const { cold, median, p95, floor: scan } = await timelineLatency(pack, line);
    console.log(
      `  ${line}: first call ${cold.toFixed(1)} ms (page + picture); cached median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; floor (eventsBetween) ${scan.toFixed(2)} ms`,
    );
  }
}

const real = await loadPack(process.env.CONTENT_DIR ?? 'content/caucasus');
await report('real pack', real, ['/timeline 2020', '/timeline 2020-10 topic:Ganja', '/timeline 1990..2030']);
const synthetic = new Pack(buildSyntheticPackData(Number(process.env.BENCH_EVENTS ?? 20_000)));
await report('synthetic pack', synthetic, [
  '/timeline 2001',
  '/timeline 2001-05 topic:"Place 3"',
  '/timeline 1988..2030',
]);
