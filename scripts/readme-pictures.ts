// `npm run pictures:readme`: redraws the pictures the README shows, from the
// Caucasus pack, with the same code the bot replies with.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPack } from '../src/content/load.js';
import { parsePeriod } from '../src/core/parse/period.js';
import { mapReply } from '../src/pictures/map-reply.js';
import { timelineStripFor } from '../src/pictures/timeline.js';

const root = path.resolve(import.meta.dirname, '..');
const pack = await loadPack(path.join(root, 'content/caucasus'));
const out = path.join(root, 'docs/pictures');
const pictures = [
  ...['2020-10', '2022-09', '2020'].map((p) => ({
    name: `timeline-${p}.png`,
    image: timelineStripFor(pack, parsePeriod(p)),
  })),
  { name: 'map-2020.png', image: mapReply(pack, '2020', undefined).image },
];
for (const { name, image } of pictures) {
  if (!image) throw new Error(`${name}: no picture drawn`);
  await writeFile(path.join(out, name), image.png);
  console.log(`wrote docs/pictures/${name}`);
}
