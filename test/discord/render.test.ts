import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/adapters/discord/limits.js';
import { customIdFor, renderReply } from '../../src/adapters/discord/render.js';
import type { Choice, Reply } from '../../src/core/reply.js';
import { pictureKey } from '../../src/pictures/key.js';
import { expectValidMessage } from './validate.js';

const squash = (s: string) => s.replace(/\s+/g, '');

const words = (max: number) =>
  fc.array(fc.stringMatching(/^[A-Za-zəü0-9*_]{1,30}$/), { minLength: 1, maxLength: max }).map((w) => w.join(' '));

const choiceArb: fc.Arbitrary<Choice> = fc.record({
  action: fc.oneof(
    fc.stringMatching(/^quiz:answer:[a-z0-9]{1,20}$/),
    fc.stringMatching(/^timeline:page:[a-z0-9:]{80,160}$/),
  ),
  label: fc.string({ minLength: 0, maxLength: 120 }),
  style: fc.constantFrom('primary', 'secondary', 'success', 'danger' as const),
});

const replyArb: fc.Arbitrary<Reply> = fc.record(
  {
    text: words(40),
    title: fc.string({ minLength: 1, maxLength: 400 }),
    body: fc.oneof(words(50), words(3_000)),
    fields: fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: words(400), inline: fc.boolean() }), {
      maxLength: 40,
    }),
    choices: fc.array(choiceArb, { maxLength: 40 }),
    sources: fc.array(
      fc.record({
        id: fc.string(),
        outlet: words(4),
        headline: words(30),
        date: fc.constant('2020-09-28'),
        url: fc.constant('https://example.org/a'),
      }),
      { maxLength: 30 },
    ),
    footer: words(10),
    visibility: fc.constantFrom('private', 'channel' as const),
  },
  { requiredKeys: ['text', 'visibility'] },
);

