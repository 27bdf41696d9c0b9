import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/command.js';
import { sleep } from '../support/sleep.js';
import { type Harness, startHarness } from './harness.js';

const slow: Command = {
  name: 'slow',
  description: 'Takes a while',
  async run() {
    await sleep(400);
    return { text: 'slow answer delivered', visibility: 'channel' };
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ commands: [slow], ackBudgetMs: 50 });
});
afterAll(() => h.stop());

describe('a graceful stop while Slack requests are in flight', () => {
  it('waits for the reply in flight, then refuses new commands politely', async () => {
    const inFlight = await h.command('/slow', '');
    expect(inFlight.status).toBe(200);
    const report = await h.lifecycle.stop('test');
    expect(report.abandoned).toBe(0);
    expect(h.fake.callsTo('respond').map((c) => c.body.text)).toContain('slow answer delivered');

    const refused = await h.command('/slow', '');
    expect(refused.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/restarting/) });
  });
});
