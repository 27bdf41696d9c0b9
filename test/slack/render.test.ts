import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, renderReply, type SlackMessage, STASH_PREFIX } from '../../src/adapters/slack/render.js';
import type { Choice, Reply } from '../../src/core/reply.js';

// biome-ignore lint/suspicious/noExplicitAny: walks Block Kit JSON, whose shape varies by block type
type AnyBlock = Record<string, any>;

/** Every Block Kit limit Slack would reject a message for, checked on one message. */
function limitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const blocks = message.blocks as AnyBlock[];
  if (!message.text.trim()) problems.push('empty text fallback');
  if (blocks.length > LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks`);
  const actionIds = new Set<string>();
  const empty = (t: { text: string } | undefined) => t !== undefined && t.text.trim() === '';
  for (const block of blocks) {
    if (empty(block.text)) problems.push(`empty ${block.type} text`);
    for (const e of [...(block.fields ?? []), ...(block.type === 'context' ? block.elements : [])]) {
      if (empty(e)) problems.push(`empty ${block.type} element`);
    }
    for (const e of block.type === 'actions' ? block.elements : []) {
      if (empty(e.text ?? e.placeholder)) problems.push('empty label');
    }
    if (block.type === 'header' && block.text.text.length > LIMITS.headerText) problems.push('long header');
    if (block.type === 'section') {
      if (block.text && block.text.text.length > LIMITS.sectionText) problems.push(`section ${block.text.text.length}`);
      if (block.fields && block.fields.length > LIMITS.fieldsPerSection) problems.push('too many fields');
      for (const field of block.fields ?? []) if (field.text.length > LIMITS.fieldText) problems.push('long field');
    }
    if (block.type === 'context') {
      if (block.elements.length > LIMITS.contextElements) problems.push('too many context elements');
      for (const e of block.elements) if (e.text.length > LIMITS.sectionText) problems.push('long context');
    }
    if (block.type === 'actions') {
      if (block.elements.length > LIMITS.actionsElements) problems.push('too many actions');
      for (const e of block.elements) {
        if (e.action_id.length > LIMITS.actionId) problems.push('long action_id');
        if (actionIds.has(e.action_id)) problems.push(`duplicate action_id ${e.action_id}`);
        actionIds.add(e.action_id);
        if (e.type === 'button') {
          if (e.value.length > LIMITS.buttonValue) problems.push('long button value');
          if (e.text.text.length > LIMITS.buttonText) problems.push('long button text');
        }
        if (e.type === 'static_select') {
          if (e.options.length > LIMITS.selectOptions) problems.push('too many options');
          for (const o of e.options) if (o.value.length > LIMITS.optionValue) problems.push('long option value');
        }
      }
    }
    if (block.type === 'image') {
      if (!block.alt_text?.trim() || block.alt_text.length > LIMITS.imageAltText) problems.push('bad alt_text');
      if (block.image_url.length > LIMITS.imageUrl) problems.push('long image_url');
    }
  }
  return problems;
}

function allText(messages: SlackMessage[]): string {
  return JSON.stringify(messages.flatMap((m) => m.blocks));
}

const paragraph = (i: number) => `Paragraph ${i}: ${'word '.repeat(60).trim()}.`;

describe('Reply → Block Kit', () => {
  it('maps the vocabulary: header, mrkdwn body, inline fields, sources as context, choices as buttons', () => {
    const { messages } = renderReply({
      text: 'Tovuz clashes',
      title: 'July 2020',
      body: '**Tovuz** clashes & <shelling> — see [the article](https://example.org/a?x=1&y=2)\n- first\n- second',
      fields: [
        { name: 'Where', value: 'Tovuz', inline: true },
        { name: 'When', value: '2020-07', inline: true },
      ],
      sources: [
        {
          id: 's1',
          outlet: 'OC Media',
          headline: 'Clashes on the border',
          date: '2020-07-13',
          url: 'https://oc-media.org/x',
        },
      ],
      footer: 'Page 1 of 2',
      choices: [
        { action: 'timeline:page:2', label: 'Next', style: 'primary' },
        { action: 'timeline:page:0', label: 'Previous', style: 'secondary' },
      ],
      visibility: 'channel',
    });
    expect(messages).toHaveLength(1);
    const blocks = messages[0]!.blocks as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'context', 'actions']);
    expect(blocks[1]!.text.text).toBe(
      '*Tovuz* clashes &amp; &lt;shelling&gt; — see <https://example.org/a?x=1&amp;y=2|the article>\n• first\n• second',
    );
    expect(blocks[2]!.fields.map((f: AnyBlock) => f.text)).toEqual(['*Where*\nTovuz', '*When*\n2020-07']);
    expect(blocks[3]!.elements[0].text).toBe('<https://oc-media.org/x|Clashes on the border> — OC Media, 2020-07-13');
    expect(blocks[5]!.elements.map((e: AnyBlock) => [e.value, e.style])).toEqual([
      ['timeline:page:2', 'primary'],
      ['timeline:page:0', undefined],
    ]);
    expect(messages[0]!.text).toBe('Tovuz clashes');
  });

  it('splits a body longer than 3,000 characters into several sections, losing nothing', () => {
    const body = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
    const { messages } = renderReply({ text: 'long', body, visibility: 'private' });
    expect(messages).toHaveLength(1);
    const sections = (messages[0]!.blocks as AnyBlock[]).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (let i = 0; i < 40; i++) expect(allText(messages)).toContain(`Paragraph ${i}:`);
  });

  it('splits a single unbroken 10,000-character word without exceeding a section', () => {
    const { messages } = renderReply({ text: 'x', body: 'x'.repeat(10_000), visibility: 'private' });
    const sections = (messages[0]!.blocks as AnyBlock[]).filter((b) => b.type === 'section');
    expect(sections.map((s) => s.text.text.length)).toEqual([3000, 3000, 3000, 1000]);
  });

  it('spreads more than 50 blocks over several messages, buttons on the last, each with a text fallback', () => {
    const fields = Array.from({ length: 120 }, (_, i) => ({ name: `Event ${i}`, value: paragraph(i) }));
    const { messages } = renderReply({
      text: 'Timeline',
      title: 'October 2020',
      fields,
      choices: [{ action: 'timeline:page:2', label: 'Next' }],
      visibility: 'channel',
    });
    expect(messages.length).toBe(3);
    for (const m of messages) expect(limitProblems(m)).toEqual([]);
    expect((messages.at(-1)!.blocks.at(-1) as AnyBlock).type).toBe('actions');
    expect(messages[1]!.text).toBe('October 2020 (continued, 2/3)');
    for (let i = 0; i < 120; i++) expect(allText(messages)).toContain(`*Event ${i}*`);
  });

  it('cuts past five messages with a note that says so, keeping the buttons', () => {
    const fields = Array.from({ length: 400 }, (_, i) => ({ name: `Event ${i}`, value: `v${i}` }));
    const { messages } = renderReply({
      text: 'Everything',
      title: 'All events',
      fields,
      choices: [{ action: 'timeline:page:2', label: 'Next' }],
      visibility: 'channel',
    });
    expect(messages).toHaveLength(LIMITS.messagesPerReply);
    for (const m of messages) expect(limitProblems(m)).toEqual([]);
    expect(allText(messages)).toContain('cut short: Slack shows at most 5 messages here');
    expect((messages.at(-1)!.blocks.at(-1) as AnyBlock).type).toBe('actions');
  });

  it('fits an edit into one message', () => {
    const fields = Array.from({ length: 80 }, (_, i) => ({ name: `Row ${i}`, value: paragraph(i) }));
    const { messages } = renderReply({ text: 't', fields, visibility: 'channel' }, { maxMessages: 1 });
    expect(messages).toHaveLength(1);
    expect(limitProblems(messages[0]!)).toEqual([]);
  });

  it('keeps button values within 2,000 and action_ids within 255 by stashing long actions', () => {
    const long = `quiz:answer:${'a'.repeat(3000)}`;
    const rendered = renderReply({
      text: 'q',
      choices: [
        { action: long, label: 'L'.repeat(200) },
        { action: 'quiz:answer:1', label: 'B' },
      ],
      visibility: 'channel',
    });
    const actions = rendered.messages[0]!.blocks.at(-1) as AnyBlock;
    const [first, second] = actions.elements;
    expect(first.value.startsWith(STASH_PREFIX)).toBe(true);
    expect(rendered.stash[first.value]).toBe(long);
    expect(first.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect(second.value).toBe('quiz:answer:1');
    expect(limitProblems(rendered.messages[0]!)).toEqual([]);
  });

  it('puts 30 choices into two action rows and grouped choices into a select', () => {
    const choices: Choice[] = Array.from({ length: 30 }, (_, i) => ({ action: `x:${i}`, label: `Choice ${i}` }));
    choices.push(...Array.from({ length: 120 }, (_, i) => ({ action: `t:${i}`, label: `Topic ${i}`, group: 'Topic' })));
    const { messages } = renderReply({ text: 'pick', choices, visibility: 'private' });
    const rows = (messages[0]!.blocks as AnyBlock[]).filter((b) => b.type === 'actions');
    expect(rows.flatMap((r) => r.elements).filter((e: AnyBlock) => e.type === 'button')).toHaveLength(30);
    const selects = rows.flatMap((r) => r.elements).filter((e: AnyBlock) => e.type === 'static_select');
    expect(selects.map((s: AnyBlock) => s.options.length)).toEqual([100, 20]);
    expect(limitProblems(messages[0]!)).toEqual([]);
  });

  it('clips a long title to a valid header and a long text fallback to 3,000', () => {
    const { messages } = renderReply({ text: 'y'.repeat(50_000), title: 'T'.repeat(400), visibility: 'channel' });
    expect(limitProblems(messages[0]!)).toEqual([]);
    expect(messages[0]!.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('uploads a channel picture as a file, and describes a private one instead', () => {
    const image = { png: new Uint8Array([137, 80, 78, 71]), filename: 'map.png', alt: 'Map of Tovuz and Tavush' };
    expect(renderReply({ text: 'm', image, visibility: 'channel' }).upload).toBe(image);
    const privately = renderReply({ text: 'm', image, visibility: 'private' });
    expect(privately.upload).toBeUndefined();
    expect(allText(privately.messages)).toContain('Map of Tovuz and Tavush');
  });

  it('with a picture link (PUBLIC_URL), shows the picture in an image block, public or private, and uploads nothing', () => {
    const image = { png: new Uint8Array([137, 80, 78, 71]), filename: 'map.png', alt: 'Map of Tovuz and Tavush' };
    const imageUrl = `https://chronicle.example.org/pictures/${'a'.repeat(32)}.png`;
    for (const visibility of ['channel', 'private'] as const) {
      const rendered = renderReply({ text: 'm', title: 'Map', image, visibility }, { imageUrl });
      expect(rendered.upload).toBeUndefined();
      expect(rendered.messages[0]!.blocks).toContainEqual({
        type: 'image',
        image_url: imageUrl,
        alt_text: 'Map of Tovuz and Tavush',
      });
      expect(limitProblems(rendered.messages[0]!)).toEqual([]);
    }
    // A link longer than an image block takes is not sent: the picture is uploaded as without PUBLIC_URL.
    const tooLong = renderReply(
      { text: 'm', image, visibility: 'channel' },
      { imageUrl: `https://example.org/${'x'.repeat(LIMITS.imageUrl)}` },
    );
    expect(tooLong.upload).toBe(image);
    expect(tooLong.messages[0]!.blocks.some((b) => b.type === 'image')).toBe(false);
  });

  it('never produces a message Slack would reject, whatever the Reply (property)', () => {
    const text = fc.string({ maxLength: 6000 });
    const reply = fc.record({
      text: fc.string({ minLength: 0, maxLength: 8000 }),
      title: fc.option(fc.string({ maxLength: 500 }), { nil: undefined }),
      body: fc.option(fc.string({ maxLength: 20_000 }), { nil: undefined }),
      fields: fc.option(
        fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: text, inline: fc.boolean() }), {
          maxLength: 150,
        }),
        { nil: undefined },
      ),
      choices: fc.option(
        fc.array(
          fc.record({
            action: fc.string({ minLength: 1, maxLength: 2500 }),
            label: fc.string({ minLength: 1, maxLength: 120 }),
            group: fc.option(fc.constantFrom('Topic', 'Place'), { nil: undefined }),
          }),
          { maxLength: 60 },
        ),
        { nil: undefined },
      ),
      sources: fc.option(
        fc.array(
          fc.record({
            id: fc.string(),
            outlet: fc.string({ maxLength: 100 }),
            headline: fc.string({ maxLength: 400 }),
            date: fc.string({ maxLength: 10 }),
          }),
          { maxLength: 40 },
        ),
        { nil: undefined },
      ),
      footer: fc.option(fc.string({ maxLength: 4000 }), { nil: undefined }),
      visibility: fc.constantFrom('private' as const, 'channel' as const),
    });
    fc.assert(
      fc.property(reply, fc.integer({ min: 1, max: 5 }), (r, maxMessages) => {
        const rendered = renderReply(r as Reply, { maxMessages });
        expect(rendered.messages.length).toBeGreaterThanOrEqual(1);
        expect(rendered.messages.length).toBeLessThanOrEqual(maxMessages);
        for (const m of rendered.messages) expect(limitProblems(m)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('grouped choices', () => {
  it('keeps a short group, like a quiz question’s four answers, as one-click buttons', () => {
    const choices = ['A', 'B', 'C', 'D'].map((l, i) => ({ action: `quiz:answer:g:0:${i}`, label: l, group: 'answer' }));
    const { messages } = renderReply({ text: 'q', choices, visibility: 'channel' });
    const row = messages[0]!.blocks.at(-1) as { elements: { type: string }[] };
    expect(row.elements.map((e) => e.type)).toEqual(['button', 'button', 'button', 'button']);
  });
});
