import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../src/adapters/slack/outcome.js';
import { type Command, onChoice } from '../../src/core/command.js';
import { UserError } from '../../src/core/errors.js';
import { anyAction } from '../support/any-action.js';
import { sleep } from '../support/sleep.js';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

/** Small commands that exercise the adapter's paths without depending on the engine's content. */
const testCommands: Command[] = [
  {
    name: 'echo',
    description: 'Says the words back',
    options: [
      { name: 'words', description: 'What to say', type: 'string', required: true },
      { name: 'times', description: 'How often', type: 'integer', min: 1, max: 3 },
    ],
    async run(args, ctx) {
      const said = Array.from({ length: Number(args.times ?? 1) }, () => args.words).join(' ');
      return {
        text: said,
        title: 'Echo',
        body: `**${said}** for ${ctx.caller.userName}`,
        visibility: 'channel',
        choices: [{ action: 'echo:again', label: 'Again' }],
      };
    },
    actions: [
      onChoice(anyAction('echo'), (action, ctx) => ({
        text: `clicked ${action} by ${ctx.caller.userId}`,
        visibility: 'private',
      })),
    ],
  },
  {
    name: 'boom',
    description: 'Always fails',
    options: [{ name: 'what', description: 'Anything', type: 'string' }],
    async run() {
      throw new Error('kaboom while reading the pack');
    },
  },
  {
    name: 'oops',
    description: 'A user mistake',
    async run() {
      throw new UserError('2020-13 is not a month; try 2020-10');
    },
  },
  {
    name: 'slow',
    description: 'Takes longer than the ack budget',
    async run() {
      await sleep(300);
      return { text: 'finally done', visibility: 'channel' };
    },
  },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ commands: testCommands, ackBudgetMs: 100 });
});
afterAll(() => h.stop());

describe('slash commands through the real Bolt app', () => {
  it('answers a quick command in the ack itself, in channel, with Block Kit and a text fallback', async () => {
    const answer = await h.command('/echo', 'hello times:2');
    expect(answer.status).toBe(200);
    const body = answer.body as { response_type: string; text: string; blocks: { type: string }[] };
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toBe('hello hello');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions']);
    expect(JSON.stringify(body.blocks)).toContain('*hello hello* for alice');
  });

  it('shows a user mistake privately, with the fix', async () => {
    const answer = await h.command('/oops', '');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: '2020-13 is not a month; try 2020-10' });
  });

  it('validates options with the shared parser: a bad integer is an ephemeral, actionable message', async () => {
    const answer = await h.command('/echo', 'hi times:9');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect((answer.body as { text: string }).text).toMatch(/times must be a whole number from 1 to 3/);
  });

  it('reaches any command through /chronicle, and names the nearest one for a typo', async () => {
    const viaUmbrella = await h.command('/chronicle', 'echo hi');
    expect(viaUmbrella.body).toMatchObject({ response_type: 'in_channel', text: 'hi' });
    const typo = await h.command('/chronicle', 'ecko hi');
    // Named as this workspace's manifest (namespaced by default) answers it.
    expect((typo.body as { text: string }).text).toMatch(/Did you mean \/chronicle echo\?/);
  });

  it('acks a slow command empty within the budget, then delivers through response_url', async () => {
    const before = h.fake.callsTo('respond').length;
    const started = Date.now();
    const answer = await h.command('/slow', '');
    expect(Date.now() - started).toBeLessThan(290);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const [late] = await h.fake.waitForCount((c) => c.method === 'respond' && c.body.text === 'finally done', 1);
    expect(late?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(h.fake.callsTo('respond').length).toBe(before + 1);
  });

  it('turns a throwing handler into a polite ephemeral reply and logs the error with context, not content', async () => {
    const answer = await h.command('/boom', 'secret words nobody should log');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: APOLOGY });
    const line = h.logs.find((l) => l.level >= 50 && l.command === 'boom');
    expect(line).toMatchObject({ platform: 'slack', outcome: 'error', userId: ALICE.id, channelId: CHANNEL });
    expect(JSON.stringify(line)).toContain('kaboom while reading the pack');
    expect(JSON.stringify(h.logs)).not.toContain('secret words nobody should log');
    expect(JSON.stringify(h.logs)).not.toContain('xoxb-');
  });

  it('routes a clicked choice to its command and answers the clicker privately', async () => {
    await h.click('echo:again', ALICE, '1700000000.000100');
    const reply = await h.fake.waitFor(
      (c) => c.method === 'respond' && c.body.text === `clicked echo:again by ${ALICE.id}`,
    );
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('tells the clicker a button is no longer active when no command owns it', async () => {
    await h.click('gone:1', ALICE, '1700000000.000100');
    const reply = await h.fake.waitFor(
      (c) => c.method === 'respond' && c.body.text === 'That button is no longer active.',
    );
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
  });
});

describe('request verification', () => {
  it('rejects a forged signature with 401 and runs nothing', async () => {
    const calls = h.fake.calls.length;
    const answer = await h.command('/echo', 'forged', ALICE, { secret: 'not-the-secret' });
    expect(answer.status).toBe(401);
    expect(h.fake.calls.length).toBe(calls);
  });

  it('rejects a correctly signed request whose timestamp is more than 5 minutes old', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const answer = await h.command('/echo', 'replayed', ALICE, { timestamp: sixMinutesAgo });
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain('replayed');
  });

  it('rejects a request without signature headers', async () => {
    const answer = await h.raw('command=%2Fecho&text=hi', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(401);
  });
});
