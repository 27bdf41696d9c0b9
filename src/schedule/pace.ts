import type { ChannelRef } from '../core/poster.js';
import type { Store } from '../core/store.js';

/** How fast the fan-out may post, per platform. */
export interface PaceLimits {
  /** Discord: requests per second per bot, shared by every instance (Discord's global limit is 50). */
  discordPerSecond: number;
  /** Slack: messages per second per channel (chat.postMessage allows about 1). */
  slackPerChannelPerSecond: number;
  /**
   * Invalid requests (401/403/429 answers) one instance may collect in ten
   * minutes before it stops posting to that platform; Discord bans an IP at
   * 10,000, so a few instances together stay far below it.
   */
  invalidPerTenMinutes: number;
}

export const DEFAULT_LIMITS: PaceLimits = {
  discordPerSecond: 50,
  slackPerChannelPerSecond: 1,
  invalidPerTenMinutes: 1_000,
};

const TEN_MINUTES = 600_000;

/**
 * Whole milliseconds between slots, with one to spare: requests leave on
 * schedule but arrive with network jitter, and two that land closer than the
 * exact spacing would put 51 into some one-second window and earn a 429.
 */
export function intervalMs(perSecond: number): number {
  return Math.floor(1000 / perSecond) + 1;
}

/**
 * Shared pacing through the Store: every post first reserves a slot (one
 * reservation per 1/rate seconds across all instances) and waits for it.
 */
export class Pacer {
  private readonly invalid = new Map<string, number[]>();

  constructor(
    private readonly store: Store,
    private readonly limits: PaceLimits,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Waits until `channel` may be posted to. */
  async wait(channel: ChannelRef): Promise<void> {
    const slot = await this.reserve(channel);
    const delay = slot - this.clock();
    if (delay > 0) await this.sleep(delay);
  }

  private reserve(channel: ChannelRef): Promise<number> {
    const now = this.clock();
    switch (channel.platform) {
      case 'discord':
        return this.store.reserve('pace:discord', intervalMs(this.limits.discordPerSecond), now);
      case 'slack':
        return this.store.reserve(
          `pace:slack:${channel.channelId}`,
          intervalMs(this.limits.slackPerChannelPerSecond),
          now,
        );
      default:
        return Promise.resolve(now);
    }
  }

  /** Counts an answer the platform rejected (forbidden, unknown channel, rate limited). */
  noteInvalid(platform: string): void {
    const list = this.recentInvalid(platform);
    list.push(this.clock());
  }

  /** True while this instance has collected too many invalid requests to keep posting to `platform`. */
  halted(platform: string): boolean {
    return this.recentInvalid(platform).length >= this.limits.invalidPerTenMinutes;
  }

  private recentInvalid(platform: string): number[] {
    const since = this.clock() - TEN_MINUTES;
    const list = (this.invalid.get(platform) ?? []).filter((t) => t > since);
    this.invalid.set(platform, list);
    return list;
  }
}
