import { loadShardConfig } from '../config.js';
import { createLogger } from '../log.js';
import { main } from '../main.js';
import { metrics } from '../ops/metrics.js';
import { answerMetricsRequests } from './metrics.js';

/**
 * One Discord shard, in a process started by the ShardingManager
 * (src/shard/run.ts): the usual composition root with this shard's ids in
 * every log line. discord.js's Client takes its shard ids from the manager.
 */
const { config, shards } = loadShardConfig();
const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT }).child({ shard: shards });
// The manager's /metrics asks for ours at each scrape; answered from the start, before Discord is up.
answerMetricsRequests(metrics);
try {
  await main(config, { log, input: process.stdin, write: (text) => process.stdout.write(`${text}\n\n`) });
} catch (error) {
  log.fatal({ err: error }, 'shard failed to start');
  // The manager respawns a shard that exits; a bad start should fail loudly, not hang half-wired.
  process.exit(1);
}
