/**
 * A small seeded generator (mulberry32). Question generation never calls
 * Math.random, so the same seed and pack always give the same questions.
 */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    shuffle: <T>(items: readonly T[]) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}

/**
 * n items drawn without replacement, each as likely as its weight
 * (Efraimidis–Spirakis: the n largest of u^(1/w)). Items of weight 0 are never drawn.
 */
export function drawWeighted<T>(items: readonly { item: T; weight: number }[], n: number, random: Random): T[] {
  return items
    .filter((i) => i.weight > 0)
    .map((i) => ({ item: i.item, key: random.next() ** (1 / i.weight) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, n)
    .map((k) => k.item);
}

/** A stable seed from a text (FNV-1a): the same id always draws the same way. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
