import { REST, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';

/**
 * SHARDS=auto: the count Discord recommends for this bot, asked of
 * DISCORD_API_URL (discord.js's own helper always asks discord.com).
 */
export async function recommendedShardCount(
  config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>,
): Promise<number> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, gateway.shards);
}

export interface ShardFleet {
  total: number;
  /** Resolves once every shard has been spawned and is ready; rejects when one never gets there. */
  spawned: Promise<void>;
  /** The shards spawned so far, each the parent end of its process's IPC channel (its process is null while dead). */
  shards(): Shard[];
  /** SIGTERM to every shard (each stops gracefully on its own), resolving when all have exited or `ms` passed. */
  stop(ms: number): Promise<void>;
}

/**
 * Runs `entry` once per shard in its own process with discord.js's
 * ShardingManager (which sets SHARDS and SHARD_COUNT for the child's Client).
 * A shard that dies is respawned. `onState` hears "connected" once every
 * shard is ready and "connecting"/"disconnected" while one is not. Returns
 * at once, so /metrics can ask the first shards while later ones still wait
 * their turn to IDENTIFY; `spawned` is the wait for all of them.
 */
export function spawnShards(options: {
  entry: string;
  total: number;
  token: string;
  execArgv: string[];
  log: Logger;
  onState: (state: 'connecting' | 'connected' | 'disconnected') => void;
}): ShardFleet {
  const { log } = options;
  const manager = new ShardingManager(options.entry, {
    totalShards: options.total,
    token: options.token,
    mode: 'process',
    respawn: true,
    execArgv: options.execArgv,
  });
  const ready = new Map<number, boolean>();
  const report = (lost = false) => {
    const all = ready.size === options.total && [...ready.values()].every(Boolean);
    options.onState(all ? 'connected' : lost ? 'disconnected' : 'connecting');
  };
  let stopping = false;
  manager.on('shardCreate', (shard: Shard) => {
    ready.set(shard.id, false);
    log.info({ event: 'shard', shard: shard.id, total: options.total }, 'shard starting');
    shard.on('spawn', (child) => {
      // mode 'process': a ChildProcess, whose pid ties the shard's id to what the machine shows.
      log.info(
        { event: 'shard', shard: shard.id, pid: 'pid' in child ? child.pid : undefined },
        'shard process started',
      );
    });
    shard.on('ready', () => {
      ready.set(shard.id, true);
      report();
    });
    shard.on('reconnecting', () => {
      ready.set(shard.id, false);
      report();
    });
    shard.on('disconnect', () => {
      ready.set(shard.id, false);
      report(true);
    });
    shard.on('death', () => {
      ready.set(shard.id, false);
      if (!stopping) log.error({ event: 'shard', shard: shard.id }, 'shard process died; respawning');
      report(true);
    });
  });
  options.onState('connecting');
  // Discord allows one IDENTIFY per 5 s per bucket: the manager spaces the shards (5.5 s by default).
  const spawned = manager.spawn({ amount: options.total, timeout: 60_000 }).then(() => undefined);
  return {
    total: options.total,
    spawned,
    shards: () => [...manager.shards.values()],
    async stop(ms) {
      stopping = true;
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return Promise.resolve();
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        shard.kill();
        return exited;
      });
      await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
    },
  };
}
