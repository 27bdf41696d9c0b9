import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { Pack } from '../../src/content/pack.js';
import type { Claim } from '../../src/content/schema.js';
import { buildPool } from '../../src/engine/questions/audit/pool.js';
import { candidatesOf, generateQuestions, questionById } from '../../src/engine/questions/generate.js';
import { leaks } from '../../src/engine/questions/leaks.js';
import { seededRandom } from '../../src/engine/questions/random.js';
import { isDeclined, type Question } from '../../src/engine/questions/types.js';
import { whoseAccount } from '../../src/engine/questions/whose-account.js';

let pack: Pack;
let accounts: Question[];
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
  accounts = buildPool(pack, 3, ['whose-account']).variants;
});

const UAZ = 'claim-armenia-tovuz-started-by-azerbaijan-2020-07-17';
const TOVUZ_FIRE = 'claim-azerbaijan-mod-tovuz-started-by-armenia-2020-07-17';
const HIDING = 'claim-valiyev-armenia-hiding-casualties-2020-07-17';
const SUBVERSIVE = 'claim-azerbaijan-mod-subversive-acts-2022-09-13';

function withClaim(id: string, change: (claim: Claim) => Claim): Pack {
  return new Pack({ ...pack.data, claims: pack.data.claims.map((c) => (c.id === id ? change(c) : c)) });
}

