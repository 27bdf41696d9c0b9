import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { renderOnce } from '../../src/adapters/discord/render-once.js';
import { loadPack } from '../../src/content/load.js';
import { dispatch } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { MemoryStore } from '../../src/store/memory.js';

const caller = {
  platform: 'discord',
  userId: '1',
  userName: 'alice',
  channelId: '2',
  serverId: '3',
  canManage: false,
} as const;

describe('rendering a reply for Discord once', () => {
  const reply: Reply = { text: 'October 2020', title: 'October 2020', body: 'Three events.', visibility: 'channel' };

  it('hands back the same messages for the same reply, frozen so that no reply can change another', () => {
    const first = renderOnce(reply);
    expect(renderOnce(reply)).toBe(first);
    expect(Object.isFrozen(first.messages[0]?.embeds[0])).toBe(true);
    expect(() => {
      (first.messages[0]?.embeds[0] as { title?: string }).title = 'changed';
    }).toThrow(TypeError);
  });

  it('renders again for other options (one message or several, a picture linked or not) and for another reply', () => {
    const all = renderOnce(reply);
    expect(renderOnce(reply, { single: true })).not.toBe(all);
    expect(renderOnce(reply, { imageUrl: 'https://chronicle.example.org/pictures/a.png' })).not.toBe(all);
    expect(renderOnce({ ...reply })).not.toBe(all);
  });

  it('serves a timeline page rendered once per pack, and renders it anew from a reloaded pack', async () => {
    const ask = async (pack: Awaited<ReturnType<typeof loadPack>>) =>
      dispatch(
        commands,
        { name: 'timeline', args: { when: '2020' } },
        {
          pack,
          store: new MemoryStore(),
          now: () => new Date(),
          poster: undefined as never,
          caller,
        },
      );
    const pack = await loadPack('test/fixtures/pack');
    const page = await ask(pack);
    expect(await ask(pack)).toBe(page);
    expect(renderOnce(await ask(pack))).toBe(renderOnce(page));

    const reloaded = await loadPack('test/fixtures/pack');
    const fresh = await ask(reloaded);
    expect(fresh).not.toBe(page);
    expect(renderOnce(fresh)).not.toBe(renderOnce(page));
    expect(renderOnce(fresh).messages).toEqual(renderOnce(page).messages);
  });
});
