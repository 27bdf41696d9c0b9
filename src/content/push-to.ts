/** Adds a value to the key's list, starting the list on its first value: the indexes of a pack are built so. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
