import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

/** Gateway opcodes the fake speaks (a subset of Discord's). */
export const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Hello: 10, HeartbeatAck: 11 } as const;

export const BOT_USER = {
  id: '900000000000000001',
  username: 'chronicle',
  discriminator: '0',
  avatar: null,
  bot: true,
};

/**
 * The gateway half of the fake: HELLO on connect, ACK for every heartbeat,
 * READY for IDENTIFY, then whatever dispatches a test sends.
 */
export class FakeGateway {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private sequence = 0;
  identifies: { token: string; intents: number; shard?: [number, number] }[] = [];
  /** The shard each open connection identified as ([id, count]; [0, 1] when it sent none). */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  heartbeats = 0;
  resumes = 0;

  constructor(
    server: Server,
    private readonly applicationId: string,
    private readonly heartbeatIntervalMs: number,
    private readonly gatewayUrl: () => string,
    private readonly guildId: string,
    private readonly channelIds: string[],
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(
      JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === Op.Heartbeat) {
        this.heartbeats++;
        socket.send(JSON.stringify({ op: Op.HeartbeatAck, d: null, s: null, t: null }));
      } else if (packet.op === Op.Resume) {
        // Nothing was missed while the client reconnected: the fake keeps no backlog.
        this.resumes++;
        this.send(socket, 'RESUMED', {});
      } else if (packet.op === Op.Identify) {
        const d = packet.d as { token: string; intents: number; shard?: [number, number] };
        this.identifies.push({ token: d.token, intents: d.intents, ...(d.shard ? { shard: d.shard } : {}) });
        this.shardOf.set(socket, d.shard ?? [0, 1]);
        this.send(socket, 'READY', {
          v: 10,
          user: BOT_USER,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: `session-${this.identifies.length}`,
          resume_gateway_url: this.gatewayUrl(),
          shard: d.shard ?? [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        // With the Guilds intent, each guild in READY arrives in full as GUILD_CREATE.
        this.send(socket, 'GUILD_CREATE', this.guild());
      }
    });
  }

  private guild(): Record<string, unknown> {
    return {
      id: this.guildId,
      name: 'Chronicle test server',
      icon: null,
      owner_id: '900000000000000099',
      unavailable: false,
      member_count: 4,
      joined_at: new Date(0).toISOString(),
      large: false,
      features: [],
      roles: [{ id: this.guildId, name: '@everyone', permissions: '1071698660929', position: 0, color: 0 }],
      channels: this.channelIds.map((id, i) => ({
        id,
        type: 0,
        name: `channel-${i}`,
        position: i,
        guild_id: this.guildId,
      })),
      members: [],
      threads: [],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  private send(socket: WebSocket, event: string, data: unknown): void {
    socket.send(JSON.stringify({ op: Op.Dispatch, t: event, s: ++this.sequence, d: data }));
  }

  /** Sends a dispatch to every connected client. */
  dispatch(event: string, data: unknown): void {
    if (this.sockets.size === 0) throw new Error(`no gateway connection to dispatch ${event} to`);
    for (const socket of this.sockets) this.send(socket, event, data);
  }

  /** Sends a dispatch only to the connection that identified as shard `id`, as Discord routes a guild's events. */
  dispatchToShard(id: number, event: string, data: unknown): void {
    const socket = [...this.shardOf].find(([, shard]) => shard[0] === id)?.[0];
    if (!socket) throw new Error(`no gateway connection identified as shard ${id} to dispatch ${event} to`);
    this.send(socket, event, data);
  }

  get connections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
