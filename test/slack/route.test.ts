import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { INPUT_CALLBACK_ID } from '../../src/adapters/slack/modal.js';
import { CHOICE_ACTION_PREFIX } from '../../src/adapters/slack/render.js';
import { routeRequests } from '../../src/adapters/slack/route.js';

/** Which route took a request, or 'next' when it went on down Bolt's chain. */
async function routed(args: Record<string, unknown>): Promise<string> {
  let took = 'none';
  const route = routeRequests({
    command: async () => {
      took = 'command';
    },
    choice: async () => {
      took = 'choice';
    },
    submission: async () => {
      took = 'submission';
    },
  }) as Middleware<AnyMiddlewareArgs>;
  await route({
    body: {},
    ...args,
    next: async () => {
      took = 'next';
    },
  } as never);
  return took;
}

describe('routeRequests: what app.command, app.action and app.view matched, in one middleware', () => {
  it('takes every slash command', async () => {
    expect(await routed({ command: { command: '/chronicle', text: 'help' } })).toBe('command');
    expect(await routed({ command: { command: '/timeline', text: '2020-10' } })).toBe('command');
    expect(await routed({ command: { command: '/' } })).toBe('next');
  });

  it("takes a block action only when its action_id is one of Chronicle's choices", async () => {
    const body = { type: 'block_actions' };
    expect(await routed({ body, action: { type: 'button', action_id: `${CHOICE_ACTION_PREFIX}x` } })).toBe('choice');
    expect(await routed({ body, action: { type: 'button', action_id: 'someone-else' } })).toBe('next');
    expect(await routed({ body, action: { type: 'button', action_id: `x${CHOICE_ACTION_PREFIX}` } })).toBe('next');
    // A legacy attachment action has no action_id.
    expect(await routed({ body: { type: 'interactive_message' }, action: { name: 'a', value: 'b' } })).toBe('next');
  });

  it("takes the answer box's submission, and no other view", async () => {
    const submit = { type: 'view_submission' };
    expect(await routed({ body: submit, view: { callback_id: INPUT_CALLBACK_ID } })).toBe('submission');
    expect(await routed({ body: submit, view: { callback_id: 'another' } })).toBe('next');
    expect(await routed({ body: { type: 'view_closed' }, view: { callback_id: INPUT_CALLBACK_ID } })).toBe('next');
  });

  it('passes anything else on', async () => {
    expect(await routed({ event: { type: 'app_mention' } })).toBe('next');
  });
});
