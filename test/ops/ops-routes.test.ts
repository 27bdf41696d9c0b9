import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { PlatformRegistry } from '../../src/ops/health.js';
import { createOpsHandler, opsRoutes } from '../../src/ops/http.js';
import { Metrics } from '../../src/ops/metrics.js';
import { MemoryStore } from '../../src/store/memory.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server that, like Bolt's receiver, hands the route every path it matched loosely ("/HEALTHZ", "/metrics/"). */
async function looseRouter(): Promise<string> {
  const handler = createOpsHandler({
    store: new MemoryStore(),
    platforms: new PlatformRegistry(),
    metrics: new Metrics({ defaults: false }),
    log: silentLogger,
    storeTimeoutMs: 300,
  });
  const [route] = opsRoutes(handler);
  const server = createServer((req, res) => route?.handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('ops routes mounted in a loosely matching receiver', () => {
  it('answer a path they decline with 404 at once, instead of leaving it hanging', async () => {
    const base = await looseRouter();
    for (const path of ['/HEALTHZ', '/Healthz', '/metrics/', '/METRICS']) {
      const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(2_000) });
      expect(res.status, path).toBe(404);
    }
    expect((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) })).status).toBe(200);
  });
});
