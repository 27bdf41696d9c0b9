import type { SocketModeReceiver } from '@slack/bolt';
import type { PlatformRegistry } from '../../ops/health.js';

type SocketModeClient = SocketModeReceiver['client'];

/**
 * Socket Mode is a WebSocket that drops and reconnects (Slack asks for a new
 * connection every few hours; the network fails). /healthz follows it, so a
 * load balancer or orchestrator sees an instance that cannot hear Slack.
 * Intentional stops are handled by the adapter, which forgets the platform.
 */
export function reportSocketConnection(client: SocketModeClient, registry: PlatformRegistry): void {
  client.on('connecting', () => registry.report('slack', 'connecting'));
  client.on('reconnecting', () => registry.report('slack', 'connecting'));
  client.on('connected', () => registry.report('slack', 'connected'));
  // A dropped socket emits only 'close' (and 'reconnecting' after a delay); 'disconnected' is for a stop or no retry.
  const down = () => {
    if (registry.snapshot().slack !== undefined) registry.report('slack', 'disconnected');
  };
  client.on('close', down);
  client.on('disconnected', down);
}
