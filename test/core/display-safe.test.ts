import { describe, expect, it } from 'vitest';
import { DISPLAY_MAX, displayName, displaySafe } from '../../src/core/display-safe.js';
import { UserError } from '../../src/core/errors.js';
import { harness } from '../support/harness.js';

describe('displaySafe', () => {
  it('removes controls, bidi overrides and zero-width characters, keeping newlines, tabs and letters', () => {
    expect(displaySafe('20\u202E01-0202\u202C')).toBe('2001-0202');
    expect(displaySafe('a\u0000b\u001b[31mc\u0085')).toBe('ab[31mc');
    expect(displaySafe('x\u200By\uFEFFz\u2066w\u2069')).toBe('xyzw');
    expect(displaySafe('Şuşa\nXankəndi\tAğdam')).toBe('Şuşa\nXankəndi\tAğdam');
  });

  it('caps a long text with an ellipsis, never splitting a surrogate pair', () => {
    const cut = displaySafe('😀'.repeat(DISPLAY_MAX));
    expect(cut.length).toBeLessThanOrEqual(DISPLAY_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(displaySafe('short')).toBe('short');
  });
});

describe('UserError', () => {
  it('echoes what the user typed without its invisible formatting', () => {
    expect(new UserError('"\u202E01-0202" is not a date').message).toBe('"01-0202" is not a date');
  });
});

describe('option values', () => {
  it('lose their invisible characters before a command sees them, so a search works and echoes nothing hidden', async () => {
    const h = await harness();
    const plain = await h.run('/event tovuz');
    const hidden = await h.run('/event \u0000to\u200Bvuz\u202E');
    expect(hidden.text).toBe(plain.text);
    expect(hidden.text).not.toMatch(/(?![\n\t])[\p{Cc}\p{Cf}]/u);
  });
});

describe('displayName', () => {
  it('drops invisible characters and the markup Slack and Discord act on, keeps one short line, falls back to the id', () => {
    expect(displayName('Ani\u202Egnp.exe', 'U1')).toBe('Anignp.exe');
    expect(displayName('<!channel> *Ani*\n\u0000Z', 'U1')).toBe('!channel Ani Z');
    expect(displayName('`\u200B`', 'U1')).toBe('U1');
    expect(displayName('x'.repeat(500), 'U1').length).toBeLessThanOrEqual(64);
    expect(displayName("Ani O'Brien-Smith", 'U1')).toBe("Ani O'Brien-Smith");
  });
});
