import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { buildPool } from '../../src/engine/questions/audit/pool.js';
import {
  repliesTo,
  roleGivesAway,
  roleGuess,
  type StoryRole,
  storyRole,
} from '../../src/engine/questions/story-roles.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

const roleOf = (id: string) => storyRole(pack.events.get(id) as { title: string; type: string });

describe('an event’s place in a story read on its face', () => {
  it('takes the curator’s word where a pack’s titles do not say it: a mission opens with its launch', async () => {
    const apollo = await loadPack('test/fixtures/apollo');
    expect(storyRole(apollo.events.get('apollo-11-launch-1969-07-16') as never)).toBe('origin');
    expect(storyRole(apollo.events.get('columbia-splashes-down-1969-07-24') as never)).toBe('closing');
    expect(storyRole({ title: 'Saturn V launches Apollo 11', type: 'launch' })).toBe('words');
    // Told step by step, the mission is asked in no order question: the launch first and the splashdown last
    // would answer them unread.
    expect(buildPool(apollo, 1, ['which-first']).variants).toHaveLength(0);
  });

  it('starts with a war, then a new government, then fighting, measures, words, a ceasefire, and what came "again"', () => {
    expect(roleOf('pashinyan-comes-to-power-2018')).toBe('origin');
    // A whole war, named with its article, starts the story before any government does.
    expect(roleOf('full-scale-war-1992')).toBe('war');
    expect(roleOf('ceasefire-1994')).toBe('closing');
    expect(roleOf('tovuz-clashes-2020-07-12')).toBe('fighting');
    expect(roleOf('armenia-martial-law-2020-09-27')).toBe('measure');
    expect(roleOf('azerbaijan-state-of-siege-2020-09')).toBe('measure');
    // A report of a strike is words about the fighting; "declares full support" is a statement.
    expect(roleOf('lora-strike-report-2020-10-02')).toBe('words');
    expect(roleOf('turkey-backs-azerbaijan-2020-07')).toBe('words');
    expect(roleOf('merkel-calls-pashinyan-2020-10-03')).toBe('words');
    expect(roleOf('moscow-ceasefire-2022-09-13')).toBe('closing');
    // Ties and means behind the story, unless the title ties them to the fighting.
    expect(roleOf('turkey-azerbaijan-pact-2010')).toBe('background');
    expect(roleOf('von-der-leyen-baku-gas-2022-07')).toBe('background');
    // Fire that lands across a border answers fighting that began elsewhere.
    expect(roleOf('mortar-fire-in-iran-2020')).toBe('measure');
    expect(roleOf('raisi-pashinyan-call-2022-09')).toBe('sequel');
    expect(roleOf('border-clashes-continue-2022-09-14')).toBe('sequel');
    expect(roleOf('erdogan-statement-2022-09-14')).toBe('sequel');
  });

  it('gives the answer away only where it alone holds the earliest role (asked first) or the latest (asked last)', () => {
    // "Azerbaijan declares a state of siege" first, among a strike report, Raisi's "new war" and a gas deal.
    expect(roleGivesAway('measure', ['words', 'sequel', 'words'], true)).toBe(true);
    // The clashes first among a state of siege, a TV address and a call "over the border fighting".
    expect(roleGivesAway('fighting', ['measure', 'words', 'words'], true)).toBe(true);
    expect(roleGivesAway('fighting', ['fighting', 'words', 'words'], true)).toBe(false);
    // "Clash again" last among a ceasefire, a pact and an aid decision.
    expect(roleGivesAway('sequel', ['closing', 'words', 'words'], false)).toBe(true);
    // "Merkel telephones Pashinyan" last, among his coming to power, a clash and a state of siege.
    expect(roleGivesAway('words', ['origin', 'fighting', 'measure'], false)).toBe(true);
    // A cue that points at a wrong option tells nothing: a ceasefire asked first.
    expect(roleGivesAway('closing', ['words', 'fighting', 'words'], true)).toBe(false);
    // Background is set aside: a state of siege first among a strike report, a "new war" and a gas deal.
    expect(roleGivesAway('measure', ['background', 'sequel', 'words'], true)).toBe(true);
    // A pact alone among story events reads as first; the one story event among background, as last.
    expect(roleGivesAway('background', ['words', 'fighting', 'words'], true)).toBe(true);
    expect(roleGivesAway('background', ['words', 'background', 'words'], true)).toBe(false);
    expect(roleGivesAway('background', ['words', 'fighting', 'words'], false)).toBe(false);
    expect(roleGivesAway('fighting', ['background', 'background', 'background'], false)).toBe(true);
    expect(roleGivesAway('war', ['background', 'background', 'background'], true)).toBe(true);
    expect(roleGuess(['words', 'fighting', 'words', 'words'], true)).toBe(1);
    expect(roleGuess(['words', 'fighting', 'fighting', 'words'], true)).toBeUndefined();
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

  it('never sets a reply beside what it replies to, nor an undated "border fighting" beside another border fight', () => {
    const event = (id: string) => pack.events.get(id) as { title: string; type: string };
    expect(repliesTo(event('turkey-rejects-ceasefire-calls-2020'), event('csto-ceasefire-call-2020-07'))).toBe(true);
    expect(repliesTo(event('merkel-calls-pashinyan-2020-10-03'), event('ganja-shelling-2020-10-03'))).toBe(false);
    // A ceasefire answers a call for one, whichever fight each was in: a review put the call first on its face.
    expect(repliesTo(event('moscow-ceasefire-2022-09-13'), event('csto-ceasefire-call-2020-07'))).toBe(true);
    expect(repliesTo(event('ceasefire-1994'), event('international-calls-ceasefire-2020-09-27'))).toBe(true);
    const orders = buildPool(pack, 3, ['which-first']).variants;
    for (const q of orders) {
      const events = q.eventIds.map((id) => pack.events.get(id) as { title: string; type: string });
      expect(
        events.some((a) => events.some((b) => a !== b && repliesTo(a, b))),
        q.id,
      ).toBe(false);
      // "Macron presses Aliyev to end the border fighting" reads as the July 2020 border clashes too.
      const titles = events.map((e) => e.title).join(' | ');
      expect(/the border fighting/.test(titles) && /border at Tavush and Tovuz/.test(titles), q.id).toBe(false);
    }
  });

  it('never sets the answer alone in its chapter of the story among three from chapters far from it', () => {
    const order = pack.meta.episodes.map((e) => e.id);
    const orders = buildPool(pack, 3, ['which-first']).variants;
    for (const q of orders) {
      const [answer, ...rest] = [q.eventIds[0], ...q.eventIds.slice(1)].map((id) =>
        order.indexOf(pack.events.get(id as string)?.episode ?? ''),
      ) as number[];
      const spread = Math.max(...rest) - Math.min(...rest);
      const gap = Math.min(...rest.map((r) => Math.abs(r - (answer as number))));
      expect(gap >= 2 && spread <= 1, q.id).toBe(false);
    }
  });
});
