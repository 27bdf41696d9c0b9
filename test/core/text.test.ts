import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, inQuotes, splitText } from '../../src/core/text.js';

describe('clip', () => {
  it('leaves text that fits, and cuts the rest on a word boundary with "…"', () => {
    expect(clip('Tovuz', 10)).toBe('Tovuz');
    expect(clip('Clashes on the border near Tovuz today', 30)).toBe('Clashes on the border near…');
  });

  it('cuts inside a word only where the last space would lose most of the text', () => {
    expect(clip('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    expect(clip('Clashes on the Armenia–Azerbaijan border', 30)).toBe('Clashes on the Armenia–Azerba…');
  });

  it('never returns more than the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 0, max: 120 }), (text, max) => {
        expect(clip(text, max).length).toBeLessThanOrEqual(Math.max(max, text.length <= max ? text.length : 0));
      }),
    );
  });
});

describe('splitText', () => {
  it('breaks between paragraphs first, then lines, then words', () => {
    const text = `${'a'.repeat(30)}\n\n${'b'.repeat(30)}`;
    expect(splitText(text, 40)).toEqual(['a'.repeat(30), 'b'.repeat(30)]);
    expect(splitText('one two three four five six', 10)).toEqual(['one two', 'three four', 'five six']);
  });

  it('keeps every character but the whitespace it breaks at, each piece within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 5, max: 80 }), (text, max) => {
        const pieces = splitText(text, max);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
        expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('gives one empty piece for empty text, so a caller always has a first page', () => {
    expect(splitText('', 10)).toEqual(['']);
  });
});

describe('an excerpt between quotation marks', () => {
  it('is wrapped in them, unless it opens with the article’s own, which would read ““France', () => {
    expect(inQuotes('Clashes first erupted on July 12…')).toBe('“Clashes first erupted on July 12…”');
    expect(inQuotes('“France is very worried…,” Macron said')).toBe('“France is very worried…,” Macron said');
    expect(inQuotes('…“Russia is less able,” said Parmentier')).toBe('…“Russia is less able,” said Parmentier');
  });
});
