import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/command.js';
import { PLATFORMS } from '../../src/core/command.js';
import { dispatch } from '../../src/core/dispatch.js';
import { caller, harness } from '../support/harness.js';

const said = (text: string) => async () => ({ text, visibility: 'private' as const });

/** A command with one managers' subcommand, one open one, and a command wholly for managers. */
const declared: Command[] = [
  {
    name: 'garden',
    description: 'A test command',
    subcommands: [
      { name: 'prune', description: 'For managers', options: [], requires: 'manage', run: said('pruned') },
      { name: 'look', description: 'For anyone', options: [], run: said('looked') },
    ],
  },
  { name: 'gate', description: 'For managers only', requires: 'manage', options: [], run: said('opened') },
];

describe('a declared permission', () => {
  it.each(PLATFORMS)('is refused on %s to a caller who cannot manage, naming what anyone can use', async (platform) => {
    const h = await harness();
    const ctx = { ...h.ctx(), caller: caller({ platform, canManage: false }) };
    const where = platform === 'slack' ? 'workspace' : 'server';
    await expect(dispatch(declared, { name: 'garden', subcommand: 'prune', args: {} }, ctx)).rejects.toThrow(
      `Only someone who can manage this ${where} (Discord: Manage Server or Manage Channels; Slack: a workspace admin) can use /garden prune. Anyone can use /garden look.`,
    );
    await expect(dispatch(declared, { name: 'gate', args: {} }, ctx)).rejects.toThrow(/can use \/gate\.$/);
    expect((await dispatch(declared, { name: 'garden', subcommand: 'look', args: {} }, ctx)).text).toBe('looked');
  });

  it.each(PLATFORMS)('lets a caller who can manage on %s through', async (platform) => {
    const h = await harness();
    const ctx = { ...h.ctx(), caller: caller({ platform, canManage: true }) };
    expect((await dispatch(declared, { name: 'garden', subcommand: 'prune', args: {} }, ctx)).text).toBe('pruned');
    expect((await dispatch(declared, { name: 'gate', args: {} }, ctx)).text).toBe('opened');
  });
});
