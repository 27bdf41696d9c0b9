import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recommendedShardCount, spawnShards } from '../adapters/discord/sharding.js';
import type { Config } from '../config.js';
import { countActiveGames } from '../engine/quiz/cleanup.js';
import type { Logger } from '../log.js';
import { platforms } from '../ops/health.js';
import { exitOnSignals, lifecycle } from '../ops/lifecycle.js';
import { metrics } from '../ops/metrics.js';
import { startOps } from '../ops/start.js';
import { pictureHostFor } from '../pictures/hosting.js';
import { createStore } from '../store/create.js';
import { gatherShardMetrics } from './metrics.js';

/** How long a scrape waits for a shard's metrics before serving without them. */
const SHARD_METRICS_TIMEOUT_MS = 2_000;

/** The shard entry next to this file: entry.ts from the sources (through tsx), entry.js in the built image. */
function shardEntry(): { entry: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  // tsx resolved from here, not from the working directory the shard starts in.
  const tsx = ext === '.ts' ? ['--import', import.meta.resolve('tsx')] : [];
  return { entry: path.join(path.dirname(here), `entry${ext}`), execArgv: tsx };
}

/**
 * `npm start` with SHARDS=auto|N: this process only manages. Each shard is a
 * child process running the Discord adapter, its own quiz clock and briefing
 * tick on the shared Store (claims keep them from doing the same work twice;
 * the Discord poster posts by channel id over REST, so any shard can post any
 * channel's round or briefing). Here: /healthz (the Store, and Discord
 * connected only when every shard is ready) and /metrics on PORT: this
 * process's own metrics merged with every shard's, asked for at each scrape
 * (src/shard/metrics.ts; a shard too slow to answer is left out and counted
 * in chronicle_shard_metrics_missing).
 */
export async function runShardManager(config: Config, log: Logger): Promise<void> {
  if (!config.DISCORD_TOKEN || config.SHARDS === undefined) throw new Error('sharding needs DISCORD_TOKEN and SHARDS');
  const total = config.SHARDS === 'auto' ? await recommendedShardCount(config) : config.SHARDS;
  const store = await createStore(config, { logger: log });
  lifecycle.onStop('close', 'store', () => store.close());
  exitOnSignals({ log });
  // The shards link pictures under PUBLIC_URL, which is this process's PORT: it serves them from the shared store.
  await startOps({ config, store, log, pictures: pictureHostFor(config, store) });
  const { entry, execArgv } = shardEntry();
  log.info({ event: 'shards', total, requested: config.SHARDS }, 'starting Discord shards');
  const fleet = spawnShards({
    entry,
    total,
    token: config.DISCORD_TOKEN,
    execArgv,
    log,
    onState: (state) => platforms.report('discord', state),
  });
  // Counted here, once a scrape, rather than by every shard: they all share this Store.
  metrics.countActiveQuizGamesWith(() => countActiveGames(store));
  metrics.gatherFrom(() =>
    gatherShardMetrics({ shards: fleet.shards(), total, timeoutMs: SHARD_METRICS_TIMEOUT_MS, log }),
  );
  await fleet.spawned;
  // Each shard drains its own replies within its 10 s on SIGTERM; this waits for them.
  lifecycle.onStop('drain', 'shards', () => fleet.stop(9_000));
  log.info({ event: 'shards', total }, 'every shard is ready');
}
