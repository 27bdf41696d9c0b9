import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.js';
import { FakeRest } from './rest.js';

export const FAKE_TOKEN = 'fake-bot-token';
export const FAKE_APPLICATION_ID = '900000000000000002';
export const FAKE_GUILD_ID = '900000000000000003';
export const FAKE_CHANNEL_ID = '900000000000000004';

/**
 * A fake Discord on one loopback port: REST under /api/v10 and the gateway
 * (ws) under /gateway. discord.js reaches it through `rest.api`, and finds
 * the gateway through `GET /gateway/bot`, exactly as with the real one.
 */
export class FakeDiscord {
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;

  private constructor(
    private readonly server: Server,
    heartbeatIntervalMs: number,
  ) {
    const gatewayUrl = () => `ws://127.0.0.1:${this.port}/gateway`;
    this.rest = new FakeRest(FAKE_APPLICATION_ID, FAKE_TOKEN, gatewayUrl);
    this.gateway = new FakeGateway(server, FAKE_APPLICATION_ID, heartbeatIntervalMs, gatewayUrl, FAKE_GUILD_ID, [
      FAKE_CHANNEL_ID,
    ]);
    server.on('request', (req, res) => {
      this.rest.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake failed: ${String(error)}`, code: 0 }));
      });
    });
  }

  static async start(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
    // Kept-alive connections stay open, as Discord's do; Node's 5 s default closes them under a client's feet.
    const server = createServer({ keepAliveTimeout: 120_000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeDiscord(server, options.heartbeatIntervalMs ?? 41_250);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /**
   * Delivers an interaction over the gateway; returns its token for following
   * the REST calls. A click carries the message as it now is, as Discord sends
   * it: its text, embeds, buttons, attachments and flags.
   */
  interact(payload: { token: string; message?: { id: string; [key: string]: unknown } }): string {
    if (payload.message) {
      this.rest.componentMessages.set(payload.token, payload.message.id);
      const current = this.rest.messages.get(payload.message.id);
      if (current) {
        const { content, embeds, components, attachments, flags } = current;
        payload.message = { ...payload.message, content, embeds, components, attachments, flags };
      }
    }
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return payload.token;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
