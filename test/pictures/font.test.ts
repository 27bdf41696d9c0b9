import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY } from '../../src/pictures/font.js';
import { RENDER_OPTIONS } from '../../src/pictures/render.js';
import { hasGlyph, textWidth } from '../../src/pictures/text-metrics.js';

function drawnWidth(text: string, weight: 400 | 700): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="100"><text x="10" y="50" font-family="${FONT_FAMILY}" font-weight="${weight}" font-size="20">${text}</text></svg>`;
  const box = new Resvg(svg, { ...RENDER_OPTIONS, fitTo: { mode: 'original' } }).getBBox();
  if (!box) throw new Error('nothing drawn');
  return box.width;
}

describe('the packaged font', () => {
  it('has its own glyphs for the letters in Azerbaijani and transliterated names', () => {
    for (const char of 'əşçğüıöƏŞÇĞÜİÖ–…·') {
      expect(hasGlyph(char, 'regular'), char).toBe(true);
      expect(hasGlyph(char, 'bold'), char).toBe(true);
    }
  });

  it('draws names with diacritics instead of leaving them blank', () => {
    expect(drawnWidth('Şuşa', 400)).toBeGreaterThan(drawnWidth('S', 400) * 2);
    expect(drawnWidth('ə', 400)).toBeGreaterThan(5);
  });

  it('measures text as wide as resvg draws it, never narrower, within a few percent', () => {
    for (const text of ['Gəncə, Şuşa, Ağdam', 'Clashes at Tavush and Tovuz', 'AVAVAV To', '27 Sep']) {
      for (const [weight, name] of [
        [400, 'regular'],
        [700, 'bold'],
      ] as const) {
        const drawn = drawnWidth(text, weight);
        const measured = textWidth(text, 20, name);
        expect(measured, `${text} ${name}`).toBeGreaterThanOrEqual(drawn);
        expect(measured, `${text} ${name}`).toBeLessThan(drawn * 1.08 + 4);
      }
    }
  });
});
