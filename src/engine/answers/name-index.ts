import type { Entity, Pack } from '../../content/pack.js';
import { packCache } from '../../core/pack-memo.js';
import { nameKey } from './name-key.js';

/**
 * How a label names its entity. A surname is derived, not curated: "Aliyev"
 * for Ilham Aliyev, what people type for a person they know.
 */
export type LabelKind = 'name' | 'alias' | 'surname';

export interface Label {
  key: string;
  /** As the pack writes it (for a surname, the word as written in the name). */
  text: string;
  kind: LabelKind;
  /** The answer this label gives: an entity id, or for a state's own country, the state's id. */
  answer: string;
  /** The canonical name of that answer. */
  answerName: string;
}

/**
 * A state and the country that is its territory are one answer: the pack
 * lets "Armenia" the actor and "Armenia" the place share a name, and a
 * player who types it means either.
 */
function answerOf(pack: Pack, entity: Entity): { id: string; name: string } {
  if (entity.type === 'place' && entity.item.kind === 'country' && entity.item.country) {
    const state = pack.actors.get(entity.item.country);
    if (state?.kind === 'state') return { id: state.id, name: state.name };
  }
  return { id: entity.item.id, name: entity.item.name };
}

function entities(pack: Pack): Entity[] {
  return [
    ...[...pack.actors.values()].map((item) => ({ type: 'actor', item }) as const),
    ...[...pack.places.values()].map((item) => ({ type: 'place', item }) as const),
    ...[...pack.things.values()].map((item) => ({ type: 'thing', item }) as const),
  ];
}

function build(pack: Pack): Label[] {
  const labels: Label[] = [];
  const seen = new Set<string>();
  const add = (label: Label) => {
    const id = `${label.answer}\u0000${label.key}`;
    if (label.key === '' || seen.has(id)) return;
    seen.add(id);
    labels.push(label);
  };
  for (const entity of entities(pack)) {
    const answer = answerOf(pack, entity);
    const written = [entity.item.name, ...entity.item.aliases];
    written.forEach((text, i) => {
      add({ key: nameKey(text), text, kind: i === 0 ? 'name' : 'alias', answer: answer.id, answerName: answer.name });
    });
    if (entity.type !== 'actor' || entity.item.kind !== 'person') continue;
    for (const text of written) {
      const words = text.split(/[\s-]+/);
      const last = words[words.length - 1] ?? '';
      // A one-word label is already a label; a surname under four letters is too easily someone else's word.
      if (words.length < 2 || nameKey(last).length < 4) continue;
      add({ key: nameKey(last), text: last, kind: 'surname', answer: answer.id, answerName: answer.name });
    }
  }
  return labels;
}

const labelCache = packCache((pack, _: 'all') => build(pack));

/** Every way the pack names an actor, place or thing, built once per pack (a Pack never changes). */
export function labelsOf(pack: Pack): readonly Label[] {
  return labelCache(pack, 'all');
}

/** The answer id an expected entity id stands for (a state's own country stands for the state). */
export function answerIdOf(pack: Pack, id: string): string | undefined {
  const place = pack.places.get(id);
  if (place) return answerOf(pack, { type: 'place', item: place }).id;
  return pack.actors.has(id) || pack.things.has(id) ? id : undefined;
}
