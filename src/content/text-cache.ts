/**
 * A cache of answers keyed by a text (a name, a day, an option), for work
 * asked again and again about the same few thousand texts. Emptied when it
 * reaches `limit`: typed answers and reloaded packs pass through too, and a
 * full clear costs less on the hot path than keeping a least-recently-used
 * order.
 */
export function textCache<V>(limit: number, build: (text: string) => V): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = build(text);
      cache.set(text, value);
    }
    return value;
  };
}
