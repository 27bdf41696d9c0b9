import type { Caller } from '../core/command.js';
import type { Store } from '../core/store.js';
import { seededRandom, seedOf } from './questions/random.js';

/** A channel forgets what /fact showed after a month without asking. */
const DECK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

interface Deck {
  /** Seeds this round's order, so the deck is a few numbers, not a list of ids. */
  seed: number;
  /** How many of this round's order have been shown. */
  shown: number;
  /** The number of statements the order was dealt over; a changed pack deals anew. */
  size: number;
  /** The last index shown, so a new round never opens with it. */
  last?: number;
}

function orderOf(deck: Deck): number[] {
  return seededRandom(deck.seed).shuffle([...Array(deck.size).keys()]);
}

function deckKey(caller: Caller, topic: string): string {
  return `fact:deck:${caller.platform}:${caller.serverId}:${caller.channelId}:${topic}`;
}

/**
 * The next statement index for a channel and topic: every statement once,
 * in a shuffled order, before any comes again. Two /fact calls in the same
 * channel at the same instant may share one; nothing else repeats early.
 */
export async function nextFromDeck(
  store: Store,
  caller: Caller,
  topic: string,
  size: number,
  now: Date,
): Promise<number> {
  const key = deckKey(caller, topic);
  const saved = await store.get<Deck>(key);
  let deck: Deck;
  if (saved && saved.size === size && saved.shown < size) deck = saved;
  else {
    deck = { seed: seedOf(`${key}:${now.getTime()}:${saved?.seed ?? 0}`), shown: 0, size };
    // A new round that opened with the item just shown would read as a repeat.
    while (size > 1 && orderOf(deck)[0] === saved?.last) deck.seed = seedOf(`${deck.seed}`);
  }
  const index = orderOf(deck)[deck.shown] as number;
  await store.set(key, { ...deck, shown: deck.shown + 1, last: index }, DECK_TTL_MS);
  return index;
}
