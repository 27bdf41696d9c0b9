import { commands } from '../../commands/index.js';
import type { Pack } from '../../src/content/pack.js';
import type { Caller, CommandContext, Services } from '../../src/core/command.js';
import { parseCommandLine } from '../../src/core/command-line.js';
import { dispatch, dispatchChoice, dispatchInput, resolveLine } from '../../src/core/dispatch.js';
import type { ChannelRef, Poster } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import type { Store } from '../../src/core/store.js';
import { MemoryStore } from '../../src/store/memory.js';
import { TestClock } from './clock.js';
import { fixturePack } from './fixture-pack.js';

/** A Poster that keeps what it was asked to post and edit, in order. */
export class RecordingPoster implements Poster {
  readonly posts: { channel: ChannelRef; reply: Reply; messageId: string }[] = [];
  readonly edits: { channel: ChannelRef; messageId: string; reply: Reply }[] = [];
  private next = 1;
  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    const messageId = `m${this.next++}`;
    this.posts.push({ channel, reply, messageId });
    return { messageId };
  }
  async edit(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    this.edits.push({ channel, messageId, reply });
  }
}

export function caller(overrides: Partial<Caller> = {}): Caller {
  return {
    platform: 'discord',
    userId: 'u1',
    userName: 'Ani',
    channelId: 'c1',
    serverId: 'g1',
    canManage: false,
    ...overrides,
  };
}

export interface Harness extends Services {
  poster: RecordingPoster;
  clock: TestClock;
  ctx(overrides?: Partial<Caller>): CommandContext;
  /** Runs a typed line as `overrides`'s caller. */
  run(line: string, overrides?: Partial<Caller>): Promise<Reply>;
  click(action: string, overrides?: Partial<Caller>): Promise<Reply>;
  /** Sends `text` typed into the answer box a Reply's `input` asked for. */
  type(action: string, text: string, overrides?: Partial<Caller>): Promise<Reply>;
  /** Waits for the work replies set off in the background (with `background: true`), and throws its first failure. */
  settle(): Promise<void>;
}

export async function harness(
  options: {
    pack?: Pack;
    store?: Store;
    clock?: TestClock;
    /** Shared by several harnesses when they stand for instances posting to one platform. */
    poster?: RecordingPoster;
    quizCountEveryMs?: number;
    /**
     * Run what a reply need not wait for in the background, as the platform
     * adapters do (Services.background), rather than before the reply.
     * `'drop'` never runs it: a process that died right after replying. A
     * function runs it in the background through itself (the quiz burst
     * names it for its count of store operations).
     */
    background?: boolean | 'drop' | ((work: () => Promise<void>) => Promise<void>);
  } = {},
): Promise<Harness> {
  const pack = options.pack ?? (await fixturePack());
  const clock = options.clock ?? new TestClock();
  const store = options.store ?? new MemoryStore(() => clock.ms);
  const poster = options.poster ?? new RecordingPoster();
  const services: Services = { pack, store, poster, now: clock.now, quizCountEveryMs: options.quizCountEveryMs };
  const pending = new Set<Promise<void>>();
  const failures: unknown[] = [];
  if (options.background === 'drop') services.background = () => undefined;
  else if (options.background) {
    const through =
      typeof options.background === 'function' ? options.background : (work: () => Promise<void>) => work();
    services.background = (work) => {
      const running: Promise<void> = through(work).catch((error: unknown) => {
        failures.push(error);
      });
      pending.add(running);
      running.finally(() => pending.delete(running));
    };
  }
  const ctx = (overrides: Partial<Caller> = {}) => ({ ...services, caller: caller(overrides) });
  return {
    ...services,
    poster,
    clock,
    ctx,
    run: async (line, overrides) => dispatch(commands, resolveLine(commands, parseCommandLine(line)), ctx(overrides)),
    click: async (action, overrides) => dispatchChoice(commands, action, ctx(overrides)),
    type: async (action, text, overrides) => dispatchInput(commands, action, text, ctx(overrides)),
    settle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
      if (failures.length > 0) throw failures.shift();
    },
  };
}
