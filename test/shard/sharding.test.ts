import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { slashCommand } from '../fakes/discord/interactions.js';
import {
  FAKE_APPLICATION_ID,
  FAKE_CHANNEL_ID,
  FAKE_GUILD_ID,
  FAKE_TOKEN,
  FakeDiscord,
} from '../fakes/discord/server.js';
import { freePort, type Running, startChronicle } from '../support/chronicle-process.js';
import { TestClock } from '../support/clock.js';
import { harness } from '../support/harness.js';
import { sleep } from '../support/sleep.js';

const BIN = path.join(PROJECT_ROOT, 'bin', 'chronicle.js');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

/**
 * Subscribes the fake guild's channel to a briefing at the first whole UTC
 * minute at least `leadMs` from now, in the Store the shards will share, so
 * that both shards' minute ticks find it due at the same moment.
 */
async function subscribeSoon(storeUrl: string, leadMs: number): Promise<number> {
  const at = Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;
  const hhmm = new Date(at).toISOString().slice(11, 16);
  const store = await SqliteStore.open(storeUrl);
  try {
    const h = await harness({ store, clock: new TestClock(Date.now()) });
    const reply = await h.run(`/briefing subscribe time:${hhmm} timezone:UTC`, {
      canManage: true,
      channelId: FAKE_CHANNEL_ID,
      serverId: FAKE_GUILD_ID,
    });
    expect(reply.text).toContain(hhmm);
  } finally {
    await store.close();
  }
  return at;
}

async function scrape(port: number): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}

const helpCount = (text: string) =>
  /^chronicle_commands_total\{command="help",platform="discord",kind="command",outcome="ok"\} (\d+)$/m.exec(text)?.[1];

describe('Discord sharding with SHARDS=2 (discord.js ShardingManager, one process per shard)', () => {
  it("proves both shards identify as [0,2] and [1,2], each answers the interactions routed to it, the manager's /metrics sums them, and a due briefing is posted once", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-shards-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const storeUrl = `sqlite://${path.join(dir, 'chronicle.sqlite')}`;
    // Long enough for both shards to be up (the manager spaces IDENTIFYs 5.5 s apart).
    const briefingAt = await subscribeSoon(storeUrl, 25_000);
    const port = await freePort();

    const manager: Running = startChronicle({
      argv: [BIN, 'start'],
      cwd: dir,
      env: {
        SHARDS: '2',
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
        DISCORD_API_URL: fake.apiUrl,
        STORE_URL: storeUrl,
        CONTENT_DIR: path.join(PROJECT_ROOT, 'test', 'fixtures', 'pack'),
        PORT: String(port),
        HOST: '127.0.0.1',
      },
    });
    cleanups.push(async () => {
      if (manager.child.exitCode === null) manager.child.kill('SIGTERM');
      await Promise.race([manager.exited, sleep(12_000)]);
      if (manager.child.exitCode === null) manager.child.kill('SIGKILL');
    });

    await until(
      () => fake.gateway.identifies.length,
      (n) => n >= 2,
      40_000,
      'two IDENTIFYs',
    );
    expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const health = await until(
      async () =>
        (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { platforms: Record<string, string> },
      (h) => h.platforms.discord === 'connected',
      20_000,
      '/healthz to show Discord connected',
    );
    expect(health.platforms).toEqual({ discord: 'connected' });

    for (const shard of [0, 1]) {
      const interaction = slashCommand({ name: 'help' });
      fake.gateway.dispatchToShard(shard, 'INTERACTION_CREATE', interaction);
      const callback = await fake.rest.waitFor(
        (r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
        10_000,
      );
      expect(callback.status).toBe(204);
      // The shard it was routed to is the one that handled it.
      const line = await manager.waitForLog(
        (l) => l.command === 'help' && JSON.stringify(l.shard) === JSON.stringify([shard]),
        5_000,
      );
      expect(line.platform).toBe('discord');
    }

    // The manager's /metrics: each shard counted one /help; the sum is 2, and each process keeps its own CPU series.
    const merged = await until(
      () => scrape(port),
      (m) => helpCount(m.text) === '2',
      5_000,
      "the manager's /metrics to count both shards' /help",
    );
    expect(merged.status).toBe(200);
    expect(merged.text).toContain('chronicle_shard_metrics_missing 0');
    for (const shard of ['manager', '0', '1']) {
      expect(merged.text).toMatch(new RegExp(`^chronicle_process_cpu_seconds_total\\{shard="${shard}"\\} `, 'm'));
    }

    // A shard whose process is frozen (SIGSTOP) cannot answer: the scrape waits its 2 s, serves shard 0's count and says one is missing.
    const started = await manager.waitForLog((l) => l.msg === 'shard process started' && l.shard === 1);
    const frozen = Number(started.pid);
    process.kill(frozen, 'SIGSTOP');
    cleanups.push(() => {
      try {
        process.kill(frozen, 'SIGCONT');
      } catch {
        // already gone
      }
    });
    const partial = await scrape(port);
    process.kill(frozen, 'SIGCONT');
    expect(partial.status).toBe(200);
    expect(partial.ms).toBeGreaterThanOrEqual(1_900);
    expect(partial.ms).toBeLessThan(5_000);
    expect(helpCount(partial.text)).toBe('1');
    expect(partial.text).toContain('chronicle_shard_metrics_missing 1');
    expect(partial.text).not.toMatch(/shard="1"/);
    const warning = await manager.waitForLog((l) => l.event === 'metrics' && l.level === 40);
    expect(warning.missing).toEqual([{ shard: 1, reason: 'no answer in 2000 ms' }]);
    // Thawed, it answers again (its late answer to the missed scrape is ignored).
    const whole = await scrape(port);
    expect(helpCount(whole.text)).toBe('2');
    expect(whole.text).toContain('chronicle_shard_metrics_missing 0');

    const isBriefing = (r: { method: string; path: string }) =>
      r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`;
    await fake.rest.waitFor(isBriefing, briefingAt - Date.now() + 20_000);
    // Both shards ticked at that minute; give a second post every chance to arrive.
    await sleep(3_000);
    expect(fake.rest.requests.filter(isBriefing)).toHaveLength(1);
    const ticks = manager.logs().filter((l) => l.msg === 'briefing tick');
    expect(ticks.reduce((sum, l) => sum + Number(l.sent ?? 0), 0)).toBe(1);
  }, 150_000);
});
