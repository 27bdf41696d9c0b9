import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { UserError } from '../../src/core/errors.js';
import { nearestNames, resolveEntity, resolveTopic } from '../../src/core/parse/topic.js';
import { packMentionsWord } from '../../src/engine/topics.js';
import { fixturePack } from '../support/fixture-pack.js';

let pack: Pack;
beforeAll(async () => {
  pack = await fixturePack();
});

const words = (w: string) => packMentionsWord(pack, w);

describe('resolveTopic', () => {
  it('finds places, actors and things through their aliases, whatever the case', () => {
    expect(resolveTopic(pack, 'Toyuz', words)).toMatchObject({ kind: 'entity', label: 'Tovuz' });
    expect(resolveTopic(pack, 'artsakh', words)).toMatchObject({ kind: 'entity', label: 'Nagorno-Karabakh' });
    expect(resolveTopic(pack, 'Yerevan', words)).toMatchObject({ kind: 'entity', label: 'Armenia' });
  });

  it('falls back to a word that occurs in the events', () => {
    expect(resolveTopic(pack, 'artillery', words)).toEqual({ kind: 'word', word: 'artillery', label: 'artillery' });
  });

  it('suggests the nearest names for a typo', () => {
    expect(() => resolveTopic(pack, 'Tovuzz', words)).toThrow(/Did you mean Tovuz/);
    expect(() => resolveTopic(pack, 'zzzzqqq', words)).toThrow(UserError);
  });
});

describe('resolveEntity', () => {
  it('keeps to the asked type', () => {
    expect(resolveEntity(pack, 'Tayush', 'place').item.id).toBe('tavush');
    expect(() => resolveEntity(pack, 'Tavush', 'actor')).toThrow('No actor called "Tavush"');
  });

  it('finds a name by one of its words, a surname say, and asks when several names share it', async () => {
    const real = await loadPack('content/caucasus');
    expect(resolveEntity(real, 'Aliyev', 'actor').item.name).toBe('Ilham Aliyev');
    expect(resolveEntity(real, 'pashinyan', 'actor').item.name).toBe('Nikol Pashinyan');
    expect(() => resolveEntity(real, 'Ministry', 'actor')).toThrow(/could mean .* or others; use the full name/);
    expect(() => resolveEntity(real, 'Aliyev', 'place')).toThrow('No place called "Aliyev"');
  });

  it('suggests the whole name for a misspelt surname', async () => {
    const real = await loadPack('content/caucasus');
    expect(() => resolveEntity(real, 'Pashinian', 'actor')).toThrow(
      'No actor called "Pashinian" in the pack. Did you mean Nikol Pashinyan?',
    );
  });

  it('offers prefix matches as well as near spellings', () => {
    expect(nearestNames(pack, 'Nagorno', 'place')).toContain('Nagorno-Karabakh');
  });
});
