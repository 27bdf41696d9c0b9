import { type Client, Events } from 'discord.js';
import type { PlatformRegistry } from '../../ops/health.js';

/**
 * Keeps /healthz told whether the gateway is up. A client may hold several
 * shards: it counts as connected only while every one it has seen is ready.
 * Reports "connecting" at once, so a process that never reaches READY is unhealthy.
 */
export function reportDiscordConnection(client: Client, registry: PlatformRegistry): void {
  const shards = new Map<number, boolean>();
  const report = () => {
    const states = [...shards.values()];
    registry.report('discord', states.length > 0 && states.every(Boolean) ? 'connected' : 'connecting');
  };
  const set = (id: number, ready: boolean) => {
    shards.set(id, ready);
    report();
  };
  registry.report('discord', 'connecting');
  client.on(Events.ShardReady, (id) => set(id, true));
  client.on(Events.ShardResume, (id) => set(id, true));
  client.on(Events.ShardReconnecting, (id) => set(id, false));
  client.on(Events.ShardDisconnect, (_event, id) => {
    shards.set(id, false);
    registry.report('discord', 'disconnected');
  });
  client.on(Events.Invalidated, () => registry.report('discord', 'disconnected'));
}
