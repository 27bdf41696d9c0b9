import { randomUUID } from 'node:crypto';
import { addDays } from '../content/calendar.js';
import type { Services } from '../core/command.js';
import { eachAtMost } from '../core/each-at-most.js';
import { localDateOf } from '../core/local-time.js';
import { PostError, platformsServed } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import { buildBriefing } from '../engine/briefing/build.js';
import { withReviewReminders } from '../engine/study/remind.js';
import { type Logger, silentLogger } from '../log.js';
import { StoreUnavailableError } from '../store/errors.js';
import { DEFAULT_LIMITS, type PaceLimits, Pacer } from './pace.js';
import {
  briefingQueue,
  briefingQueueOf,
  channelOf,
  cursorKey,
  type LastResult,
  lastResultKey,
  MARKER_TTL_MS,
  type Marker,
  markerKey,
  nextSend,
  type Subscription,
  subscriptionKey,
} from './subscriptions.js';

export interface BriefingSchedulerOptions {
  logger?: Logger;
  /** Identifies this instance in claim markers; random by default. */
  owner?: string;
  limits?: Partial<PaceLimits>;
  /** Briefings in flight at once on this instance. */
  concurrency?: number;
  /** Due entries read per Store query. */
  batch?: number;
  /**
   * Every wait (pacing, a platform's retry-after, bookkeeping retries), on
   * the clock `services.now` reads: real time unless a test gives its
   * TestClock's, which moves the clock instead of waiting.
   */
  sleep?: (ms: number) => Promise<void>;
  /** Transient failures are retried this many times, backing off, within the same local day. */
  maxAttempts?: number;
  /** A claim older than this whose holder never reported back is given up for the day (never re-posted). */
  staleClaimMs?: number;
  /** Told of each briefing this instance posted or gave up on, e.g. for chronicle_briefings_total. */
  onResult?: (platform: string, result: 'sent' | 'failed') => void;
}

export interface TickReport {
  due: number;
  sent: number;
  retrying: number;
  failed: number;
  paused: number;
  /** Taken by another instance, already done, or moved to a later day. */
  skipped: number;
  /** Entries this tick could not handle because the Store was unreachable; the next tick tries again. */
  storeErrors: number;
}

type Outcome = Exclude<keyof TickReport, 'due'>;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Backoff for transient failures: 1, 2, 4 … minutes, capped at an hour. */
function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** (attempt - 1));
}

/**
 * Finds due briefings, claims each (so one instance in many posts it), posts
 * it at the shared pace and records the result. Every instance runs the same
 * tick; the claim marker `brief:{platform}:{channel}:{localDate}` is what
 * makes a briefing go out once, and it is overwritten, never deleted.
 */
export class BriefingScheduler {
  readonly owner: string;
  private readonly logger: Logger;
  private readonly pacer: Pacer;
  private readonly concurrency: number;
  private readonly batch: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly staleClaimMs: number;
  /** Marker keys this instance is working on right now. */
  private readonly inFlight = new Set<string>();
  private running: Promise<TickReport> | undefined;
  private readonly onResult: BriefingSchedulerOptions['onResult'];

  constructor(
    private readonly services: Services,
    options: BriefingSchedulerOptions = {},
  ) {
    this.owner = options.owner ?? randomUUID();
    this.logger = options.logger ?? silentLogger;
    this.sleep = options.sleep ?? realSleep;
    this.concurrency = options.concurrency ?? 16;
    this.batch = options.batch ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.staleClaimMs = options.staleClaimMs ?? 20 * 60_000;
    this.onResult = options.onResult;
    this.pacer = new Pacer(services.store, { ...DEFAULT_LIMITS, ...options.limits }, this.clock, this.sleep);
  }

  private readonly clock = (): number => this.services.now().getTime();

