import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { APOLOGY } from '../../src/adapters/discord/interactions.js';
import { exampleOf } from '../../src/core/command.js';
import { samplesOf } from '../../src/core/samples.js';
import { ALICE, slashCommand } from '../fakes/discord/interactions.js';
import { fixturePack } from '../support/fixture-pack.js';
import { commandForms, type Harness, interact, startHarness, textOf } from './harness.js';
import { expectValidMessage, type MessageJson } from './validate.js';

/** Each command once, with every option it has an example for, from the pack: what a person would try first. */
const samples = samplesOf(await fixturePack());
const calls = commandForms(commands).map((form) => ({
  label: form.label,
  name: form.name,
  subcommand: form.subcommand,
  options: Object.fromEntries(
    form.options.flatMap((o) => {
      const example = exampleOf(o, samples)?.replace(/^"(.*)"$/, '$1');
      return example === undefined ? [] : [[o.name, o.type === 'integer' ? Number(example) : example]];
    }),
  ),
}));

describe('every registered command through discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('covers the whole registry', () => {
    expect(calls.length).toBeGreaterThanOrEqual(commands.length);
  });

  it.each(calls)('$label answers within the limits, never with an apology or a leak', async (call) => {
    const answer = await interact(h.fake, slashCommand(call));
    expect(answer.callbackType).toBe(4);
    const messages = [
      answer.message,
      ...answer.requests
        .filter((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'))
        .map((r) => r.body as Record<string, unknown>),
    ];
    for (const message of messages) {
      expectValidMessage(message as MessageJson);
      const text = textOf(message);
      expect(text).not.toContain(APOLOGY);
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN|\bat .+\.ts:\d+/);
    }
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('/sources lists the pack’s articles with outlet and headline', async () => {
    const answer = await interact(h.fake, slashCommand({ name: 'sources' }));
    const text = textOf(answer.message);
    for (const source of h.pack.sources.values()) {
      expect(text).toContain(source.outlet);
      expect(text).toContain(source.headline);
    }
  });

  it('/timeline 2020 shows the fixture’s events in order, publicly', async () => {
    const answer = await interact(h.fake, slashCommand({ name: 'timeline', options: { when: '2020' } }));
    expect(answer.ephemeral).toBe(false);
    const text = textOf(answer.message);
    const titles = h.pack.chronological.map((e) => e.title).filter((t) => text.includes(t));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.map((t) => text.indexOf(t))).toEqual([...titles.map((t) => text.indexOf(t))].sort((a, b) => a - b));
  });

  it('/who finds an actor by an alias', async () => {
    const answer = await interact(h.fake, slashCommand({ name: 'who', options: { actor: 'Yerevan' } }));
    expect(textOf(answer.message)).toContain('Armenia');
  });

  it('/help names every command', async () => {
    const answer = await interact(h.fake, slashCommand({ name: 'help' }));
    const text = textOf(answer.message);
    for (const command of commands) expect(text).toContain(command.name);
  });

  it('a user mistake comes back privately with what to do, and is not logged as an error', async () => {
    const answer = await interact(
      h.fake,
      slashCommand({ name: 'timeline', options: { when: '2020-13' }, user: ALICE }),
    );
    expect(answer.ephemeral).toBe(true);
    expect(textOf(answer.message)).toMatch(/2020-13/);
    expect(textOf(answer.message)).not.toContain(APOLOGY);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
