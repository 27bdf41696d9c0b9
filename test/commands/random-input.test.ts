import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { renderReply } from '../../src/adapters/console/render.js';
import type { OptionSpec } from '../../src/core/command.js';
import { dispatch } from '../../src/core/dispatch.js';
import { isUserError } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/reply.js';
import { fixturePack } from '../support/fixture-pack.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

/** Random text, plus values that have broken parsers before: near-dates, ranges, JS words. */
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '2020-10',
    '2020-13',
    '2020-02-30',
    '..',
    '2020..',
    '2021..2020',
    '2020-10-04..2020-09-27..2021',
    'Toyuz',
    'artsakh',
    '-1',
    '0',
    '21',
    '1e3',
    '99999999999999999999',
    ' ',
    '"',
    'undefined',
    'NaN',
    '__proto__',
    'constructor',
    'toString',
    '%',
    '%E0%A4%A',
    '\u202E01-0202',
    '2020\u0000-10',
    '\u001b[2J',
    'Tovuz\u200B',
  ),
);

const STACK = /\n\s+at .+\(.+:\d+:\d+\)/;
/** Controls (but newline and tab) and format characters such as RTL overrides: never echoed back. */
const INVISIBLE = /(?![\n\t])[\p{Cc}\p{Cf}]/u;
const LEAKS = ['undefined', 'NaN', '[object Object]'];

/** No stack trace, and none of the words a bug leaks, unless the user typed that word themselves. */
function assertClean(text: string, inputs: string): void {
  expect(text).not.toMatch(STACK);
  for (const word of LEAKS) if (!inputs.includes(word)) expect(text).not.toContain(word);
}

async function survives(call: () => Promise<Reply>, inputs: string): Promise<void> {
  try {
    const reply = await call();
    assertClean(reply.text, inputs);
    expect(renderReply(reply)).not.toMatch(INVISIBLE);
    assertClean(renderReply(reply), inputs);
  } catch (error) {
    if (!isUserError(error)) throw error;
    assertClean(error.message, inputs);
    expect(error.message).not.toMatch(INVISIBLE);
  }
}

/** Every (command, subcommand, options) a user can reach. */
interface Target {
  name: string;
  subcommand?: string;
  options: readonly OptionSpec[];
}
const targets: Target[] = commands.flatMap((c): Target[] =>
  c.subcommands
    ? c.subcommands.map((s) => ({ name: c.name, subcommand: s.name, options: s.options }))
    : [{ name: c.name, options: c.options ?? [] }],
);

describe.each([
  ['fixture pack', fixturePack],
  ['rich pack', async () => richPack()],
])('random input on the %s', (_label, packOf) => {
  it.each(targets.map((t): [string, Target] => [`/${t.name}${t.subcommand ? ` ${t.subcommand}` : ''}`, t]))(
    '%s answers every option value with a reply or a UserError',
    async (_name, target) => {
      const h = await harness({ pack: await packOf() });
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            Object.fromEntries(target.options.map((o) => [o.name, fc.option(value, { nil: undefined })])),
          ) as fc.Arbitrary<Record<string, string | undefined>>,
          async (args) => {
            await survives(
              () =>
                dispatch(
                  commands,
                  { name: target.name, subcommand: target.subcommand, args },
                  h.ctx({ userId: 'fuzz' }),
                ),
              JSON.stringify(args),
            );
            // A fuzzed quiz must not block the next run's start.
            await h.store.delete('quiz:game:discord:c1');
          },
        ),
        { numRuns: 120 },
      );
    },
  );

  it('answers random choice actions with a reply or a UserError', async () => {
    const h = await harness({ pack: await packOf() });
    const prefixes = fc.constantFrom(
      'timeline:page:',
      'timeline:page:1:2020:',
      'quiz:answer:abc:0:',
      'event:show:',
      'fact:next:',
      'sources:page:',
      'quiz:answer:',
      'quiz:',
      '',
    );
    await fc.assert(
      fc.asyncProperty(prefixes, value, async (prefix, rest) => {
        await survives(() => h.click(`${prefix}${rest}`), rest);
      }),
      { numRuns: 300 },
    );
  });

  it('answers random typed lines with a reply or a UserError', async () => {
    const h = await harness({ pack: await packOf() });
    const names = fc.constantFrom(...commands.map((c) => `/${c.name}`), '/quiz start', '/quiz stop', '/nope');
    await fc.assert(
      fc.asyncProperty(names, fc.array(value, { maxLength: 4 }), async (name, words) => {
        await survives(() => h.run(`${name} ${words.join(' ')}`), words.join(' '));
        await h.store.delete('quiz:game:discord:c1');
      }),
      { numRuns: 200 },
    );
  });
});