  /**
   * One pass over everything due now. A tick that finds the previous one still
   * fanning out waits for it instead of starting a second pass.
   */
  tick(): Promise<TickReport> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<TickReport> {
    const report: TickReport = { due: 0, sent: 0, retrying: 0, failed: 0, paused: 0, skipped: 0, storeErrors: 0 };
    // Only the platforms this instance can post to: another platform's briefings wait for its instances.
    for (const platform of platformsServed(this.services.poster)) {
      if (!(await this.passOver(briefingQueue(platform), report))) break;
    }
    if (report.due > 0) this.logger.info({ ...report, owner: this.owner }, 'briefing tick');
    return report;
  }

  /** Everything due in one queue; false when the store could not be read. */
  private async passOver(queue: string, report: TickReport): Promise<boolean> {
    const seen = new Set<string>();
    for (;;) {
      let entries: { member: string; dueAt: number }[];
      const limit = seen.size + this.batch;
      try {
        entries = await this.services.store.due(queue, this.clock(), limit);
      } catch (error) {
        this.logger.warn({ err: error }, 'briefing tick skipped: store unreachable');
        report.storeErrors++;
        return false;
      }
      const fresh = entries.filter((e) => !seen.has(e.member));
      if (fresh.length === 0) return true;
      for (const e of fresh) seen.add(e.member);
      report.due += fresh.length;
      // Instances read the same due list; starting at different places spreads the claims.
      await this.runAll(shuffle(fresh), report);
      if (entries.length < limit) return true;
    }
  }

  private async runAll(entries: { member: string; dueAt: number }[], report: TickReport): Promise<void> {
    await eachAtMost(this.concurrency, entries, async (entry) => {
      let outcome: Outcome;
      try {
        outcome = await this.handle(entry.member, entry.dueAt);
      } catch (error) {
        this.logger.warn({ err: error, member: entry.member }, 'briefing skipped this tick; the next tick tries again');
        outcome = 'storeErrors';
      }
      report[outcome]++;
      if (outcome === 'sent' || outcome === 'failed' || outcome === 'paused') {
        this.onResult?.(entry.member.slice(0, entry.member.indexOf(':')), outcome === 'sent' ? 'sent' : 'failed');
      }
    });
  }

  /** Everything for one due entry. Store errors propagate (the entry stays due for the next tick). */
  private async handle(member: string, dueAt: number): Promise<Outcome> {
    const { store } = this.services;
    const sub = await store.get<Subscription>(subscriptionKey(member));
    if (!sub || sub.paused) {
      await store.unschedule(briefingQueueOf(member), member);
      return 'skipped';
    }
    const now = this.clock();
    const today = localDateOf(now, sub.timeZone);
    const entryDate = localDateOf(dueAt, sub.timeZone);
    // Catch-up sends today's briefing; days missed while every instance was down are never back-filled.
    const target = nextSend(sub, [entryDate, today].sort()[1] as string);
    if (target.at > now) {
      await this.scheduleAt(member, target.at);
      return 'skipped';
    }
    const key = markerKey(member, target.localDate);
    const taken = await this.take(key, member, sub, target.localDate, now);
    if (taken === 'no') return 'skipped';
    this.inFlight.add(key);
    try {
      return await this.deliver(sub, member, key, target.localDate, taken === 'first' ? 0 : taken.attempt);
    } finally {
      this.inFlight.delete(key);
    }
  }

