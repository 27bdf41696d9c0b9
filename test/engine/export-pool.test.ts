import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { generateQuestions } from '../../src/engine/questions/generate.js';

describe('asking for more questions than a game holds', () => {
  it('gives every question the pack can ask, one variant each, so a review of the export sees the whole pool', async () => {
    const pack = await loadPack('content/caucasus');
    const all = generateQuestions(pack, { count: 500, seed: 10 });
    const subjects = new Set(all.map((q) => `${q.kind}:${q.subjects?.[0]}`));
    expect(subjects.size).toBe(all.length);
    // Order questions whose event served as another's companion are asked too (26 of the 51 events: the rest
    // are context, undated, beginnings, titles another event also fits, or answers their story role gives away).
    const orders = all.filter((q) => q.kind === 'which-first');
    expect(orders.length).toBeGreaterThanOrEqual(18);
    // An option that is never right comes along in one question only: no recurrence a player could learn.
    const answers = new Set(orders.map((q) => q.options[q.answer]));
    const neverRight = orders.flatMap((q) => q.options.filter((o) => !answers.has(o)));
    expect(new Set(neverRight).size).toBe(neverRight.length);
    const shortest = orders.filter((q) => q.options.every((o) => o.length >= (q.options[q.answer] as string).length));
    expect(shortest.length / orders.length).toBeLessThan(0.35);
    // Years only: the day of words said or reported tests counting from "yesterday", and no fight is left
    // with two others of its days to set against it.
    expect(all.some((q) => q.prompt.startsWith('In what year'))).toBe(true);
    expect(all.some((q) => q.prompt.startsWith('On what date'))).toBe(false);
  });
});
