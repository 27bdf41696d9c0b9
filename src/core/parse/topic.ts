import { suggest } from '../../content/check.js';
import { foldName } from '../../content/normalize.js';
import type { Entity, EntityType, Pack } from '../../content/pack.js';
import { UserError } from '../errors.js';
import { clip } from '../text.js';

/** What a topic option resolved to: a named thing in the pack, or a plain word to search for. */
export type Topic = { kind: 'entity'; entity: Entity; label: string } | { kind: 'word'; word: string; label: string };

const TYPE_WORD: Record<EntityType, string> = { actor: 'actor', place: 'place', thing: 'thing' };

/** What a "nothing matches" message echoes of the typed text. */
const ECHOED = 41;

/** The nearest names in the pack, for "did you mean" hints. */
export function nearestNames(pack: Pack, wanted: string, type?: EntityType, limit = 3): string[] {
  const key = foldName(wanted);
  const labels = pack.names(type).map((n) => n.label);
  const byFold = new Map<string, string>();
  for (const label of labels) if (!byFold.has(foldName(label))) byFold.set(foldName(label), label);
  const out: string[] = [];
  const remaining = new Map(byFold);
  for (let i = 0; i < limit; i++) {
    const hit = suggest(key, remaining.keys());
    if (!hit) break;
    out.push(remaining.get(hit) as string);
    remaining.delete(hit);
  }
  // A surname misspelt ("Pashinian") is far from the whole name but near one of its words.
  if (out.length < limit && key.length >= 4 && !key.includes(' ')) {
    const byWord = new Map<string, string>();
    for (const [folded, label] of byFold)
      for (const word of folded.split(' ')) if (word.length >= 4 && !byWord.has(word)) byWord.set(word, label);
    const hit = suggest(key, byWord.keys());
    const label = hit === undefined ? undefined : byWord.get(hit);
    if (label && !out.includes(label)) out.push(label);
  }
  // Prefix matches help with partial names ("Stepan" → Stepanakert) that edit distance misses.
  if (key.length >= 3) {
    for (const [folded, label] of byFold) {
      if (out.length >= limit) break;
      if (folded.startsWith(key) && !out.includes(label)) out.push(label);
    }
  }
  return out;
}

function didYouMean(names: string[]): string {
  return names.length ? ` Did you mean ${names.join(', ')}?` : '';
}

/**
 * Entities one of whose names has `text` as a whole word ("Aliyev" in
 * "Ilham Aliyev", "Karabakh" in "Nagorno-Karabakh"): what people type when
 * they know a surname or the short form of a place.
 */
function byWord(pack: Pack, text: string, type: EntityType): Entity[] {
  const word = foldName(text);
  if (word.length < 3) return [];
  const found = new Map<string, Entity>();
  for (const { label, entity } of pack.names(type)) {
    // foldName turns hyphens and punctuation into spaces, so its words are split on spaces alone.
    if (foldName(label).split(' ').includes(word)) found.set(entity.item.id, entity);
  }
  return [...found.values()];
}

/** One entity of the given type by name or alias; a clear error with the nearest names otherwise. */
export function resolveEntity(pack: Pack, raw: string, type: EntityType): Entity {
  const text = raw.trim();
  if (text === '') throw new UserError(`Name a ${TYPE_WORD[type]}.`);
  const found = pack.lookup(text, type);
  const first = found[0];
  if (first && found.length === 1) return first;
  if (first) {
    // Two entities sharing an alias: the canonical name wins, otherwise ask.
    const exact = found.find((e) => foldName(e.item.name) === foldName(text));
    if (exact) return exact;
    throw new UserError(
      `"${clip(text, ECHOED)}" could mean ${found.map((e) => e.item.name).join(' or ')}; use the full name.`,
    );
  }
  const partly = byWord(pack, text, type);
  if (partly.length === 1) return partly[0] as Entity;
  if (partly.length > 1) {
    const names = partly.slice(0, 5).map((e) => e.item.name);
    throw new UserError(
      `"${clip(text, ECHOED)}" could mean ${names.join(' or ')}${partly.length > 5 ? ' or others' : ''}; use the full name.`,
    );
  }
  throw new UserError(
    `No ${TYPE_WORD[type]} called "${clip(text, ECHOED)}" in the pack.${didYouMean(nearestNames(pack, text, type))}`,
  );
}

/**
 * A topic: any actor, place or thing by name or alias; failing that, a word
 * to look for in event titles and summaries. `hasWord` tells whether the
 * word occurs anywhere, so a typo gets suggestions instead of an empty result.
 */
export function resolveTopic(pack: Pack, raw: string, hasWord: (folded: string) => boolean): Topic {
  const text = raw.trim();
  if (text === '') throw new UserError('The topic is empty; name a place, actor, thing or word.');
  const found = pack.lookup(text);
  if (found.length > 0) {
    const exact = found.find((e) => foldName(e.item.name) === foldName(text)) ?? found[0];
    const entity = exact as Entity;
    return { kind: 'entity', entity, label: entity.item.name };
  }
  const word = foldName(text);
  if (word.length >= 3 && hasWord(word)) return { kind: 'word', word, label: text };
  throw new UserError(
    `Nothing in the pack matches "${clip(text, ECHOED)}".${didYouMean(nearestNames(pack, text))} A topic is a place, actor, thing or word from the events.`,
  );
}
