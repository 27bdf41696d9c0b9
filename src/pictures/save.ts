import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReplyImage } from '../core/reply.js';

/**
 * Writes a reply's picture into `dir` and returns the file's absolute path,
 * for the console adapter to print. The name carries a hash of the bytes, so
 * the same picture is written once and different ones never overwrite each other.
 */
export async function savePicture(image: ReplyImage, dir: string): Promise<string> {
  const { name, ext } = path.parse(path.basename(image.filename));
  const stem = name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'picture';
  const hash = createHash('sha256').update(image.png).digest('hex').slice(0, 12);
  const file = path.resolve(dir, `${stem}-${hash}${ext || '.png'}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, image.png);
  return file;
}
