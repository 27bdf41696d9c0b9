import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { suggest } from '../../src/adapters/discord/autocomplete.js';
import { autocomplete } from '../fakes/discord/interactions.js';
import { fixturePack } from '../support/fixture-pack.js';
import { commandForms, type Harness, interact, startHarness } from './harness.js';

type Choices = { name: string; value: string }[];

/** Every option in the registry that declares an autocomplete source. */
const completing = commandForms(commands).flatMap((form) =>
  form.options
    .filter((o) => o.autocomplete)
    .map((o) => ({ label: `${form.label} ${o.name}`, name: form.name, subcommand: form.subcommand, option: o.name })),
);

describe('autocomplete through discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exists for actor, place, topic and event options in the registry', () => {
    const kinds = new Set(
      commands.flatMap((c) =>
        (c.subcommands?.flatMap((s) => s.options) ?? c.options ?? []).map((o) => o.autocomplete).filter(Boolean),
      ),
    );
    for (const kind of ['actor', 'place', 'topic', 'event']) expect(kinds).toContain(kind);
  });

  it.each(completing)('$label answers with at most 25 choices within the deadline', async (c) => {
    const started = performance.now();
    const answer = await interact(h.fake, autocomplete({ ...c, options: { [c.option]: '' }, focused: c.option }));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(answer.callbackType).toBe(8);
    const choices = answer.message.choices as Choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('finds Stepanakert-style aliases: typing an alias suggests it with the canonical name', async () => {
    const answer = await interact(h.fake, autocomplete({ name: 'who', options: { actor: 'yere' }, focused: 'actor' }));
    expect(answer.message.choices).toEqual([{ name: 'Yerevan (Armenia)', value: 'Yerevan' }]);
  });

  it('suggests events by words of their title, with the date, and the id as the value', async () => {
    const answer = await interact(
      h.fake,
      autocomplete({ name: 'event', options: { event: 'fighting' }, focused: 'event' }),
    );
    expect(answer.message.choices).toEqual([
      { name: '2020-09-27 — Large-scale fighting erupts over Nagorno-Karabakh', value: 'war-begins-2020-09-27' },
    ]);
  });

  it('completes the option being typed when other options are already filled', async () => {
    const answer = await interact(
      h.fake,
      autocomplete({ name: 'timeline', options: { when: '2020', topic: 'tav' }, focused: 'topic' }),
    );
    expect((answer.message.choices as Choices).map((c) => c.value)).toContain('Tavush');
  });
});

describe('suggest', () => {
  it('ranks prefix matches before matches inside a name, and shows each entity once', async () => {
    const pack = await fixturePack();
    const all = suggest(pack, 'topic', 'a');
    expect(all.length).toBeLessThanOrEqual(25);
    const rankOf = (value: string) => {
      const v = value.toLowerCase();
      return v.startsWith('a') ? 0 : / a/.test(v) ? 1 : 2;
    };
    const ranks = all.map((s) => rankOf(s.value));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(new Set(ranks).size).toBeGreaterThan(1);
    expect(new Set(all.map((s) => s.value.toLowerCase())).size).toBe(all.length);
  });

  it('matches without diacritics: "atesci" finds Ulaş Ateşçi', async () => {
    const pack = await fixturePack();
    expect(suggest(pack, 'actor', 'atesci').map((s) => s.value)).toContain('Ulaş Ateşçi');
  });

  it('answers with nothing rather than failing on text that matches nothing', async () => {
    const pack = await fixturePack();
    expect(suggest(pack, 'place', 'zzzz-no-such-place')).toEqual([]);
  });
});
