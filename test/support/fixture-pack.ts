import path from 'node:path';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';

/** The small pack most tests run on: a few items from one article. */
export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/pack');

let fixture: Promise<Pack> | undefined;
/** Loaded once per test file and shared: a Pack is immutable. */
export function fixturePack(): Promise<Pack> {
  fixture ??= loadPack(FIXTURE_DIR);
  return fixture;
}