describe('renderReply', () => {
  it('keeps every message within the limits discord.js builders enforce, losing no text', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const { messages, longActions } = renderReply(reply);
        for (const m of messages) expectValidMessage(m);
        const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('');
        if (reply.body) expect(squash(descriptions)).toContain(squash(reply.body));
        const fieldText = squash(
          messages
            .flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))
            .map((f) => f.value)
            .join(''),
        );
        for (const field of reply.fields ?? []) expect(fieldText).toContain(squash(field.value));
        const ids = messages.flatMap((m) => m.components.flatMap((r) => r.components.map((c) => c.custom_id)));
        const actions = new Set((reply.choices ?? []).map((c) => c.action));
        expect(ids.map((id) => longActions.get(id) ?? id).sort()).toEqual([...actions].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('puts a short text-only reply in the message content', () => {
    const { messages } = renderReply({ text: 'You already answered this round.', visibility: 'private' });
    expect(messages).toEqual([{ content: 'You already answered this round.', embeds: [], components: [], files: [] }]);
  });

  it('splits long plain text at 2,000 characters without cutting words', () => {
    const text = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const { messages } = renderReply({ text, visibility: 'channel' });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expectValidMessage(m);
    expect(messages.map((m) => m.content).join(' ')).toBe(text);
  });

  it('paginates a long body into embeds marked "Part i of n", with the buttons on the last', () => {
    const body = Array.from({ length: 400 }, (_, i) => `**2020-10-${(i % 28) + 1}** Event number ${i} happened.`).join(
      '\n',
    );
    const { messages } = renderReply({
      text: body,
      title: 'October 2020',
      body,
      choices: [{ action: 'timeline:next', label: 'Next' }],
      visibility: 'channel',
    });
    expect(messages.length).toBeGreaterThan(2);
    messages.forEach((m, i) => {
      expectValidMessage(m);
      expect(m.embeds[0]?.footer?.text).toBe(`Part ${i + 1} of ${messages.length}`);
      expect(m.components.length).toBe(i === messages.length - 1 ? 1 : 0);
    });
    expect(messages[0]?.embeds[0]?.title).toBe('October 2020');
  });

  it('lays 12 buttons out five to a row and 30 over two messages', () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ action: `x:${i}`, label: `Option ${i}` }));
    const twelve = renderReply({ text: 'pick', title: 'Pick', choices: choices(12), visibility: 'channel' });
    expect(twelve.messages[0]?.components.map((r) => r.components.length)).toEqual([5, 5, 2]);
    const thirty = renderReply({ text: 'pick', title: 'Pick', choices: choices(30), visibility: 'channel' });
    expect(thirty.messages.map((m) => m.components.flatMap((r) => r.components).length)).toEqual([25, 5]);
    for (const m of thirty.messages) expectValidMessage(m);
  });

  it('starts a new row for each group of choices', () => {
    const { messages } = renderReply({
      text: 'q',
      title: 'q',
      choices: [
        { action: 'a:1', label: '1', group: 'answers' },
        { action: 'a:2', label: '2', group: 'answers' },
        { action: 'nav:next', label: 'Next', group: 'nav' },
      ],
      visibility: 'channel',
    });
    expect(messages[0]?.components.map((r) => r.components.map((c) => c.custom_id))).toEqual([
      ['a:1', 'a:2'],
      ['nav:next'],
    ]);
  });

  it('replaces an action longer than 100 characters by a stable id and reports the mapping', () => {
    const action = `timeline:page:${'x'.repeat(150)}`;
    const { messages, longActions } = renderReply({
      text: 't',
      title: 't',
      choices: [{ action, label: 'Next' }],
      visibility: 'channel',
    });
    const id = messages[0]?.components[0]?.components[0]?.custom_id as string;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toBe(customIdFor(action));
    expect(longActions.get(id)).toBe(action);
  });

  it('attaches the image to the first message and shows it in the embed, with its alt text', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const { messages } = renderReply({
      text: 'map',
      title: 'Map',
      image: { png, filename: 'map of tavush.png', alt: 'Map showing Tavush and Tovuz' },
      visibility: 'channel',
    });
    const name = `map_of_tavush-${pictureKey(png).slice(0, 16)}.png`;
    expect(messages[0]?.files).toEqual([{ name, data: png, description: 'Map showing Tavush and Tovuz' }]);
    expect(messages[0]?.embeds[0]?.image?.url).toBe(`attachment://${name}`);
  });

  it('names an attached picture by its content: the same picture the same name, another picture another', () => {
    const nameOf = (bytes: number[]) =>
      renderReply({
        text: 'map',
        image: { png: new Uint8Array(bytes), filename: 'map.png', alt: 'Map' },
        visibility: 'channel',
      }).messages[0]?.files[0]?.name;
    expect(nameOf([1, 2, 3])).toMatch(/^map-[0-9a-f]{16}\.png$/);
    expect(nameOf([1, 2, 3])).toBe(nameOf([1, 2, 3]));
    expect(nameOf([1, 2, 4])).not.toBe(nameOf([1, 2, 3]));
  });

  it('with a picture link (PUBLIC_URL), shows it in the embed and attaches nothing; a link too long for Discord falls back to the file', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const reply = {
      text: 'map',
      title: 'Map',
      image: { png, filename: 'map.png', alt: 'Map showing Tavush and Tovuz' },
      visibility: 'channel' as const,
    };
    const url = `https://chronicle.example.org/pictures/${'a'.repeat(32)}.png`;
    const linked = renderReply(reply, { imageUrl: url }).messages[0];
    expect(linked?.files).toEqual([]);
    expect(linked?.embeds[0]?.image).toEqual({ url });
    expectValidMessage(linked!);

    const tooLong = renderReply(reply, { imageUrl: `https://example.org/${'x'.repeat(LIMITS.imageUrl)}` }).messages[0];
    const name = `map-${pictureKey(png).slice(0, 16)}.png`;
    expect(tooLong?.files.map((f) => f.name)).toEqual([name]);
    expect(tooLong?.embeds[0]?.image?.url).toBe(`attachment://${name}`);
  });

  it('cites sources in the footer, or in fields with links when they do not fit there', () => {
    const source = (i: number) => ({
      id: `s${i}`,
      outlet: 'World Socialist Web Site',
      headline: `Armenian-Azeri conflict erupts in Caucasus, part ${i}`,
      date: '2020-09-28',
      url: `https://www.wsws.org/${i}`,
    });
    const few = renderReply({ text: 't', title: 't', sources: [source(1)], visibility: 'channel' });
    expect(few.messages[0]?.embeds[0]?.footer?.text).toBe(
      'Sources: World Socialist Web Site, "Armenian-Azeri conflict erupts in Caucasus, part 1" (2020-09-28)',
    );
    const many = renderReply({
      text: 't',
      title: 't',
      sources: Array.from({ length: 40 }, (_, i) => source(i)),
      visibility: 'channel',
    });
    const fields = many.messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(fields[0]?.name).toBe('Sources');
    expect(fields.map((f) => f.value).join('\n')).toContain('[World Socialist Web Site](https://www.wsws.org/39)');
    for (const m of many.messages) expectValidMessage(m);
  });

  it('squeezes a reply into one message for edits, keeping the buttons', () => {
    const body = 'x '.repeat(9_000);
    const { messages } = renderReply(
      { text: body, title: 'Round 1', body, choices: [{ action: 'quiz:a:1', label: 'A' }], visibility: 'channel' },
      { single: true },
    );
    expect(messages).toHaveLength(1);
    expectValidMessage(messages[0] as (typeof messages)[0]);
    expect(messages[0]?.components[0]?.components[0]?.custom_id).toBe('quiz:a:1');
    expect(messages[0]?.embeds[0]?.footer?.text).toBe('Shortened to fit one message');
  });
});