  /**
   * Takes the day's marker, or a retry attempt on it. Also resumes a claim of
   * our own whose reply was lost (Redis went away mid-command), and moves on
   * entries someone else finished but could not reschedule.
   */
  private async take(
    key: string,
    member: string,
    sub: Subscription,
    localDate: string,
    now: number,
  ): Promise<'first' | { attempt: number } | 'no'> {
    const { store } = this.services;
    const claimed: Marker = { state: 'claimed', owner: this.owner, at: now };
    if (await store.claim(key, MARKER_TTL_MS, claimed)) return 'first';
    const marker = await store.get<Marker>(key);
    if (!marker) return 'no';
    if (marker.state === 'claimed') {
      if (marker.owner === this.owner && !this.inFlight.has(key)) return 'first';
      if (now - marker.at > this.staleClaimMs) {
        // Its holder vanished between claiming and reporting: it may have
        // posted, so the day is given up rather than risk a second post.
        await this.record(member, {
          localDate,
          outcome: 'lost',
          at: new Date(now).toISOString(),
          detail: 'the instance that took it stopped before reporting back',
        });
        await this.scheduleNextDay(sub, member, localDate);
      }
      return 'no';
    }
    if (marker.state === 'retry') {
      if (marker.retryAt > now) {
        await this.scheduleAt(member, marker.retryAt);
        return 'no';
      }
      const attemptKey = `${key}:try${marker.attempt}`;
      if (await store.claim(attemptKey, MARKER_TTL_MS, claimed)) return { attempt: marker.attempt };
      const holder = await store.get<Marker>(attemptKey);
      return holder?.state === 'claimed' && holder.owner === this.owner && !this.inFlight.has(key)
        ? { attempt: marker.attempt }
        : 'no';
    }
    // Sent or failed for good: only the next day remains.
    await this.scheduleNextDay(sub, member, localDate);
    return 'no';
  }

  private async deliver(
    sub: Subscription,
    member: string,
    key: string,
    localDate: string,
    attempt: number,
  ): Promise<Outcome> {
    const { store, pack } = this.services;
    const channel = channelOf(sub);
    if (this.pacer.halted(sub.platform)) {
      return this.retryLater(
        sub,
        member,
        key,
        localDate,
        attempt,
        new PostError('too many rejected requests recently', 'invalid-requests', false, 60_000),
      );
    }
    let briefing: ReturnType<typeof buildBriefing>;
    let messageId: string;
    try {
      const cursor = (await store.get<number>(cursorKey(member))) ?? 0;
      briefing = buildBriefing(pack, { channelKey: member, localDate, cursor });
      // Opted-in members' "questions due" line (/review remind:on): src/engine/study/remind.ts.
      const reply = await withReviewReminders(this.services, channel, this.clock(), briefing.reply);
      messageId = await this.post(channel, reply);
    } catch (error) {
      // The Store went away before anything was posted: the marker still names
      // this instance, so the next tick resumes it; that is no platform failure.
      if (error instanceof StoreUnavailableError) throw error;
      if (error instanceof PostError && error.permanent) return this.pauseFor(sub, member, key, localDate, error);
      return this.retryLater(sub, member, key, localDate, attempt, error);
    }
    // Posted: from here on nothing may post it again, so the bookkeeping
    // retries until the Store answers instead of giving up.
    const at = this.clock();
    await this.persist('marker', () => store.set<Marker>(key, { state: 'sent', messageId, at }, MARKER_TTL_MS));
    await this.persist('schedule', () => this.scheduleNextDay(sub, member, localDate));
    await this.persist('cursor', () => store.set(cursorKey(member), briefing.cursor));
    await this.persist('last result', () =>
      this.record(member, { localDate, outcome: 'sent', at: new Date(at).toISOString(), messageId }),
    );
    return 'sent';
  }

  /** Posts, waiting out rate limits the platform reports (they are not failures). */
  private async post(channel: ReturnType<typeof channelOf>, reply: Reply): Promise<string> {
    for (let waits = 0; ; waits++) {
      await this.pacer.wait(channel);
      try {
        return (await this.services.poster.post(channel, reply)).messageId;
      } catch (error) {
        if (error instanceof PostError && (error.permanent || error.retryAfterMs !== undefined)) {
          this.pacer.noteInvalid(channel.platform);
        }
        if (error instanceof PostError && error.retryAfterMs !== undefined && !error.permanent && waits < 3) {
          await this.sleep(Math.min(error.retryAfterMs, 30_000));
          continue;
        }
        throw error;
      }
    }
  }

