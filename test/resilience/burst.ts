import type { ChannelRef } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import type { Store } from '../../src/core/store.js';
import { closeDueQuizRounds, loadGame } from '../../src/engine/quiz/game.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import { type Answer, type GameState, keys } from '../../src/engine/quiz/state.js';
import type { TestClock } from '../support/clock.js';
import { type Harness, harness, RecordingPoster } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

/*
 * The quiz-night burst, shared by test/resilience/thousand-games.test.ts
 * (which proves nothing is lost) and bench/quiz-burst.ts (which times it
 * per backend), so the two always play the same games.
 */

const ROUNDS = 3;
const SECONDS = 20;
const ANI = { userId: 'u-ani', userName: 'Ani' };
const BOB = { userId: 'u-bob', userName: 'Bob' };

/**
 * Puts a name on the store work of one part of the burst (bench/quiz-burst-count.ts
 * counts operations by it); by default it only runs the work.
 */
export type Phase = <T>(name: string, work: () => Promise<T>) => Promise<T>;
const unnamed: Phase = (_name, work) => work();

/** Notes when each channel's latest reveal was posted. */
class RevealClock extends RecordingPoster {
  readonly revealedAt = new Map<string, number>();
  override async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    if (reply.title?.startsWith('Answer to question')) this.revealedAt.set(channel.channelId, performance.now());
    return super.post(channel, reply);
  }
}

