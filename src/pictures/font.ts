import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The one typeface every picture uses, loaded from the npm package's TTF
 * files and never from the system, so a PNG is byte-identical on every host.
 * Noto Sans covers the Azerbaijani and Armenian-transliteration letters the
 * pack's names use (ə ş ç ğ ü ı ö); test/pictures/font.test.ts checks that.
 */
export const FONT_FAMILY = 'Noto Sans';

export type Weight = 'regular' | 'bold';

const require = createRequire(import.meta.url);

const FILES: Record<Weight, string> = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

/** The SVG font-weight each Weight is drawn with. */
export const WEIGHT_VALUE: Record<Weight, number> = { regular: 400, bold: 700 };

export function fontFiles(): string[] {
  return [FILES.regular, FILES.bold];
}

const bytesCache = new Map<Weight, Buffer>();

export function fontBytes(weight: Weight): Buffer {
  let bytes = bytesCache.get(weight);
  if (!bytes) {
    bytes = readFileSync(FILES[weight]);
    bytesCache.set(weight, bytes);
  }
  return bytes;
}
