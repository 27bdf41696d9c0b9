/**
 * The store operations of the quiz-burst games (test/resilience/burst.ts),
 * counted per click, per close and per round, by operation and by caller, on
 * the memory store (the engine asks every backend the same; SQLite runs one
 * statement or a share of one transaction per operation). Counts do not move
 * with the machine's load as timings do, so they judge a change to the
 * answer's store traffic. Usage: `quiz-burst-count.ts [GAMES]` (200);
 * `BENCH_COUNT_CALLERS=1` lists the callers; the last line is JSON.
 */
import { MemoryStore } from '../src/store/memory.js';
import { playBurst } from '../test/resilience/burst.js';
import { TestClock } from '../test/support/clock.js';
import { CountingStore, type OpCount } from '../test/support/counting-store.js';

const games = Number(process.argv[2] ?? 200);
const callers = process.env.BENCH_COUNT_CALLERS === '1';

const clock = new TestClock();
const store = new CountingStore(new MemoryStore(() => clock.ms));
await playBurst(store, clock, games, (name, work) => store.within(name, work));

const rows = store.rows().filter((r) => r.phase !== '(no phase)' && r.phase !== 'start');
const phases = [...new Set(rows.map((r) => r.phase))].sort();
const sum = (rs: OpCount[]) => rs.reduce((n, r) => n + r.n, 0);
/** Each phase runs once per game: one click, one question read or one round closed per game. */
const per = (n: number) => n / games;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

console.log(`store operations per game (${games} games), by phase; reads = get, list, due`);
const READS = new Set(['get', 'list', 'due']);
const summary: Record<string, { ops: number; reads: number; writes: number }> = {};
for (const phase of phases) {
  const mine = rows.filter((r) => r.phase === phase);
  const byOp = new Map<string, number>();
  for (const r of mine) byOp.set(r.op, (byOp.get(r.op) ?? 0) + r.n);
  const reads = sum(mine.filter((r) => READS.has(r.op)));
  const total = sum(mine);
  summary[phase] = { ops: per(total), reads: per(reads), writes: per(total - reads) };
  const ops = [...byOp].map(([op, n]) => `${op} ${fmt(per(n))}`).join(', ');
  console.log(`  ${phase}: ${fmt(per(total))} (${ops})`);
  if (!callers) continue;
  const byCaller = new Map<string, number>();
  for (const r of mine) byCaller.set(`${r.op} ← ${r.caller}`, (byCaller.get(`${r.op} ← ${r.caller}`) ?? 0) + r.n);
  for (const [c, n] of [...byCaller].sort((a, b) => b[1] - a[1])) console.log(`      ${fmt(per(n)).padStart(5)} ${c}`);
}
for (const round of [1, 2, 3]) {
  const mine = rows.filter((r) => r.phase.startsWith(`round ${round}:`));
  const reads = sum(mine.filter((r) => READS.has(r.op)));
  console.log(
    `  round ${round} in all: ${fmt(per(sum(mine)))} per game (${fmt(per(sum(mine) - reads))} writes, ${fmt(per(reads))} reads), ${sum(mine)} for ${games} games`,
  );
}
console.log(JSON.stringify({ games, perGame: summary }));
