import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { briefingAnswer, questionAt } from '../../src/engine/briefing/question-of-the-day.js';
import { leaderboardKey } from '../../src/engine/briefing/reveal.js';
import { briefingQueue } from '../../src/schedule/subscriptions.js';
import { TestClock } from '../support/clock.js';
import { harness } from '../support/harness.js';

const admin = { canManage: true } as const;

describe('/briefing', () => {
  it('subscribes with defaults (08:00 UTC daily) and says when the first one comes', async () => {
    const h = await harness({ clock: new TestClock(Date.parse('2024-05-01T06:00:00Z')) });
    const reply = await h.run('/briefing subscribe', admin);
    expect(reply.visibility).toBe('private');
    expect(reply.text).toBe(
      'Subscribed: this channel gets a briefing every day at 08:00 UTC. The next one: Wed, 1 May 2024, 08:00 UTC.',
    );
    expect(await h.store.due(briefingQueue('discord'), Date.parse('2024-05-01T08:00:00Z'), 10)).toEqual([
      { member: 'discord:c1', dueAt: Date.parse('2024-05-01T08:00:00Z') },
    ]);
  });

  it('shows the next send time in the channel’s timezone, and the last result', async () => {
    const h = await harness({ clock: new TestClock(Date.parse('2024-05-01T06:00:00Z')) });
    await h.run('/briefing subscribe time:7:30 timezone:asia/yerevan days:weekdays', admin);
    const status = await h.run('/briefing status');
    expect(status.visibility).toBe('private');
    expect(status.text).toContain('Schedule: on weekdays at 07:30 Asia/Yerevan.');
    expect(status.text).toContain('Next: Thu, 2 May 2024, 07:30 GMT+4.');
    expect(status.text).toContain('Last: none yet.');
  });

  it('refuses people who cannot manage the server, privately and with the reason', async () => {
    const h = await harness();
    for (const sub of ['subscribe', 'unsubscribe', 'pause', 'resume']) {
      await expect(h.run(`/briefing ${sub}`)).rejects.toThrow(/Only someone who can manage this server/);
    }
    await expect(h.run('/briefing subscribe', { platform: 'slack' })).rejects.toThrow(/manage this workspace/);
  });

  it('turns a bad time or timezone into a message with an example or a suggestion', async () => {
    const h = await harness();
    await expect(h.run('/briefing subscribe time:25:00', admin)).rejects.toThrow(/e\.g\. 08:00/);
    await expect(h.run('/briefing subscribe timezone:Europe/Pari', admin)).rejects.toThrow(UserError);
    await expect(h.run('/briefing subscribe timezone:Europe/Pari', admin)).rejects.toThrow(
      'Did you mean Europe/Paris?',
    );
    expect(await h.store.get('briefing:sub:discord:c1')).toBeUndefined();
  });

  it('previews privately and records nothing', async () => {
    const h = await harness();
    await h.run('/briefing subscribe', admin);
    const before = await h.store.due(briefingQueue('discord'), Number.MAX_SAFE_INTEGER, 10);
    const preview = await h.run('/briefing preview');
    expect(preview.visibility).toBe('private');
    expect(preview.title).toMatch(/^Daily briefing · /);
    expect(preview.footer).toMatch(/^Preview, seen only by you\./);
    expect(h.poster.posts).toEqual([]);
    expect(await h.store.get('briefing:cursor:discord:c1')).toBeUndefined();
    expect(await h.store.get('briefing:last:discord:c1')).toBeUndefined();
    expect(await h.store.due(briefingQueue('discord'), Number.MAX_SAFE_INTEGER, 10)).toEqual(before);
  });

  it('pauses and resumes, keeping the settings', async () => {
    const h = await harness({ clock: new TestClock(Date.parse('2024-05-01T06:00:00Z')) });
    await h.run('/briefing subscribe time:09:00 timezone:Europe/Paris', admin);
    await h.run('/briefing pause', { ...admin, userName: 'Nare' });
    expect(await h.store.due(briefingQueue('discord'), Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    expect((await h.run('/briefing status')).text).toContain('(paused by Nare). /briefing resume starts it again.');
    const resumed = await h.run('/briefing resume', admin);
    expect(resumed.text).toBe('Resumed: every day at 09:00 Europe/Paris. The next one: Wed, 1 May 2024, 09:00 CEST.');
    expect(await h.store.due(briefingQueue('discord'), Number.MAX_SAFE_INTEGER, 10)).toHaveLength(1);
  });

  it('unsubscribes', async () => {
    const h = await harness();
    await h.run('/briefing subscribe', admin);
    expect((await h.run('/briefing unsubscribe', admin)).text).toContain('Unsubscribed');
    expect(await h.store.due(briefingQueue('discord'), Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    expect((await h.run('/briefing status')).text).toContain('no daily briefing');
    await expect(h.run('/briefing unsubscribe', admin)).rejects.toThrow(/no daily briefing/);
  });

  it('refuses a made-up question-of-the-day button, scoring nothing', async () => {
    const h = await harness();
    await expect(
      h.click('briefing:answer:123456:0:1', { userId: 'u9', userName: 'Mallory', serverId: 'g1' }),
    ).rejects.toThrow('That button is no longer active.');
    expect(await h.store.list(leaderboardKey('discord', 'g1'))).toEqual([]);
  });

  it('reveals the question of the day privately, scoring only the first answer', async () => {
    const h = await harness();
    const preview = await h.run('/briefing preview');
    const choices = preview.choices ?? [];
    const parsed = briefingAnswer.parse(choices[0]?.action ?? '');
    const question = questionAt(h.pack, parsed?.seed ?? 0, parsed?.index ?? 0);
    const right = choices[question?.answer ?? 0]?.action as string;
    const wrong = choices.find((c) => c.action !== right)?.action as string;

    const first = await h.click(right, { userId: 'u7', userName: 'Lilit', serverId: 'g1' });
    expect(first.visibility).toBe('private');
    expect(first.body).toContain('**Right:');
    expect(first.footer).toBe('+500 points on the leaderboard.');
    const again = await h.click(wrong, { userId: 'u7', userName: 'Lilit', serverId: 'g1' });
    expect(again.body).toContain('**Not quite');
    expect(again.footer).toMatch(/only your first answer counts/);
    await h.click(wrong, { userId: 'u8', userName: 'Aysel', serverId: 'g1' });

    const board = await h.store.list<{ userId: string; points: number; correct: boolean }>(
      leaderboardKey('discord', 'g1'),
    );
    expect(board.map((e) => [e.userId, e.points, e.correct])).toEqual([
      ['u7', 500, true],
      ['u8', 0, false],
    ]);
  });
});
