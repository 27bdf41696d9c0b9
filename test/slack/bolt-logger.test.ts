import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../src/adapters/slack/bolt-logger.js';
import { captureLog } from '../support/capture-log.js';

function capture(level: string) {
  const { log, lines } = captureLog(level);
  return { bolt: boltLogger(log), lines };
}

describe('Bolt’s logger', () => {
  it('routes Bolt’s lines into ours as one message, tagged with its component', () => {
    const { bolt, lines } = capture('debug');
    bolt.debug('Conversation context loaded for ID:', 'C1');
    bolt.warn(new Error('socket closed'), 'retrying');
    expect(lines).toMatchObject([
      { level: 20, component: 'slack-bolt', msg: 'Conversation context loaded for ID: C1' },
      { level: 40, component: 'slack-bolt', msg: 'socket closed retrying' },
    ]);
  });

  it('does not build debug lines when debug is off', () => {
    const { bolt, lines } = capture('info');
    const costly = { toString: () => expect.unreachable('a debug argument was stringified at info level') };
    bolt.debug('payload', costly);
    expect(lines).toEqual([]);
  });
});
