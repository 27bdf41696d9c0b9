/** Where an item was declared, so a problem can name its file and line. */
export interface Origin {
  file: string;
  path: string;
  line(sub?: (string | number)[]): number;
}

/**
 * Where each loaded item was declared, kept after loading so that checks run
 * later (excerpts against their articles) can still name a file and line.
 * Weak, so a pack that is replaced takes its origins with it.
 */
const ORIGINS = new WeakMap<object, Origin>();

export function recordOrigin(item: object, origin: Origin): void {
  ORIGINS.set(item, origin);
}

export function originOf(item: object): Origin | undefined {
  return ORIGINS.get(item);
}
