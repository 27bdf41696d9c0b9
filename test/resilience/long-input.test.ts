import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { runConsole } from '../../src/adapters/console/run.js';
import { suggest } from '../../src/adapters/discord/autocomplete.js';
import { MAX_OPTION_CHARS } from '../../src/core/dispatch.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';
import { fixturePack } from '../support/fixture-pack.js';

const FIVE_MB = 'a'.repeat(5 * 1024 * 1024);

describe('an option of any length', () => {
  it('is refused before anything reads it, naming the limit, and the next line is answered', async () => {
    const out: string[] = [];
    const services = {
      pack: await fixturePack(),
      store: new MemoryStore(),
      now: () => new Date(),
      poster: new RoutingPoster(),
    };
    const input = Readable.from([`/timeline 2020-10 topic:${FIVE_MB}\n`, '/timeline 2020-10\n']);
    await runConsole(services, { input, write: (t) => out.push(t), interactive: false, commands }, silentLogger);
    expect(out[0]).toMatch(
      new RegExp(`topic is too long \\(5,242,880 characters\\): keep it under ${MAX_OPTION_CHARS}`),
    );
    expect(out.slice(1).join('\n')).toMatch(/October 2020/);
  });

  it('never holds the event loop more than 50 ms while a 5 MB line arrives in pipe-sized chunks', async () => {
    const line = `/timeline 2020-10 topic:${FIVE_MB}\n`;
    const chunks = Array.from({ length: Math.ceil(line.length / 65_536) }, (_, i) =>
      line.slice(i * 65_536, (i + 1) * 65_536),
    );
    const longestStall = async () => {
      const queue = [...chunks, '/timeline 2020-10\n'];
      // As from a pipe: each chunk in its own turn of the event loop.
      const input = new Readable({
        read() {
          setImmediate(() => this.push(queue.shift() ?? null));
        },
      });
      let last = performance.now();
      let longest = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 1);
      const services = {
        pack: await fixturePack(),
        store: new MemoryStore(),
        now: () => new Date(),
        poster: new RoutingPoster(),
      };
      await runConsole(services, { input, write: () => {}, interactive: false, commands }, silentLogger);
      clearInterval(tick);
      return longest;
    };
    // The best of three: a garbage collection or a busy neighbour in the test run is not the bot's stall.
    const stalls = [await longestStall(), await longestStall(), await longestStall()];
    expect(Math.min(...stalls)).toBeLessThan(50);
  });

  it('gets no autocomplete work at all', async () => {
    expect(suggest(await fixturePack(), 'topic', FIVE_MB)).toEqual([]);
  });
});
