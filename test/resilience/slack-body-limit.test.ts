import { createServer, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boundTimeouts,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_IDLE_MS,
  MAX_BODY_BYTES,
  REQUEST_TIMEOUT_MS,
  SOCKET_IDLE_MS,
} from '../../src/adapters/slack/body-limit.js';
import { type Harness, sign, startHarness } from '../slack/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** Sends headers and only as much of a body as given, as an attacker declaring 50 MB would. */
function post(headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(h.eventsUrl, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => {
        text += String(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.setTimeout(3_000, () => req.destroy(new Error('no answer within 3 s')));
    req.flushHeaders();
    if (body) req.write(body);
    // Deliberately not ended when a huge length is declared: the answer must come without the body.
    if (!headers['content-length'] || Number(headers['content-length']) <= body.length) req.end();
  });
}

describe('request bodies on the Slack port', () => {
  it('are refused with 413 when declared over the limit, before any of the body arrives', async () => {
    const answer = await post({ 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain(String(MAX_BODY_BYTES));
  });

  it('are refused with 411 when sent without a declared length', async () => {
    const answer = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, '{}');
    expect(answer.status).toBe(411);
  });

  it('under the limit still reach the signature check (unsigned: 401)', async () => {
    const body = 'payload=%7B%7D';
    const answer = await post(
      { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
      body,
    );
    expect(answer.status).toBe(401);
  });
});

describe('malformed bodies on the Slack port', () => {
  const signedHeaders = (body: string, type = 'application/x-www-form-urlencoded') => {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      'content-type': type,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
    };
  };

  it('get 400 when signed but not a payload Bolt can read (payload=null, an array, broken JSON), and the bot serves on', async () => {
    for (const [body, type] of [
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=%5B1%5D', 'application/x-www-form-urlencoded'],
      ['payload=%7Bnope', 'application/x-www-form-urlencoded'],
      ['null', 'application/json'],
    ] as const) {
      const answer = await h.raw(body, signedHeaders(body, type));
      expect(answer.status, body).toBe(400);
    }
    expect((await h.command('/timeline', '2020-10')).status).toBe(200);
  });

  it('get 400 unsigned too, before anything reads their fields', async () => {
    const answer = await post({ 'content-type': 'application/json', 'content-length': '4' }, 'null');
    expect(answer.status).toBe(400);
  });
});

describe('connections on the Slack port', () => {
  it('are cut off when headers, the request or the line itself sit idle past their limits', () => {
    const server = createServer();
    boundTimeouts(server);
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_IDLE_MS);
    expect(server.timeout).toBe(SOCKET_IDLE_MS);
  });
});
