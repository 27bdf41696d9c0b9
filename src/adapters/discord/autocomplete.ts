import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Completion } from '../../core/command.js';
import { MAX_OPTION_CHARS } from '../../core/dispatch.js';
import { clip } from '../../core/text.js';
import { LIMITS } from './limits.js';

export interface Suggestion {
  name: string;
  value: string;
}

interface Candidate {
  /** What the user sees in the list. */
  name: string;
  /** What the command receives: a name or alias it resolves, or an event id. */
  value: string;
  /** Folded words to match the typed text against. */
  keys: string[];
  /** One entry per entity or event, so an entity matched by two aliases shows once. */
  identity: string;
}

const indexes = new WeakMap<Pack, Map<Completion, Candidate[]>>();

function entityCandidates(pack: Pack, type?: 'actor' | 'place' | 'thing'): Candidate[] {
  return pack
    .names(type)
    .map(({ label, entity }) => ({
      name: clip(label === entity.item.name ? label : `${label} (${entity.item.name})`, LIMITS.choiceName),
      value: clip(label, LIMITS.choiceValue),
      keys: [foldName(label)],
      identity: `${entity.type}:${entity.item.id}`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function eventCandidates(pack: Pack): Candidate[] {
  return pack.chronological.map((event) => ({
    name: clip(`${event.date} — ${event.title}`, LIMITS.choiceName),
    value: event.id,
    keys: [foldName(event.title), foldName(event.id), event.date],
    identity: `event:${event.id}`,
  }));
}

function candidates(pack: Pack, kind: Completion): Candidate[] {
  let byKind = indexes.get(pack);
  if (!byKind) {
    byKind = new Map();
    indexes.set(pack, byKind);
  }
  let list = byKind.get(kind);
  if (!list) {
    list =
      kind === 'event'
        ? eventCandidates(pack)
        : kind === 'topic'
          ? entityCandidates(pack)
          : entityCandidates(pack, kind);
    byKind.set(kind, list);
  }
  return list;
}

/** 0 = the name starts with the text, 1 = a word does, 2 = it appears inside; undefined = no match. */
function rank(candidate: Candidate, typed: string): number | undefined {
  let best: number | undefined;
  for (const key of candidate.keys) {
    const r = key.startsWith(typed) ? 0 : key.includes(` ${typed}`) ? 1 : key.includes(typed) ? 2 : undefined;
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best;
}

/**
 * Up to 25 suggestions for what the user has typed so far, best first:
 * prefix matches, then word matches, then anywhere. Names and aliases come
 * from the pack, so "Khankendi" finds Stepanakert.
 */
export function suggest(pack: Pack, kind: Completion, typed: string): Suggestion[] {
  // Past the longest value an option takes, nothing can match: no work for a pasted novel.
  if (typed.length > MAX_OPTION_CHARS) return [];
  const folded = foldName(typed);
  const list = candidates(pack, kind);
  const ranked: { candidate: Candidate; rank: number; order: number }[] = [];
  list.forEach((candidate, order) => {
    const r = folded === '' ? 0 : rank(candidate, folded);
    if (r !== undefined) ranked.push({ candidate, rank: r, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const { candidate } of ranked) {
    if (seen.has(candidate.identity)) continue;
    seen.add(candidate.identity);
    out.push({ name: candidate.name, value: candidate.value });
    if (out.length === LIMITS.autocompleteChoices) break;
  }
  return out;
}
