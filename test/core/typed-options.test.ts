import { describe, expect, expectTypeOf, it } from 'vitest';
import { choicesOf, defineCommand, defineSubcommand } from '../../src/core/command.js';
import { dispatch } from '../../src/core/dispatch.js';
import { harness } from '../support/harness.js';

/** What run() was given, as it was given. */
let seen: unknown;

const counter = defineCommand({
  name: 'count',
  description: 'Counts',
  options: [
    { name: 'to', description: 'How far', type: 'integer', min: 1, max: 9, required: true },
    { name: 'step', description: 'By how much', type: 'integer' },
    { name: 'way', description: 'Which way', type: 'string', choices: choicesOf(['up', 'down']) },
    { name: 'label', description: 'A word', type: 'string' },
  ],
  async run(args) {
    expectTypeOf(args.to).toEqualTypeOf<number>();
    expectTypeOf(args.step).toEqualTypeOf<number | undefined>();
    expectTypeOf(args.way).toEqualTypeOf<'up' | 'down' | undefined>();
    expectTypeOf(args.label).toEqualTypeOf<string | undefined>();
    seen = args;
    return { text: 'counted', visibility: 'private' };
  },
});

const nested = defineCommand({
  name: 'nest',
  description: 'Has a subcommand',
  subcommands: [
    defineSubcommand({
      name: 'pick',
      description: 'Picks',
      options: [{ name: 'which', description: 'One', type: 'string', choices: choicesOf(['a', 'b']), required: true }],
      async run(args) {
        expectTypeOf(args.which).toEqualTypeOf<'a' | 'b'>();
        seen = args;
        return { text: 'picked', visibility: 'private' };
      },
    }),
  ],
});

describe('options declared on a command', () => {
  it('reach run() as numbers, choices and text, checked once by dispatch', async () => {
    const h = await harness();
    await dispatch([counter], { name: 'count', args: { to: ' 7 ', way: 'down', step: undefined } }, h.ctx());
    expect(seen).toEqual({ to: 7, way: 'down' });
    await dispatch([nested], { name: 'nest', subcommand: 'pick', args: { which: 'b' } }, h.ctx());
    expect(seen).toEqual({ which: 'b' });
  });

  it('never reach run() when a value breaks its declaration, with the message users get', async () => {
    const h = await harness();
    seen = undefined;
    await expect(dispatch([counter], { name: 'count', args: { to: '12' } }, h.ctx())).rejects.toThrow(
      'to must be a whole number from 1 to 9; "12" is not. For example: to:1',
    );
    await expect(dispatch([counter], { name: 'count', args: { to: '3', way: 'sideways' } }, h.ctx())).rejects.toThrow(
      'way must be one of: up, down.',
    );
    expect(seen).toBeUndefined();
  });
});