export interface BurstFigures {
  games: number;
  answers: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * From the click that closes a round (the last round's second) to its
   * reveal being posted: the click's reply does not wait for the close, as on
   * the platforms (Services.background), so this is where the close's cost shows.
   */
  revealP50Ms: number;
  revealP99Ms: number;
  wallMs: number;
  /**
   * CPU time (every thread) of each round's clicks, the closes they make
   * included: what the p99 follows, since the round's clicks land at once,
   * and steadier than it on a shared machine, where waiting for a core
   * stretches wall time but not CPU time.
   */
  roundCpuMs: number[];
  /** Each round's answer p99: which round the whole p99 comes from. */
  roundP99Ms: number[];
  /** Peak resident set during the burst, and its growth over the burst. */
  rssPeakMb: number;
  rssDeltaMb: number;
  heapDeltaMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (x: number) => Math.round(x * 100) / 100;

/** A broken promise of the burst: which channel, what was expected, what was found. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`quiz burst: ${what}`);
}

/** Closes every round whose deadline has passed, as the quiz clock would over the next seconds. */
async function closeAllDue(h: Harness): Promise<number> {
  let closed = 0;
  for (;;) {
    const n = await closeDueQuizRounds(h, 200);
    if (n === 0) return closed;
    closed += n;
  }
}

/**
 * Plays `games` games at once in as many channels of one process. Ani
 * answers every round right, Bob answers rounds 0 and 2 wrong and sits out
 * round 1, so rounds 0 and 1 are closed by the deadline closer and round 2
 * by the last answer: each round's clicks land at the same moment (2,000 for
 * a thousand games). Then checks that every game reached its final standings
 * once with every answer counted, and throws naming the first that did not.
 */
export async function playBurst(
  store: Store,
  clock: TestClock,
  games: number,
  phase: Phase = unnamed,
): Promise<BurstFigures> {
  const poster = new RevealClock();
  let round = 0;
  const h = await harness({
    pack: richPack(),
    store,
    clock,
    poster,
    background: (close) => phase(`round ${round + 1}: the close after the last answer's reply`, close),
  });
  const channels = Array.from({ length: games }, (_, i) => `c${i}`);
  const latencies: number[] = [];
  const closingClicks = new Map<string, number>();
  const byRound: number[][] = [];
  const before = process.memoryUsage();
  const wall = performance.now();

  await phase('start', () =>
    Promise.all(
      channels.map((channelId) => h.run(`/quiz start rounds:${ROUNDS} seconds:${SECONDS}`, { ...ANI, channelId })),
    ),
  );
  const ids = new Map<string, string>();
  for (const channelId of channels) {
    const game = await loadGame(h, { platform: 'discord', channelId });
    check(game !== undefined, `no game started in ${channelId}`);
    ids.set(channelId, (game as GameState).id);
  }

  const answer = async (channelId: string, who: typeof ANI, right: boolean) => {
    const game = (await phase(`round ${round + 1}: the burst reading the question`, () =>
      loadGame(h, { platform: 'discord', channelId }),
    )) as GameState;
    const question = game.questions[game.round];
    if (!question) throw new Error(`no open question in ${channelId}`);
    const option = right ? question.answer : (question.answer + 1) % question.options.length;
    const started = performance.now();
    // Bob's answer is the last of a round once both have joined, and he sits out the second: it closes the third.
    const closes = who === BOB && round === ROUNDS - 1;
    const reply = await phase(
      `round ${round + 1}: ${who.userName}'s click${closes ? ", the round's last answer" : ''}`,
      () => h.click(quizAnswer.encode({ gameId: game.id, round: game.round, option }), { ...who, channelId }),
    );
    const took = performance.now() - started;
    latencies.push(took);
    byRound[round]?.push(took);
    if (closes) closingClicks.set(channelId, started);
    check(/^Locked in/.test(reply.text), `${who.userName}'s click in ${channelId} got "${reply.text}"`);
  };

  let peak = process.memoryUsage();
  const roundCpuMs: number[] = [];
  for (; round < ROUNDS; round++) {
    byRound.push([]);
    h.clock.advance(1_000);
    const cpu = process.cpuUsage();
    await Promise.all(
      channels.map(async (channelId) => {
        await answer(channelId, ANI, true);
        if (round !== 1) await answer(channelId, BOB, false);
      }),
    );
    // The closes the last answers set off, as a platform process runs them after the replies.
    await h.settle();
    const used = process.cpuUsage(cpu);
    roundCpuMs.push(Math.round((used.user + used.system) / 1000));
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
    if (round < ROUNDS - 1) {
      h.clock.advance(SECONDS * 1_000);
      const closed = await phase(`round ${round + 1}: the deadline closer`, () => closeAllDue(h));
      check(closed === games, `round ${round}: the clock closed ${closed} rounds, not ${games}`);
    }
  }
  const wallMs = performance.now() - wall;

  const finals = h.poster.posts.filter((p) => p.reply.title?.startsWith('Quiz over'));
  check(finals.length === games, `${finals.length} final standings posted for ${games} games`);
  check(new Set(finals.map((p) => p.channel.channelId)).size === games, 'a channel got its final standings twice');
  for (const channelId of channels) {
    check((await loadGame(h, { platform: 'discord', channelId })) === undefined, `${channelId} still has a game`);
    const last = await h.store.get<GameState>(keys.last({ platform: 'discord', channelId }));
    check(last?.players[ANI.userId]?.correct === ROUNDS, `${channelId}: Ani is not credited ${ROUNDS} right`);
    check(last?.players[BOB.userId]?.correct === 0, `${channelId}: Bob is credited a right answer`);
    const id = ids.get(channelId) as string;
    const counts = await Promise.all([0, 1, 2].map((r) => h.store.list<Answer>(keys.answers(id, r))));
    const got = counts.map((c) => c.length).join(',');
    check(got === '2,1,2', `${channelId}: answers per round ${got}, not 2,1,2`);
  }

  const reveals = [...closingClicks].map(([channelId, started]) => (poster.revealedAt.get(channelId) ?? NaN) - started);
  check(
    reveals.length === games && reveals.every((r) => r >= 0),
    'a round closed by its last answer was not revealed after it',
  );
  reveals.sort((a, b) => a - b);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    games,
    answers: latencies.length,
    p50Ms: ms(percentile(sorted, 50)),
    p99Ms: ms(percentile(sorted, 99)),
    revealP50Ms: ms(percentile(reveals, 50)),
    revealP99Ms: ms(percentile(reveals, 99)),
    wallMs: Math.round(wallMs),
    roundCpuMs,
    roundP99Ms: byRound.map((l) =>
      ms(
        percentile(
          [...l].sort((a, b) => a - b),
          99,
        ),
      ),
    ),
    rssPeakMb: mb(peak.rss),
    rssDeltaMb: mb(peak.rss - before.rss),
    heapDeltaMb: mb(peak.heapUsed - before.heapUsed),
  };
}

/** Answers a burst of `games` games makes: Ani three, Bob two. */
export const answersPerBurst = (games: number) => games * 5;
