import { orAfter } from '../core/deadline.js';
import type { Store } from '../core/store.js';
import type { Lifecycle } from './lifecycle.js';

export type PlatformState = 'connecting' | 'connected' | 'disconnected';

/**
 * Where adapters say whether they are connected. Each adapter calls
 * `report('discord', 'connecting')` when it starts and then reports each
 * change; /healthz is unhealthy while any reported platform is not connected.
 */
export class PlatformRegistry {
  private readonly states = new Map<string, PlatformState>();

  report(platform: string, state: PlatformState): void {
    this.states.set(platform, state);
  }

  /** For an adapter that was stopped on purpose and should no longer count. */
  forget(platform: string): void {
    this.states.delete(platform);
  }

  snapshot(): Record<string, PlatformState> {
    return Object.fromEntries([...this.states].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** The process's platform registry. */
export const platforms = new PlatformRegistry();

export interface Health {
  status: 'ok' | 'unhealthy' | 'stopping';
  store: { reachable: boolean; latencyMs: number };
  platforms: Record<string, PlatformState>;
}

export interface HealthDeps {
  store: Store;
  platforms: PlatformRegistry;
  lifecycle?: Lifecycle;
  /** A store that has not answered by then counts as unreachable, so a hung Redis cannot hang the probe. */
  storeTimeoutMs?: number;
}

function pingWithin(store: Store, ms: number): Promise<boolean> {
  return orAfter(
    store.ping().catch(() => false),
    ms,
    false,
  );
}

export async function checkHealth(deps: HealthDeps): Promise<Health> {
  const started = performance.now();
  const reachable = await pingWithin(deps.store, deps.storeTimeoutMs ?? 2_000);
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const states = deps.platforms.snapshot();
  const connected = Object.values(states).every((state) => state === 'connected');
  const stopping = deps.lifecycle !== undefined && !deps.lifecycle.accepting;
  return {
    status: stopping ? 'stopping' : reachable && connected ? 'ok' : 'unhealthy',
    store: { reachable, latencyMs },
    platforms: states,
  };
}