  private async pauseFor(
    sub: Subscription,
    member: string,
    key: string,
    localDate: string,
    error: PostError,
  ): Promise<Outcome> {
    const { store } = this.services;
    const at = this.clock();
    const reason = `cannot post to this channel (${error.code}: ${error.message})`;
    this.logger.warn({ member, code: error.code }, 'briefing paused: permanent post error');
    await this.persist('marker', () =>
      store.set<Marker>(key, { state: 'failed', code: error.code, permanent: true, at }, MARKER_TTL_MS),
    );
    const latest = (await store.get<Subscription>(subscriptionKey(member))) ?? sub;
    await store.set<Subscription>(subscriptionKey(member), {
      ...latest,
      paused: { reason, at: new Date(at).toISOString(), by: 'error', code: error.code },
    });
    await store.unschedule(briefingQueueOf(member), member);
    await this.record(member, { localDate, outcome: 'paused', at: new Date(at).toISOString(), detail: reason });
    return 'paused';
  }

  private async retryLater(
    sub: Subscription,
    member: string,
    key: string,
    localDate: string,
    attempt: number,
    error: unknown,
  ): Promise<Outcome> {
    const { store } = this.services;
    const now = this.clock();
    const code = error instanceof PostError ? error.code : error instanceof Error ? error.name : 'error';
    const next = attempt + 1;
    const wait = Math.max(backoffMs(next), error instanceof PostError ? (error.retryAfterMs ?? 0) : 0);
    const retryAt = now + wait;
    const sameDay = localDateOf(retryAt, sub.timeZone) === localDate;
    this.logger.warn(
      { err: error, member, attempt: next },
      sameDay && next < this.maxAttempts
        ? 'briefing post failed; will retry'
        : 'briefing post failed; giving up for today',
    );
    if (sameDay && next < this.maxAttempts) {
      await this.persist('marker', () =>
        store.set<Marker>(
          key,
          { state: 'retry', attempt: next, retryAt, code, owner: this.owner, at: now },
          MARKER_TTL_MS,
        ),
      );
      await this.scheduleAt(member, retryAt);
      await this.record(member, {
        localDate,
        outcome: 'retrying',
        at: new Date(now).toISOString(),
        detail: `${code}; attempt ${next + 1} at ${new Date(retryAt).toISOString()}`,
      });
      return 'retrying';
    }
    await this.persist('marker', () =>
      store.set<Marker>(key, { state: 'failed', code, permanent: false, at: now }, MARKER_TTL_MS),
    );
    await this.scheduleNextDay(sub, member, localDate);
    await this.record(member, {
      localDate,
      outcome: 'failed',
      at: new Date(now).toISOString(),
      detail: `${code} after ${next} attempts`,
    });
    return 'failed';
  }

  /** Files the member's next send day after `localDate`: today's is done with, one way or another. */
  private scheduleNextDay(sub: Subscription, member: string, localDate: string): Promise<void> {
    return this.scheduleAt(member, nextSend(sub, addDays(localDate, 1)).at);
  }

  private scheduleAt(member: string, at: number): Promise<void> {
    return this.services.store.schedule(briefingQueueOf(member), member, at);
  }

  private record(member: string, result: LastResult): Promise<void> {
    return this.services.store.set(lastResultKey(member), result);
  }

  /** Retries a write with backoff until it lands (about ten minutes at most). */
  private async persist(what: string, write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await write();
        return;
      } catch (error) {
        if (attempt >= 30) {
          this.logger.error({ err: error, what }, 'briefing bookkeeping lost after a successful post');
          return;
        }
        if (attempt === 0) this.logger.warn({ err: error, what }, 'briefing bookkeeping waiting for the store');
        await this.sleep(Math.min(20_000, 250 * 2 ** attempt));
      }
    }
  }
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
