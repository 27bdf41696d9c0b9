import type { Pack } from '../../content/pack.js';
import { packCache } from '../../core/pack-memo.js';
import { countryOf, hints } from './gaps.js';

/**
 * The camps of the pack's disputes, by state: two states whose claims
 * `oppose` each other are in opposite camps, and a state that opposes a
 * camp's claim sides with the other (Turkey, condemning "Armenian
 * aggression", with Azerbaijan). States that oppose no one's claim are in
 * no camp. Worked out as a two-colouring of the "opposes" graph.
 */
const camps = packCache((pack, _: 'all') => {
  const against = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    against.set(a, (against.get(a) ?? new Set()).add(b));
    against.set(b, (against.get(b) ?? new Set()).add(a));
  };
  for (const claim of pack.data.claims) {
    const mine = countryOf(pack, claim.statedBy);
    if (!mine) continue;
    for (const id of claim.opposes) {
      const theirs = pack.claims.get(id);
      const other = theirs && countryOf(pack, theirs.statedBy);
      if (other && other !== mine) link(mine, other);
    }
  }
  const camp = new Map<string, number>();
  for (const start of against.keys()) {
    if (camp.has(start)) continue;
    const queue = [start];
    camp.set(start, camp.size === 0 ? 0 : Math.max(...camp.values()) + 1);
    while (queue.length > 0) {
      const state = queue.shift() as string;
      const colour = camp.get(state) as number;
      for (const other of against.get(state) ?? [])
        if (!camp.has(other)) {
          camp.set(other, colour % 2 === 0 ? colour + 1 : colour - 1);
          queue.push(other);
        }
    }
  }
  return camp;
});

/** The camp an actor speaks for, through its country; undefined for a bystander or an actor of no country. */
export function campOf(pack: Pack, actorId: string): number | undefined {
  const country = countryOf(pack, actorId);
  return country === undefined ? undefined : camps(pack, 'all').get(country);
}

/**
 * Could these two be set against each other as speakers of one line? Only
 * if they stand in the same camp, or both in none: a war leader's words
 * beside a bystander state's officials, or the other side's, are answered
 * by the side they take, not by knowing who said them.
 */
export function sameCamp(pack: Pack, a: string, b: string): boolean {
  // An actor of no country (Karabakh's leaders: its sovereignty is the dispute) is set only beside another.
  if (countryOf(pack, a) === undefined || countryOf(pack, b) === undefined)
    return countryOf(pack, a) === countryOf(pack, b);
  return campOf(pack, a) === campOf(pack, b);
}

/**
 * The state of the other camp that a text names beside a gap the answer of
 * which is in a camp: "views ___ and Azerbaijan", "Russia supports ___ and
 * Turkey backs Azerbaijan". The war's two sides come as a pair, and one
 * names the other.
 */
export function otherSideNamed(pack: Pack, text: string, answerId: string): string | undefined {
  const side = campOf(pack, answerId);
  if (side === undefined) return undefined;
  return [...pack.actors.values()].find(
    (a) => a.kind === 'state' && (campOf(pack, a.id) ?? side) !== side && hints(text, a),
  )?.name;
}
