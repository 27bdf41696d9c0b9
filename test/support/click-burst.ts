/**
 * A busy quiz round on a clock the test moves: `players` clicks spread evenly
 * over `spanMs` from the clock's present, while each instance's quiz clock
 * ticks every whole second as node-cron does, instance k `tickOffsetMs` × k
 * into the second (instances started apart, or one busy). The ticks go on
 * two seconds past the last click, so whatever is pending gets its chance.
 * With no offset, the instances tick at once.
 */
export async function clickBurst(options: {
  clock: { ms: number };
  players: number;
  spanMs: number;
  /** Player `i` clicks. */
  click: (i: number) => Promise<void>;
  /** Each instance's quiz clock tick. */
  ticks: (() => Promise<unknown>)[];
  tickOffsetMs?: number;
}): Promise<void> {
  const { clock, players, spanMs, ticks } = options;
  const start = clock.ms;
  const clicks = Array.from({ length: players }, (_, i) => ({
    at: start + Math.floor((i * spanMs) / players),
    run: [() => options.click(i)],
  }));
  const seconds: { at: number; run: (() => Promise<unknown>)[] }[] = [];
  for (let second = Math.ceil(start / 1000) * 1000; second <= start + spanMs + 2_000; second += 1000) {
    const offset = options.tickOffsetMs ?? 0;
    if (offset === 0) seconds.push({ at: second, run: ticks });
    else seconds.push(...ticks.map((tick, k) => ({ at: second + k * offset, run: [tick] })));
  }
  // A stable sort keeps each click before a tick at the same moment.
  for (const event of [...clicks, ...seconds].sort((a, b) => a.at - b.at)) {
    clock.ms = event.at;
    await Promise.all(event.run.map((run) => run()));
  }
}
