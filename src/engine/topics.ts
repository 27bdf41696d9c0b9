import { foldName } from '../content/normalize.js';
import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import { packCache } from '../core/pack-memo.js';
import type { Topic } from '../core/parse/topic.js';

/** An id and everything it sits inside: a village's district and province, a ministry's state. Cached per pack. */
export const ancestry = packCache(computeAncestry);

function computeAncestry(pack: Pack, id: string): Set<string> {
  const out = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const current = queue.pop() as string;
    if (out.has(current)) continue;
    out.add(current);
    const place = pack.places.get(current);
    if (place?.in) queue.push(place.in);
    const actor = pack.actors.get(current);
    if (actor?.partOf) queue.push(actor.partOf);
    if (actor?.country) queue.push(actor.country);
  }
  return out;
}

/** Folded title and summary of every event, built once per pack. */
const textOf = packCache((_pack, event: Event) => ` ${foldName(`${event.title} ${event.summary}`)} `);

export function eventMentionsWord(pack: Pack, event: Event, foldedWord: string): boolean {
  return textOf(pack, event).includes(foldedWord);
}

/** Does any event mention this folded word? Used to tell a search word from a typo. */
export function packMentionsWord(pack: Pack, foldedWord: string): boolean {
  return pack.chronological.some((e) => eventMentionsWord(pack, e, foldedWord));
}

/** A place topic takes in the places inside it; an actor topic takes in its ministries and forces. */
export function eventMatchesTopic(pack: Pack, event: Event, topic: Topic | undefined): boolean {
  if (!topic) return true;
  if (topic.kind === 'word') return eventMentionsWord(pack, event, topic.word);
  const id = topic.entity.item.id;
  const refs =
    topic.entity.type === 'thing' ? event.things : topic.entity.type === 'place' ? event.places : event.actors;
  return refs.some((ref) => ref === id || ancestry(pack, ref).has(id));
}
