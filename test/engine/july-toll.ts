import { Pack } from '../../src/content/pack.js';
import { questionById } from '../../src/engine/questions/generate.js';
import type { Question } from '../../src/engine/questions/types.js';

export const JULY_TOLL = 'claim-wsws-july-clashes-deaths-2020-09-28';

/**
 * WSWS's July toll ("…killing ___ Azeri and four Armenian soldiers") prints
 * Armenia's own count, which another question asks, so the pool leaves it
 * out; with the claims unlinked (and the toll taken off the Tovuz event,
 * whose other figures it also prints) it is asked, and shows what it would.
 */
export function julyToll(pack: Pack): Question | undefined {
  const unlinked = new Pack({
    ...pack.data,
    claims: pack.data.claims.map((c) =>
      c.id === JULY_TOLL
        ? { ...c, related: [], event: undefined }
        : { ...c, related: c.related.filter((r) => r !== JULY_TOLL) },
    ),
  });
  return questionById(unlinked, `figure:${JULY_TOLL}#0`, 1);
}
