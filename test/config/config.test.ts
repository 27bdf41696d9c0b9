import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, PROJECT_ROOT, parseConfig, platformsOf, SECRET_KEYS } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('runs with no variables at all: the console on a SQLite file under ./data', () => {
    const config = parseConfig({});
    expect(config.STORE_URL).toBe('sqlite://./data/chronicle.sqlite');
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SHARDS).toBeUndefined();
    expect(config.QUIZ_COUNT_EVERY_MS).toBe(1_000);
    expect(platformsOf(config)).toEqual({ discord: false, slack: false, slackMode: undefined });
  });

  it('finds the project root (where package.json and content/ live) from the source file', () => {
    expect(parseConfig({}).CONTENT_DIR).toBe(`${PROJECT_ROOT}/content/caucasus`);
    expect(PROJECT_ROOT).toBe(process.cwd());
  });

  it.each([
    ['PORT', 'http', /^PORT: expected a TCP port number from 0 to 65535/],
    ['PORT', '70000', /^PORT: expected a TCP port number/],
    [
      'LOG_LEVEL',
      'verbose',
      /^LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/,
    ],
    ['LOG_FORMAT', 'xml', /^LOG_FORMAT: expected auto, json or pretty/],
    ['STORE_URL', 'postgres://db/chronicle', /^STORE_URL: expected sqlite:\/\/PATH .*redis:\/\/HOST:PORT/],
    ['STORE_URL', 'sqlite://', /^STORE_URL: expected sqlite:\/\/PATH/],
    ['STORE_URL', 'redis://', /^STORE_URL: expected/],
    ['SHARDS', 'many', /^SHARDS: expected auto or a whole number of shards/],
    ['SHARDS', '0', /^SHARDS: expected auto or a whole number/],
    ['DISCORD_API_URL', 'not a url', /^DISCORD_API_URL: expected a URL/],
    ['QUIZ_COUNT_EVERY_MS', '500', /^QUIZ_COUNT_EVERY_MS: expected a whole number of milliseconds from 1000/],
    ['QUIZ_COUNT_EVERY_MS', 'often', /^QUIZ_COUNT_EVERY_MS: expected a whole number of milliseconds/],
  ])('names %s and the form it expects when it is %j', (name, value, message) => {
    const env: Record<string, string> = { [name]: value };
    if (name === 'SHARDS') Object.assign(env, { DISCORD_TOKEN: 't.o.k', DISCORD_APPLICATION_ID: '123' });
    expect(problemsOf(env)).toEqual([expect.stringMatching(message)]);
  });

  it('never echoes the user or password of a URL it refuses', () => {
    let message = '';
    try {
      parseConfig({ PUBLIC_URL: 'https://admin:hunter2@chronicle.example.org' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PUBLIC_URL');
    expect(message).toContain('https://***@chronicle.example.org');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('admin');
  });

  it('takes PUBLIC_URL as an http(s) address without its trailing slash, and refuses other forms', () => {
    expect(parseConfig({}).PUBLIC_URL).toBeUndefined();
    expect(parseConfig({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined();
    expect(parseConfig({ PUBLIC_URL: 'https://chronicle.example.org/' }).PUBLIC_URL).toBe(
      'https://chronicle.example.org',
    );
    expect(parseConfig({ PUBLIC_URL: 'https://example.org/bots/chronicle' }).PUBLIC_URL).toBe(
      'https://example.org/bots/chronicle',
    );
    for (const bad of [
      'chronicle.example.org',
      'ftp://example.org',
      'https://example.org/?a=1',
      'https://u:p@example.org',
    ]) {
      expect(problemsOf({ PUBLIC_URL: bad }), bad).toEqual([
        expect.stringMatching(/^PUBLIC_URL: expected the http\(s\) address where PORT is reachable/),
      ]);
    }
  });

  it('accepts every documented STORE_URL form', () => {
    for (const url of [
      'sqlite://./data/chronicle.sqlite',
      'sqlite:///app/data/chronicle.sqlite',
      'redis://redis:6379',
      'redis://:pw@127.0.0.1:6379/2',
      'rediss://cache.example:6380',
      'memory://',
    ]) {
      expect(parseConfig({ STORE_URL: url }).STORE_URL).toBe(url);
    }
  });

  it('reads SHARDS as auto or a number', () => {
    const discord = { DISCORD_TOKEN: 'a.b.c', DISCORD_APPLICATION_ID: '42' };
    expect(parseConfig({ ...discord, SHARDS: 'auto' }).SHARDS).toBe('auto');
    expect(parseConfig({ ...discord, SHARDS: '4' }).SHARDS).toBe(4);
  });

  it('refuses SHARDS with a store the shard processes cannot share, or with Slack', () => {
    const discord = { DISCORD_TOKEN: 't.o.k', DISCORD_APPLICATION_ID: '123', SHARDS: '2' };
    expect(problemsOf({ ...discord, STORE_URL: 'memory://' })).toEqual([
      expect.stringMatching(/^SHARDS: each shard is its own process .* set STORE_URL=sqlite:\/\/PATH or redis:/),
    ]);
    expect(problemsOf({ ...discord, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual([
      expect.stringMatching(/^SHARDS: a sharded process serves Discord only/),
    ]);
  });

  it('treats an empty variable as unset, as a blank line in .env means', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ' }).DISCORD_TOKEN).toBeUndefined();
  });

  it('wants the Discord application id alongside the token', () => {
    expect(problemsOf({ DISCORD_TOKEN: 'a.b.c' })).toEqual([
      expect.stringMatching(/^DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set/),
    ]);
  });

  it('wants a signing secret for Slack in HTTP mode, but not in Socket Mode', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(
        /^SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set in HTTP mode.*SLACK_APP_TOKEN/,
      ),
    ]);
    const socket = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(platformsOf(socket)).toEqual({ discord: false, slack: true, slackMode: 'socket' });
    const http = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret' });
    expect(platformsOf(http).slackMode).toBe('http');
  });

  it('wants the bot token when only a Slack secret is set', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'abc' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set/),
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', DISCORD_TOKEN: 'a.b.c' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'DISCORD_APPLICATION_ID']);
  });

  it('never echoes a secret, however it is wrong', () => {
    const secrets: Record<string, string> = {
      DISCORD_TOKEN: 'MTIz secret-discord-token',
      SLACK_BOT_TOKEN: 'xoxp-secret-user-token',
      SLACK_SIGNING_SECRET: 'signing secret with spaces',
      SLACK_APP_TOKEN: 'xoxb-secret-not-an-app-token',
      STORE_URL: 'postgres://admin:hunter2@db:5432/x',
    };
    let message = '';
    try {
      parseConfig(secrets);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of [...SECRET_KEYS, 'STORE_URL']) expect(message).toContain(`${key}:`);
    expect(message).not.toMatch(/secret-discord-token|xoxp-secret|signing secret with|xoxb-secret|hunter2/);
  });

  it('describes a configuration for the logs with secrets and Redis passwords hidden', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: '1',
      SLACK_BOT_TOKEN: 'xoxb-zzz',
      SLACK_SIGNING_SECRET: 'sss',
      STORE_URL: 'redis://user:hunter2@redis:6379',
    });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toMatch(/abc\.def\.ghi|xoxb-zzz|"sss"|hunter2/);
    expect(describeConfig(config)).toMatchObject({
      DISCORD_TOKEN: '[set]',
      STORE_URL: 'redis://[credentials]@redis:6379',
    });
  });
});
