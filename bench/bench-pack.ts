import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { loadPack } from '../src/content/load.js';
import type { Pack } from '../src/content/pack.js';

/** The curated pack, or the test fixture when the curated one does not load, and which of the two it is. */
export async function benchPack(): Promise<{ pack: Pack; source: string }> {
  try {
    return { pack: await loadPack(loadConfig().CONTENT_DIR), source: 'content/caucasus' };
  } catch {
    // The curated pack may be mid-edit; the fixture keeps the benchmark runnable.
    return { pack: await loadPack(`${PROJECT_ROOT}/test/fixtures/pack`), source: 'test/fixtures/pack' };
  }
}
