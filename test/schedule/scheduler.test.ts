import { describe, expect, it } from 'vitest';
import { localParts } from '../../src/core/local-time.js';
import { PostError } from '../../src/core/poster.js';
import { BriefingScheduler } from '../../src/schedule/briefings.js';
import { TestClock } from '../support/clock.js';
import { type Harness, harness } from '../support/harness.js';

const MINUTE = 60_000;
const admin = { canManage: true } as const;

async function setup(startIso: string): Promise<Harness> {
  return harness({ clock: new TestClock(Date.parse(startIso)) });
}

/** Moves the clock a minute at a time up to `untilIso`, ticking every minute like node-cron would. */
async function tickThrough(h: Harness, scheduler: BriefingScheduler, untilIso: string): Promise<void> {
  const until = Date.parse(untilIso);
  while (h.clock.ms < until) {
    h.clock.advance(MINUTE);
    await scheduler.tick();
  }
}

/** The titles of what was posted (they name the local date), optionally for one channel. */
function postedTitles(h: Harness, channelId?: string): string[] {
  return h.poster.posts.filter((p) => !channelId || p.channel.channelId === channelId).map((p) => p.reply.title ?? '');
}

describe('the briefing tick', () => {
  it('posts each channel at its own local time, once per local day, across timezones', async () => {
    const h = await setup('2024-05-01T00:00:00Z');
    await h.run('/briefing subscribe time:08:00 timezone:Asia/Baku', { ...admin, channelId: 'baku' });
    await h.run('/briefing subscribe time:08:00 timezone:America/New_York', { ...admin, channelId: 'ny' });
    await h.run('/briefing subscribe time:08:00', { ...admin, channelId: 'utc' });
    const sentAt = new Map<string, string[]>();
    const scheduler = new BriefingScheduler(h);
    const original = h.poster.post.bind(h.poster);
    h.poster.post = async (channel, reply) => {
      sentAt.set(channel.channelId, [...(sentAt.get(channel.channelId) ?? []), new Date(h.clock.ms).toISOString()]);
      return original(channel, reply);
    };
    await tickThrough(h, scheduler, '2024-05-03T00:00:00Z');
    expect(sentAt.get('baku')).toEqual(['2024-05-01T04:00:00.000Z', '2024-05-02T04:00:00.000Z']);
    expect(sentAt.get('utc')).toEqual(['2024-05-01T08:00:00.000Z', '2024-05-02T08:00:00.000Z']);
    expect(sentAt.get('ny')).toEqual(['2024-05-01T12:00:00.000Z', '2024-05-02T12:00:00.000Z']);
    expect(postedTitles(h, 'baku')).toEqual(['Daily briefing · 1 May 2024', 'Daily briefing · 2 May 2024']);
  });

  it('posts on weekdays only when asked to', async () => {
    // 3 May 2024 is a Friday.
    const h = await setup('2024-05-03T00:00:00Z');
    await h.run('/briefing subscribe time:09:00 timezone:UTC days:weekdays', admin);
    const scheduler = new BriefingScheduler(h);
    await tickThrough(h, scheduler, '2024-05-07T00:00:00Z');
    expect(postedTitles(h)).toEqual(['Daily briefing · 3 May 2024', 'Daily briefing · 6 May 2024']);
  });

  it('catches up after a restart: today once, earlier days never', async () => {
    const h = await setup('2024-05-01T05:00:00Z');
    await h.run('/briefing subscribe time:08:00 timezone:UTC', admin);
    // Every instance is down from 05:00 on 1 May until 10:30 on 4 May.
    h.clock.ms = Date.parse('2024-05-04T10:30:00Z');
    const restarted = new BriefingScheduler(h);
    const report = await restarted.tick();
    expect(report.sent).toBe(1);
    expect(postedTitles(h)).toEqual(['Daily briefing · 4 May 2024']);
    await tickThrough(h, restarted, '2024-05-04T23:59:00Z');
    expect(h.poster.posts).toHaveLength(1);
    await tickThrough(h, restarted, '2024-05-05T08:00:00Z');
    expect(postedTitles(h)).toEqual(['Daily briefing · 4 May 2024', 'Daily briefing · 5 May 2024']);
  });

  it('does not send early when it restarts before the time', async () => {
    const h = await setup('2024-05-01T05:00:00Z');
    await h.run('/briefing subscribe time:08:00 timezone:UTC', admin);
    h.clock.ms = Date.parse('2024-05-03T07:00:00Z');
    const restarted = new BriefingScheduler(h);
    expect((await restarted.tick()).sent).toBe(0);
    await tickThrough(h, restarted, '2024-05-03T07:59:00Z');
    expect(h.poster.posts).toHaveLength(0);
    await tickThrough(h, restarted, '2024-05-03T08:00:00Z');
    expect(postedTitles(h)).toEqual(['Daily briefing · 3 May 2024']);
  });

  it('sends a time inside the spring-forward gap at the first valid minute', async () => {
    const h = await setup('2024-03-30T12:00:00Z');
    await h.run('/briefing subscribe time:02:30 timezone:Europe/Paris', admin);
    let sentAt: number | undefined;
    const original = h.poster.post.bind(h.poster);
    h.poster.post = async (c, r) => {
      sentAt ??= h.clock.ms;
      return original(c, r);
    };
    await tickThrough(h, new BriefingScheduler(h), '2024-03-31T12:00:00Z');
    expect(h.poster.posts).toHaveLength(1);
    expect(localParts(sentAt as number, 'Europe/Paris')).toMatchObject({ date: '2024-03-31', hour: 3, minute: 0 });
  });

  it('sends once in the repeated fall-back hour', async () => {
    const h = await setup('2024-11-02T12:00:00Z');
    await h.run('/briefing subscribe time:01:30 timezone:America/New_York', admin);
    const times: number[] = [];
    const original = h.poster.post.bind(h.poster);
    h.poster.post = async (c, r) => {
      times.push(h.clock.ms);
      return original(c, r);
    };
    await tickThrough(h, new BriefingScheduler(h), '2024-11-03T12:00:00Z');
    // 01:30 happens twice that night (EDT, then EST); the briefing goes out at the first.
    expect(times.map((t) => new Date(t).toISOString())).toEqual(['2024-11-03T05:30:00.000Z']);
  });

  it('pauses a subscription whose channel is gone, and /briefing status says why', async () => {
    const h = await setup('2024-05-01T07:59:00Z');
    await h.run('/briefing subscribe time:08:00', admin);
    h.poster.post = async () => {
      throw new PostError('Missing Access', '50001', true);
    };
    const scheduler = new BriefingScheduler(h);
    await tickThrough(h, scheduler, '2024-05-01T08:00:00Z');
    const status = await h.run('/briefing status');
    expect(status.text).toMatch(/Paused since .*cannot post to this channel \(50001: Missing Access\)/);
    expect(status.text).toContain('Last: paused for 2024-05-01');
    let calls = 0;
    h.poster.post = async () => {
      calls++;
      return { messageId: 'x' };
    };
    await tickThrough(h, scheduler, '2024-05-03T09:00:00Z');
    expect(calls).toBe(0);
  });

  it('retries a transient failure with backoff on the same day and posts it once', async () => {
    const h = await setup('2024-05-01T07:59:00Z');
    await h.run('/briefing subscribe time:08:00', admin);
    const original = h.poster.post.bind(h.poster);
    let failures = 2;
    h.poster.post = async (c, r) => {
      if (failures-- > 0) throw new PostError('Service Unavailable', '503', false);
      return original(c, r);
    };
    const scheduler = new BriefingScheduler(h);
    await tickThrough(h, scheduler, '2024-05-01T08:00:00Z');
    expect((await h.run('/briefing status')).text).toMatch(/Last: retrying for 2024-05-01: 503/);
    await tickThrough(h, scheduler, '2024-05-01T08:10:00Z');
    expect(h.poster.posts).toHaveLength(1);
    expect((await h.run('/briefing status')).text).toMatch(/Last: sent for 2024-05-01/);
    await tickThrough(h, scheduler, '2024-05-01T23:00:00Z');
    expect(h.poster.posts).toHaveLength(1);
  });

  it("waits out a platform's retry-after on the clock it is given, then posts once", async () => {
    const h = await setup('2024-05-01T07:59:00Z');
    await h.run('/briefing subscribe time:08:00', admin);
    const original = h.poster.post.bind(h.poster);
    let limited = 1;
    h.poster.post = async (c, r) => {
      if (limited-- > 0) throw new PostError('rate limited', '429', false, 20_000);
      return original(c, r);
    };
    const scheduler = new BriefingScheduler(h, { sleep: h.clock.sleep });
    h.clock.advance(MINUTE);
    const before = h.clock.ms;
    expect(await scheduler.tick()).toMatchObject({ sent: 1, retrying: 0 });
    expect(h.poster.posts).toHaveLength(1);
    expect(h.clock.ms - before).toBeGreaterThanOrEqual(20_000);
  });

  it('keeps the bookkeeping of a posted briefing until the Store answers, backing off on the clock it is given', async () => {
    const h = await setup('2024-05-01T07:59:00Z');
    await h.run('/briefing subscribe time:08:00', admin);
    const set = h.store.set.bind(h.store);
    let refusals = 3;
    h.store.set = async (key, value, ttl) => {
      const marksSent = key.startsWith('brief:') && (value as { state?: string }).state === 'sent';
      if (marksSent && refusals-- > 0) throw new Error('store unreachable');
      return set(key, value, ttl);
    };
    const scheduler = new BriefingScheduler(h, { sleep: h.clock.sleep });
    h.clock.advance(MINUTE);
    const before = h.clock.ms;
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    // 250, 500 and 1,000 ms: three refusals, then the marker lands.
    expect(h.clock.ms - before).toBe(1_750);
    expect(h.poster.posts).toHaveLength(1);
    expect(await h.store.get('brief:discord:c1:2024-05-01')).toMatchObject({ state: 'sent' });
  });

  it('gives up for the day when retries would run past midnight, and tries again tomorrow', async () => {
    const h = await setup('2024-05-01T23:57:00Z');
    await h.run('/briefing subscribe time:23:58', admin);
    const original = h.poster.post.bind(h.poster);
    let failing = true;
    h.poster.post = async (c, r) => {
      if (failing) throw new PostError('Bad Gateway', '502', false);
      return original(c, r);
    };
    const scheduler = new BriefingScheduler(h);
    await tickThrough(h, scheduler, '2024-05-02T00:30:00Z');
    expect((await h.run('/briefing status')).text).toMatch(/Last: failed for 2024-05-01/);
    failing = false;
    await tickThrough(h, scheduler, '2024-05-03T00:00:00Z');
    expect(postedTitles(h)).toEqual(['Daily briefing · 2 May 2024']);
  });

  it('reports each posted or abandoned briefing, for the briefings metric', async () => {
    const h = await setup('2024-05-01T07:59:00Z');
    await h.run('/briefing subscribe time:08:00', admin);
    await h.run('/briefing subscribe time:08:00', { ...admin, channelId: 'gone' });
    const original = h.poster.post.bind(h.poster);
    h.poster.post = async (c, r) => {
      if (c.channelId === 'gone') throw new PostError('Unknown Channel', '10003', true);
      return original(c, r);
    };
    const results: string[] = [];
    const scheduler = new BriefingScheduler(h, {
      onResult: (platform, result) => results.push(`${platform}:${result}`),
    });
    await tickThrough(h, scheduler, '2024-05-01T08:00:00Z');
    expect(results.sort()).toEqual(['discord:failed', 'discord:sent']);
  });

  it('skips a tick when the store is unreachable and sends on the next one', async () => {
    const h = await setup('2024-05-01T07:59:00Z');
    await h.run('/briefing subscribe time:08:00', admin);
    const scheduler = new BriefingScheduler(h);
    const due = h.store.due.bind(h.store);
    h.store.due = async () => {
      throw new Error('connection refused');
    };
    h.clock.advance(MINUTE);
    expect((await scheduler.tick()).storeErrors).toBe(1);
    h.store.due = due;
    h.clock.advance(MINUTE);
    expect((await scheduler.tick()).sent).toBe(1);
  });
});
