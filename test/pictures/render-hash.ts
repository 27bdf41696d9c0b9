/** Run in a child process by render.test.ts: prints the hashes of two fixture pictures. */
import { createHash } from 'node:crypto';
import { placesMap } from '../../src/pictures/map.js';
import { timelineStrip } from '../../src/pictures/timeline.js';
import { fixturePack } from '../support/fixture-pack.js';
import { event } from './synthetic.js';

const pack = await fixturePack();
const events = [
  event(1, '2020-10-02'),
  event(2, '2020-10-10', { type: 'ceasefire' }),
  event(3, '2020-10-27', { type: 'statement' }),
];
const timeline = timelineStrip(pack, events, {
  title: 'Timeline: October 2020',
  period: { from: '2020-10', to: '2020-10' },
});
const map = placesMap(pack, [...pack.chronological], { title: 'Map: 2020' });
for (const image of [timeline, map])
  console.log(
    createHash('sha256')
      .update(image?.png ?? new Uint8Array())
      .digest('hex'),
  );
