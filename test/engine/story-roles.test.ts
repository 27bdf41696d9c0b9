import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { buildPool } from '../../src/engine/questions/audit/pool.js';
import { roleGivesAway, roleGuess, type StoryRole, storyRole } from '../../src/engine/questions/story-roles.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

const roleOf = (id: string) => storyRole(pack.events.get(id) as { title: string; type: string });

describe('an event’s place in a story read on its face', () => {
  it('opens with fighting or martial law, closes with a ceasefire or a "new war", and talks in between', () => {
    expect(roleOf('armenia-martial-law-2020-09-27')).toBe('opening');
    expect(roleOf('azerbaijan-state-of-siege-2020-09')).toBe('opening');
    expect(roleOf('pashinyan-comes-to-power-2018')).toBe('opening');
    expect(roleOf('moscow-ceasefire-2022-09-13')).toBe('closing');
    expect(roleOf('raisi-pashinyan-call-2022-09')).toBe('closing');
    expect(roleOf('border-clashes-continue-2022-09-14')).toBe('closing');
    expect(roleOf('merkel-calls-pashinyan-2020-10-03')).toBe('middle');
    // "Declares full support" is a statement, not a declaration of war.
    expect(roleOf('turkey-backs-azerbaijan-2020-07')).toBe('middle');
  });

  it('gives the answer away only where its role singles it out', () => {
    expect(roleGivesAway('opening', ['middle', 'middle', 'closing'], true)).toBe(true);
    expect(roleGivesAway('opening', ['opening', 'middle', 'middle'], true)).toBe(false);
    expect(roleGivesAway('closing', ['middle', 'middle', 'middle'], false)).toBe(true);
    // "Merkel telephones Pashinyan" last, among his coming to power, a clash and a state of siege.
    expect(roleGivesAway('middle', ['opening', 'opening', 'opening'], false)).toBe(true);
    // A cue that points at a wrong option tells nothing: a ceasefire asked first.
    expect(roleGivesAway('closing', ['middle', 'opening', 'middle'], true)).toBe(false);
    expect(roleGuess(['middle', 'opening', 'middle', 'middle'], true)).toBe(1);
    expect(roleGuess(['middle', 'opening', 'opening', 'middle'], true)).toBeUndefined();
  });

  it('never lets the role answer an order question of the curated pack', () => {
    const orders = buildPool(pack, 3, ['which-first']).variants;
    expect(orders.length).toBeGreaterThan(20);
    for (const q of orders) {
      const roles = q.facets?.map((f) => f.role) as StoryRole[];
      expect(roles.every(Boolean), q.id).toBe(true);
      expect(roleGuess(roles, q.prompt.includes('first')), q.id).not.toBe(q.answer);
    }
  });
});
