import { commands } from '../../commands/index.js';
import { CONSOLE_CHANNEL, ConsoleSession } from '../../src/adapters/console/session.js';
import { RoutingPoster } from '../../src/core/routing-poster.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';
import { TestClock } from './clock.js';
import { richPack } from './rich-pack.js';

/**
 * A console session on the rich pack and a memory store, on a test clock:
 * `typed(line)` answers one line and returns what it printed.
 */
export function consoleSession() {
  const clock = new TestClock(Date.parse('2024-05-06T18:00:00Z'));
  const out: string[] = [];
  const poster = new RoutingPoster();
  const services = { pack: richPack(), store: new MemoryStore(() => clock.ms), now: clock.now, poster };
  const session = new ConsoleSession(services, commands, (t) => out.push(t), silentLogger);
  poster.register(CONSOLE_CHANNEL.platform, session.poster);
  const typed = async (line: string) => {
    out.length = 0;
    await session.handle(line);
    return out.join('\n\n');
  };
  return { clock, services, typed };
}
