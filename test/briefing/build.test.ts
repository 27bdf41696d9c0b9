import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import { buildBriefing } from '../../src/engine/briefing/build.js';
import { briefingAnswer, questionAt } from '../../src/engine/briefing/question-of-the-day.js';
import { fixturePack } from '../support/fixture-pack.js';

const pack = await fixturePack();

describe('buildBriefing', () => {
  it('leads with events on this day in any year', () => {
    const { reply, featured, cursor } = buildBriefing(pack, {
      channelKey: 'discord:c1',
      localDate: '2024-09-27',
      cursor: 0,
    });
    expect(featured).toEqual({ kind: 'on-this-day', eventIds: ['war-begins-2020-09-27'] });
    expect(reply.title).toBe('Daily briefing · 27 September 2024');
    expect(reply.body).toMatch(/^\*\*On this day, 27 September\*\*\n/);
    expect(reply.body).toContain('Large-scale fighting erupts over Nagorno-Karabakh');
    // The walk does not move on a day that had its own events.
    expect(cursor).toBe(0);
  });

  it('never puts a window "on this day" of its lower bound: it happened some time later, undated', async () => {
    const caucasus = await loadPack('content/caucasus');
    const { featured } = buildBriefing(caucasus, { channelKey: 'discord:c1', localDate: '2024-09-27', cursor: 0 });
    expect(featured.kind).toBe('on-this-day');
    expect(featured.eventIds).toContain('war-2020-outbreak-2020-09-27');
    for (const id of featured.eventIds) expect(caucasus.events.get(id)?.dateKind, id).not.toBe('window');
    expect(caucasus.events.get('pashinyan-calls-putin-macron-2020-09')?.dateKind).toBe('window');
    expect(featured.eventIds).not.toContain('pashinyan-calls-putin-macron-2020-09');
  });

  it('otherwise walks the timeline one event a day, then starts again', () => {
    const first = buildBriefing(pack, { channelKey: 'discord:c1', localDate: '2024-05-01', cursor: 0 });
    expect(first.featured).toEqual({ kind: 'walk', eventIds: [pack.chronological[0]?.id] });
    expect(first.reply.body).toContain(`**Through the timeline, step 1 of ${pack.chronological.length}**`);
    const second = buildBriefing(pack, { channelKey: 'discord:c1', localDate: '2024-05-02', cursor: first.cursor });
    expect(second.featured.eventIds).toEqual([pack.chronological[1]?.id]);
    expect(second.cursor).toBe(0);
    expect(second.reply.body).toContain('tomorrow the story starts again');
  });

  it('quotes one statement with who said it, as of when, and where it was printed', () => {
    const { reply } = buildBriefing(pack, { channelKey: 'discord:c1', localDate: '2024-09-27', cursor: 0 });
    const statement = reply.fields?.find((f) => f.name === 'Who said what')?.value ?? '';
    expect(statement).toMatch(/^(According to .+, as of \d+ \w+ \d{4} \(|As reported by |Olesya Vartanyan)/);
    expect(statement).toContain('World Socialist Web Site');
    expect(reply.sources?.map((s) => s.outlet)).toContain('World Socialist Web Site');
  });

  it('asks a question of the day whose buttons come back to /briefing', () => {
    const { reply } = buildBriefing(pack, { channelKey: 'slack:C9', localDate: '2024-05-01', cursor: 0 });
    expect(reply.fields?.find((f) => f.name === 'Question of the day')?.value).toMatch(/\nA\. .+\nB\. /);
    expect(reply.choices?.length).toBeGreaterThanOrEqual(2);
    for (const choice of reply.choices ?? []) {
      expect(choice.action.length).toBeLessThanOrEqual(100);
      expect(briefingAnswer.parse(choice.action)).toBeDefined();
    }
    expect(reply.text).toContain('Question of the day');
  });

  it('does not ask about the events it has just told (that would give the answer away)', async () => {
    // The fixture's two events cannot carry honest date or order questions; the curated pack can.
    const curated = await loadPack('content/caucasus');
    for (let day = 1; day <= 20; day++) {
      const channelKey = `discord:c${day}`;
      const { reply, featured } = buildBriefing(curated, { channelKey, localDate: '2024-09-27', cursor: 0 });
      expect(featured.eventIds.length).toBeGreaterThan(0);
      const parsed = briefingAnswer.parse(reply.choices?.[0]?.action ?? '');
      const question = questionAt(curated, parsed?.seed ?? 0, parsed?.index ?? 0);
      expect(question?.eventIds.some((id) => featured.eventIds.includes(id))).toBe(false);
    }
  });

  it('gives the same briefing for the same channel and day, another for another day', () => {
    const a = buildBriefing(pack, { channelKey: 'discord:c1', localDate: '2024-05-01', cursor: 0 });
    const b = buildBriefing(pack, { channelKey: 'discord:c1', localDate: '2024-05-01', cursor: 0 });
    expect(b.reply).toEqual(a.reply);
    const days = new Set(
      Array.from(
        { length: 10 },
        (_, i) =>
          buildBriefing(pack, {
            channelKey: 'discord:c1',
            localDate: `2024-05-${String(i + 1).padStart(2, '0')}`,
            cursor: 0,
          }).reply.fields?.find((f) => f.name === 'Question of the day')?.value,
      ),
    );
    expect(days.size).toBeGreaterThan(1);
  });
});
