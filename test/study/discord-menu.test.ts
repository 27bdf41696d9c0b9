import { describe, expect, it } from 'vitest';
import { MENU_PREFIX, renderReply } from '../../src/adapters/discord/render.js';
import type { Reply } from '../../src/core/reply.js';
import { expectValidMessage } from '../discord/validate.js';

describe('Discord select menus for choices with a menu', () => {
  it('puts each menu in its own row before the buttons, values carrying the actions (long ones hashed)', () => {
    const long = `quiz:pick:${'x'.repeat(120)}:0`;
    const reply: Reply = {
      text: 'Order these',
      visibility: 'channel',
      choices: [
        { action: 'quiz:pick:g:0:0', label: '1. First', menu: 'Pick the earliest' },
        { action: long, label: '2. Second', menu: 'Pick the earliest' },
        { action: 'review:report:q', label: 'Report this question' },
      ],
    };
    const { messages, longActions } = renderReply(reply);
    const [message] = messages;
    expectValidMessage(message as never);
    const [menuRow, buttonRow] = message?.components ?? [];
    const select = menuRow?.components[0] as { custom_id: string; placeholder: string; options: { value: string }[] };
    expect(select.custom_id).toBe(`${MENU_PREFIX}0`);
    expect(select.placeholder).toBe('Pick the earliest');
    expect(select.options[0]?.value).toBe('quiz:pick:g:0:0');
    const hashed = select.options[1]?.value as string;
    expect(hashed.length).toBeLessThanOrEqual(100);
    expect(longActions.get(hashed)).toBe(long);
    expect(buttonRow?.components.map((c) => c.custom_id)).toEqual(['review:report:q']);
  });
});
