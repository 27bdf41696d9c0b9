import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What Slack pushes down a Socket Mode connection: one request, waiting for its ack. */
export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api';
  accepts_response_payload: boolean;
  payload: Record<string, unknown>;
}

/** One WebSocket a client opened, and how it ended. */
export interface SocketConnection {
  /** The request path with its query (the ticket apps.connections.open handed out). */
  path: string;
  openedAt: number;
  /** Set once the socket is closed: the close code the fake saw (1000 when the client closed it normally). */
  closed?: { code: number; reason: string; at: number };
}

interface PendingAck {
  resolve: (payload: Record<string, unknown>) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A local stand-in for Slack's Socket Mode endpoint, on 127.0.0.1 only.
 * Each connection is greeted with `hello` as Slack does; `send` pushes an
 * envelope down the newest open connection and resolves with the payload
 * of the client's ack for it. Pings are answered by `ws` itself, as
 * Slack's server answers the client's keepalive pings.
 */
export class FakeSlackSocket {
  readonly connections: SocketConnection[] = [];
  /** Every ack received, in order, with its envelope id. */
  readonly acks: { envelope_id: string; payload: Record<string, unknown> }[] = [];
  /** Anything the client sent that was not an ack (Slack would ignore it; a test should see none). */
  readonly unexpected: string[] = [];
  private wss?: WebSocketServer;
  private port = 0;
  private nextEnvelope = 1;
  private readonly open = new Map<SocketConnection, WebSocket>();
  private readonly pending = new Map<string, PendingAck>();
  private readonly connectWaiters: (() => void)[] = [];
  private readonly closeWaiters: (() => void)[] = [];

  constructor(private readonly appId = 'A0APP') {}

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.wss.on('connection', (socket, req) => this.accept(socket, req.url ?? '/'));
    await once(this.wss, 'listening');
    this.port = (this.wss.address() as AddressInfo).port;
    return this;
  }

  /** What apps.connections.open should answer (Slack's is wss://; plain ws:// on loopback). */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/link/?ticket=fake-ticket&app_id=${this.appId}`;
  }

  get openConnections(): number {
    return this.open.size;
  }

  private accept(socket: WebSocket, path: string): void {
    const connection: SocketConnection = { path, openedAt: Date.now() };
    this.connections.push(connection);
    this.open.set(connection, socket);
    socket.on('message', (raw) => this.receive(String(raw)));
    socket.on('close', (code, reason) => {
      connection.closed = { code, reason: String(reason), at: Date.now() };
      this.open.delete(connection);
      for (const wake of this.closeWaiters.splice(0)) wake();
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.open.size,
        debug_info: { host: 'fake-socket', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    for (const wake of this.connectWaiters.splice(0)) wake();
  }

  private receive(text: string): void {
    let message: { envelope_id?: string; payload?: Record<string, unknown> };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      message = {};
    }
    if (!message.envelope_id) {
      this.unexpected.push(text);
      return;
    }
    const payload = message.payload ?? {};
    this.acks.push({ envelope_id: message.envelope_id, payload });
    const waiter = this.pending.get(message.envelope_id);
    if (!waiter) return;
    this.pending.delete(message.envelope_id);
    clearTimeout(waiter.timer);
    waiter.resolve(payload);
  }

  private newest(): WebSocket {
    const socket = [...this.open.values()].at(-1);
    if (!socket) throw new Error('no open Socket Mode connection');
    return socket;
  }

  /** Pushes an envelope (an id is made up when it has none); resolves with its ack's payload. */
  send(
    envelope: Omit<Envelope, 'envelope_id'> & { envelope_id?: string },
    timeoutMs = 3_000,
  ): Promise<Record<string, unknown>> {
    const id = envelope.envelope_id ?? `env-${this.nextEnvelope++}`;
    const socket = this.newest();
    return new Promise((resolve, reject) => {
      // Slack itself gives up on an unacked envelope after 3 s and retries it.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no ack for envelope ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ ...envelope, envelope_id: id }));
    });
  }

  /** Sends Slack's `disconnect` message (it asks the client to reconnect, e.g. before a server restarts). */
  requestDisconnect(reason = 'refresh_requested'): void {
    this.newest().send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket' } }));
  }

  /** Resolves once `count` connections have been opened in all. */
  async waitForConnections(count: number, timeoutMs = 5_000): Promise<void> {
    await this.until(() => this.connections.length >= count, this.connectWaiters, timeoutMs, `${count} connections`);
  }

  /** Resolves once no connection is open. */
  async waitForAllClosed(timeoutMs = 5_000): Promise<void> {
    await this.until(() => this.open.size === 0, this.closeWaiters, timeoutMs, 'every connection closed');
  }

  private async until(done: () => boolean, waiters: (() => void)[], timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Socket Mode fake: waited ${timeoutMs} ms for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new Error('Socket Mode fake stopped'));
    }
    this.pending.clear();
    for (const socket of this.open.values()) socket.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}