describe('who said the fighting started after…: each side’s account, asked as which side gave it', () => {
  it('asks each side’s account of the Tovuz clashes and of the 2022 fighting, between the two sides', () => {
    const ids = new Set(accounts.map((q) => q.id));
    expect(ids).toContain(`whose-account:${UAZ}`);
    expect(ids).toContain(`whose-account:${HIDING}`);
    // "…opened fire on its positions" fits Armenia's telling too (an attack on a checkpoint): the curator gives
    // it no account, and three reviews' worth of ambiguity goes with it.
    expect(ids).not.toContain(`whose-account:${TOVUZ_FIRE}`);
    expect(ids).toContain(`whose-account:${SUBVERSIVE}`);
    expect(ids).toContain('whose-account:claim-armenia-mod-shelling-2022-09-13');
    for (const q of accounts) {
      expect([...q.options].sort()).toEqual(['Armenia', 'Azerbaijan']);
      const claim = pack.claims.get(q.subjects?.[0] ?? '') as Claim;
      const side = pack.actors.get(claim.statedBy);
      expect(q.options[q.answer]).toBe(side?.kind === 'state' ? side.name : pack.nameOf(side?.country ?? ''));
    }
    // Both sides are right answers: neither option is one a player learns never to pick.
    expect(new Set(accounts.map((q) => q.options[q.answer]))).toEqual(new Set(['Armenia', 'Azerbaijan']));
  });

  it('names the fight, and words the account so that no side is named: the accused never says it', () => {
    const uaz = accounts.find((q) => q.id === `whose-account:${UAZ}`) as Question;
    expect(uaz.prompt).toBe(
      "In the Tavush–Tovuz border clashes (July 2020), each side blamed the other. Which side said that the clashes started after a group of the other side's soldiers violated its state border in a UAZ vehicle?",
    );
    for (const q of accounts) {
      const account = q.prompt.slice(q.prompt.indexOf('Which side said that'));
      expect(account).not.toMatch(/armeni|azer/i);
    }
  });

  it('reveals the account in the speaker’s own attribution, with the other side’s beside it and neither as fact', () => {
    const hiding = accounts.find((q) => q.id === `whose-account:${HIDING}`) as Question;
    expect(hiding.prompt).toBe(
      'In the Tavush–Tovuz border clashes (July 2020), the two sides’ accounts differ. Which side said that the other side was hiding the real number of its casualties?',
    );
    expect(hiding.explanation).toMatch(
      /^Kerim Veliyev, Azerbaijan's deputy defence minister, said Armenia was hiding the real number of its casualties \(South Front, “[^”]+”, 17 July 2020\)\. Against that, Armenia said that only four of its service members had been killed\.$/,
    );
    expect(hiding.evidence?.[0]?.excerpt).toBe(pack.claims.get(HIDING)?.excerpt);
    expect(hiding.sources.map((s) => s.id)).toEqual(['south-front-2020-07-17']);
    const uaz = accounts.find((q) => q.id === `whose-account:${UAZ}`) as Question;
    expect(uaz.explanation).toContain("Against that, Azerbaijan's defence ministry said the fighting started after");
  });

  it('says the sides blamed each other only where an account says who started it', () => {
    const noBlame = new Pack({
      ...pack.data,
      claims: pack.data.claims.map((c) =>
        c.event === 'border-fighting-2022-09-12' ? { ...c, kind: 'military-action' as const } : c,
      ),
    });
    const built = whoseAccount(noBlame, noBlame.claims.get(SUBVERSIVE) as Claim);
    expect(isDeclined(built) ? built.declined : built.prompt).toMatch(
      /^In the September 2022 border fighting, the two sides’ accounts differ\. Which side said that/,
    );
    const blamed = accounts.find((q) => q.id === `whose-account:${SUBVERSIVE}`);
    expect(blamed?.prompt).toMatch(/^In the September 2022 border fighting, each side blamed the other\./);
  });

  it('is not asked where the account names a side, or where no other side’s account contradicts it', () => {
    const named = withClaim(UAZ, (c) => ({
      ...c,
      account: 'the clashes started after Azerbaijani soldiers crossed the border',
    }));
    expect(whoseAccount(named, named.claims.get(UAZ) as Claim)).toEqual({
      declined: 'its account names Azerbaijan, which tells whose it is',
    });
    // A place of one side's country says whose the positions were: "…on its positions in the Tovuz district".
    const placed = withClaim(UAZ, (c) => ({
      ...c,
      account: "the clashes started after the other side's soldiers crossed its border near Tovuz",
    }));
    expect(whoseAccount(placed, placed.claims.get(UAZ) as Claim)).toEqual({
      declined: "its account names Tovuz, a place in one side's country, which tells whose it is",
    });
    const alone = withClaim(SUBVERSIVE, (c) => ({ ...c, opposes: [] }));
    const unopposed = new Pack({
      ...alone.data,
      claims: alone.data.claims.map((c) => ({ ...c, opposes: c.opposes.filter((id) => id !== SUBVERSIVE) })),
    });
    const built = whoseAccount(unopposed, unopposed.claims.get(SUBVERSIVE) as Claim);
    expect(isDeclined(built) && built.declined).toBe('it contradicts no other side’s account of the same fight');
  });

  it('asks a claim with an account once in the whole pool: not again as who-said or True/False', () => {
    const speaker = candidatesOf(pack, 'claim-speaker', {}).find((c) => c.key === UAZ);
    expect(speaker?.build(seededRandom(1))).toEqual({ declined: 'asked as which side gave its account' });
    const trueFalse = candidatesOf(pack, 'true-false', {}).map((c) => c.about);
    for (const q of accounts) expect(trueFalse).not.toContain(q.subjects?.[0]);
  });

  it('never sets two accounts of one fight in one game: each reveal gives the other side’s', () => {
    const uaz = accounts.find((q) => q.id === `whose-account:${UAZ}`) as Question;
    const fire = accounts.find((q) => q.id === `whose-account:${HIDING}`) as Question;
    const subversive = accounts.find((q) => q.id === `whose-account:${SUBVERSIVE}`) as Question;
    expect(leaks(pack, uaz, fire)).toBe(true);
    expect(leaks(pack, uaz, subversive)).toBe(false);
    const game = generateQuestions(pack, { count: 2, seed: 3, kinds: ['whose-account'] });
    expect(game).toHaveLength(2);
    expect(game[0]?.eventIds).not.toEqual(game[1]?.eventIds);
  });

  it('rebuilds from its id with the same prompt and answer', () => {
    for (const q of accounts) {
      const again = questionById(pack, q.id, 99);
      expect(again?.prompt).toBe(q.prompt);
      expect(again?.options[again.answer]).toBe(q.options[q.answer]);
    }
  });
});
