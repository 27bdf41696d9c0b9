import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { AdminLookup } from '../../src/adapters/slack/caller.js';
import { createLogger } from '../../src/log.js';

const quiet = createLogger({ level: 'silent' });

/** A users.info that answers after `delayMs`, counting its calls. */
function slackAnswering(admin: boolean, delayMs: number) {
  const calls = { count: 0, answered: 0 };
  const client = {
    users: {
      info: async () => {
        calls.count++;
        await new Promise((r) => setTimeout(r, delayMs));
        calls.answered++;
        return { ok: true, user: { is_admin: admin } };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe('who may manage on Slack', () => {
  it('asks users.info once and remembers the answer', async () => {
    const { client, calls } = slackAnswering(true, 0);
    const admins = new AdminLookup(client, quiet);
    expect(await admins.isAdmin('T1', 'U1')).toBe(true);
    expect(await admins.isAdmin('T1', 'U1')).toBe(true);
    expect(calls.count).toBe(1);
  });

  it('answers "no" when users.info is slower than the ack allows, and uses its late answer next time', async () => {
    const { client, calls } = slackAnswering(true, 200);
    const admins = new AdminLookup(client, quiet, Date.now, 20);
    expect(await admins.isAdmin('T1', 'U1')).toBe(false);
    expect(calls.answered).toBe(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(await admins.isAdmin('T1', 'U1')).toBe(true);
    expect(calls.count).toBe(1);
  });

  it('asks users.info once for a burst of clicks from one user while it is slow', async () => {
    const { client, calls } = slackAnswering(true, 100);
    const admins = new AdminLookup(client, quiet, Date.now, 20);
    expect(await Promise.all([admins.isAdmin('T1', 'U1'), admins.isAdmin('T1', 'U1')])).toEqual([false, false]);
    expect(await admins.isAdmin('T1', 'U1')).toBe(false);
    expect(calls.count).toBe(1);
  });

  it('answers "no" when users.info fails', async () => {
    const client = { users: { info: async () => Promise.reject(new Error('missing_scope')) } };
    const admins = new AdminLookup(client as unknown as webApi.WebClient, quiet);
    expect(await admins.isAdmin('T1', 'U2')).toBe(false);
  });
});
