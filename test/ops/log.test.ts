import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logInteraction } from '../../src/log.js';

/** A logger whose JSON lines land in an array, as a log shipper would read them. */
function capture(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  const log = createLogger({ level, destination });
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logs', () => {
  it('writes one JSON object per line by default', () => {
    const { log, entries } = capture();
    log.info({ answer: 42 }, 'hello');
    expect(entries()).toEqual([expect.objectContaining({ app: 'chronicle', msg: 'hello', answer: 42, level: 30 })]);
  });

  it('logs an interaction once with command, platform, latency and outcome', () => {
    const { log, entries } = capture();
    logInteraction(
      log,
      { platform: 'discord', command: 'quiz', subcommand: 'start', optionNames: ['rounds'] },
      { outcome: 'ok', latencyMs: 12.345 },
    );
    expect(entries()).toEqual([
      expect.objectContaining({
        event: 'interaction',
        platform: 'discord',
        command: 'quiz',
        subcommand: 'start',
        kind: 'command',
        options: ['rounds'],
        outcome: 'ok',
        latencyMs: 12.3,
        level: 30,
      }),
    ]);
  });

  it('keeps a child logger’s bindings and level on the interaction line, and redaction on every other line', () => {
    const { log, entries } = capture();
    const shard = log.child({ shard: [1] });
    logInteraction(shard, { platform: 'discord', command: 'fact' }, { outcome: 'ok', latencyMs: 1 }, { userId: 'u1' });
    shard.info({ token: 'xoxb-secret' }, 'after');
    const [line, after] = entries();
    expect(line).toMatchObject({ app: 'chronicle', shard: [1], userId: 'u1', command: 'fact' });
    expect(after).toMatchObject({ shard: [1], token: '[redacted]' });
    const quiet = capture('warn');
    logInteraction(quiet.log, { platform: 'discord', command: 'fact' }, { outcome: 'ok', latencyMs: 1 });
    expect(quiet.lines).toEqual([]);
  });

  it('logs a bug at error level with the error, and a user mistake at info without its message', () => {
    const { log, entries } = capture();
    logInteraction(
      log,
      { platform: 'slack', command: 'timeline' },
      { outcome: 'error', latencyMs: 3, error: new TypeError('boom') },
    );
    logInteraction(log, { platform: 'slack', command: 'timeline' }, { outcome: 'user_error', latencyMs: 1 });
    const [bug, mistake] = entries();
    expect(bug).toMatchObject({ level: 50, outcome: 'error', err: { type: 'TypeError', message: 'boom' } });
    expect(mistake).toMatchObject({ level: 30, outcome: 'user_error' });
    expect(mistake).not.toHaveProperty('err');
  });

  it('never carries what the person typed, even when an adapter passes it along by mistake', () => {
    const { log, lines } = capture();
    const typed = 'my secret diary entry about Shusha';
    const sloppy = {
      platform: 'console',
      command: typed,
      subcommand: 'Hello There',
      args: { text: typed },
      text: typed,
    };
    logInteraction(log, sloppy, { outcome: 'user_error', latencyMs: 1 });
    expect(lines.join('\n')).not.toMatch(/diary|Shusha|Hello There/);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ command: 'unknown', subcommand: 'unknown' });
  });

  it('redacts tokens by field name anywhere in a log object', () => {
    const { log, lines } = capture();
    log.info(
      { token: 'tok-1', client: { token: 'tok-2', signingSecret: 'sig-3' }, DISCORD_TOKEN: 'tok-4' },
      'connecting',
    );
    expect(lines.join('\n')).not.toMatch(/tok-1|tok-2|sig-3|tok-4/);
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('scrubs Slack and Discord token shapes out of error messages and stacks', () => {
    const { log, lines } = capture();
    const discordShaped = `${'M'.repeat(24)}.${'G'.repeat(6)}.${'x'.repeat(27)}`;
    logInteraction(
      log,
      { platform: 'slack', command: 'help' },
      { outcome: 'error', latencyMs: 1, error: new Error(`auth failed for xoxb-1234-abcd and ${discordShaped}`) },
    );
    expect(lines.join('\n')).not.toMatch(/xoxb-1234|MMMMMMMM/);
    expect(lines.join('\n')).toContain('auth failed for [redacted]');
  });

  it('respects the level', () => {
    const { log, lines } = capture('warn');
    logInteraction(log, { platform: 'slack', command: 'help' }, { outcome: 'ok', latencyMs: 1 });
    expect(lines).toEqual([]);
  });
});

describe('log format', () => {
  it('is readable text, not JSON, when pretty is asked for', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ format: 'pretty', destination });
    logInteraction(log, { platform: 'discord', command: 'quiz' }, { outcome: 'ok', latencyMs: 5 });
    const text = lines.join('');
    expect(text).toMatch(/INFO.*interaction/);
    expect(text).toContain('command: "quiz"');
    expect(() => JSON.parse(text)).toThrow();
  });
});
