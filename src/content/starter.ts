import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example pack `chronicle content new` copies: it passes `content check` as written. */
const STARTER = fileURLToPath(new URL('./starter/', import.meta.url));

/** A pack id from a folder name: "My Pack 2" → "my-pack-2". */
function packIdFor(dir: string): string {
  const id = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'my-pack';
}

/**
 * Writes the starter pack into `dir`, which must not exist or be empty, so
 * nobody's work is overwritten. Returns the files written, or why not.
 */
export async function writeStarterPack(dir: string): Promise<{ written: string[] } | { refused: string }> {
  let existing: string[] = [];
  try {
    existing = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { refused: `cannot use ${dir}: ${code ?? String(error)}` };
  }
  if (existing.length > 0)
    return { refused: `${dir} is not empty; give a new folder, so nothing there is overwritten` };
  await mkdir(dir, { recursive: true });
  await cp(STARTER, dir, { recursive: true });
  const packFile = path.join(dir, 'pack.yaml');
  const text = await readFile(packFile, 'utf8');
  await writeFile(packFile, text.replace('id: my-pack ', `id: ${packIdFor(dir)} `));
  const written = await readdir(dir, { recursive: true, withFileTypes: true });
  return {
    written: written
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort(),
  };
}
