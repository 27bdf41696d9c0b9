import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The project root, found by walking up to package.json, so paths work from
 * any working directory and from both src/config.ts (tsx) and
 * dist/src/config.js (the production image).
 */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An optional value that must match `pattern` when present; `form` says what a valid one looks like. */
function optionalMatching(pattern: RegExp, form: string) {
  return optionalText.refine((v) => v === undefined || pattern.test(v), { message: `expected ${form}` });
}

const STORE_URL_FORM =
  'sqlite://PATH (e.g. sqlite://./data/chronicle.sqlite), redis://HOST:PORT, rediss://HOST:PORT or memory://';

/** The quiz clock ticks each second, so a count cannot be shown more often than that. */
const QUIZ_COUNT_FORM = 'expected a whole number of milliseconds from 1000 to 60000, e.g. 1000 (one edit a second)';

/** Why a STORE_URL cannot be used, or undefined when it can. */
function storeUrlProblem(value: string): string | undefined {
  if (value === 'memory://' || value === 'memory:') return undefined;
  if (value.startsWith('sqlite://'))
    return value.length > 'sqlite://'.length ? undefined : `expected ${STORE_URL_FORM}`;
  if (/^rediss?:\/\//.test(value)) {
    try {
      return new URL(value).hostname ? undefined : `expected ${STORE_URL_FORM}`;
    } catch {
      return `expected ${STORE_URL_FORM}`;
    }
  }
  return `expected ${STORE_URL_FORM}`;
}

/** An absolute http(s) URL with no query or fragment, which a path can be appended to. */
function isPublicUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}

/**
 * The one place that reads process.env. A bad value stops startup with a
 * message naming the variable and the form it expects; secret values are
 * never echoed back.
 */
export const EnvSchema = z.object({
  CONTENT_DIR: z.string().default(path.join(PROJECT_ROOT, 'content', 'caucasus')),
  STORE_URL: z
    .string()
    .trim()
    .default('sqlite://./data/chronicle.sqlite')
    .refine((v) => storeUrlProblem(v) === undefined, { message: `expected ${STORE_URL_FORM}` }),
  /** Where the console saves pictures it cannot show in a terminal. */
  PICTURES_DIR: z.string().trim().min(1, 'expected a folder path, e.g. ./data/pictures').default('./data/pictures'),
  /**
   * Where PORT is reachable from the internet (https://bot.example.org). Set,
   * pictures are served from it and shown by link; unset, each is uploaded.
   */
  PUBLIC_URL: optionalText
    .refine((v) => v === undefined || isPublicUrl(v), {
      message:
        'expected the http(s) address where PORT is reachable from the internet, e.g. https://chronicle.example.org',
    })
    .transform((v) => v?.replace(/\/+$/, '')),
  PORT: z.coerce
    .number({ message: 'expected a TCP port number from 0 to 65535, e.g. 3000' })
    .int('expected a TCP port number from 0 to 65535, e.g. 3000')
    .min(0, 'expected a TCP port number from 0 to 65535, e.g. 3000')
    .max(65535, 'expected a TCP port number from 0 to 65535, e.g. 3000')
    .default(3000),
  /** The address the ops server (/healthz, /metrics) binds; 0.0.0.0 so a container's port mapping reaches it. */
  HOST: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.:-]+$/, 'expected an address to listen on, e.g. 0.0.0.0 or 127.0.0.1')
    .default('0.0.0.0'),
  /**
   * The least time between two edits of a quiz round's live answer count,
   * shared by every instance: platforms rate-limit message edits (Discord a
   * few per 5 s in a channel, Slack's chat.update about one a second).
   */
  QUIZ_COUNT_EVERY_MS: z.coerce
    .number({ message: QUIZ_COUNT_FORM })
    .int(QUIZ_COUNT_FORM)
    .min(1_000, QUIZ_COUNT_FORM)
    .max(60_000, QUIZ_COUNT_FORM)
    .default(1_000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  /** auto: pretty when stdout is a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty'], { message: 'expected auto, json or pretty' }).default('auto'),
  DISCORD_TOKEN: optionalMatching(/^\S+$/, 'the bot token from the Discord developer portal (Bot → Token), no spaces'),
  DISCORD_APPLICATION_ID: optionalMatching(
    /^\d{1,20}$/,
    'the numeric application id from the Discord developer portal (General Information), e.g. 1234567890123456789',
  ),
  DISCORD_GUILD_ID: optionalMatching(/^\d{1,20}$/, 'a numeric server (guild) id, e.g. 1234567890123456789'),
  DISCORD_API_URL: z.url('expected a URL such as https://discord.com/api').default('https://discord.com/api'),
  /** Discord shards: unset runs one client in this process; auto or N runs discord.js's ShardingManager. */
  SHARDS: optionalMatching(
    /^(auto|[1-9]\d{0,3})$/,
    'auto or a whole number of shards from 1 to 9999, e.g. SHARDS=2',
  ).transform((v): 'auto' | number | undefined => (v === undefined || v === 'auto' ? v : Number(v))),
  SLACK_BOT_TOKEN: optionalMatching(
    /^xoxb-\S+$/,
    'a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)',
  ),
  SLACK_SIGNING_SECRET: optionalMatching(
    /^\S+$/,
    'the signing secret from Basic Information → App Credentials, no spaces',
  ),
  SLACK_APP_TOKEN: optionalMatching(
    /^xapp-\S+$/,
    'an app-level token starting with xapp- (Basic Information → App-Level Tokens), for Socket Mode',
  ),
  SLACK_API_URL: z.url('expected a URL such as https://slack.com/api/').optional(),
  /** Must match the manifest: `chronicle manifest slack` (namespaced) or `… --flat`. */
  SLACK_COMMANDS: z
    .enum(['namespaced', 'flat'], { message: 'expected namespaced (/chronicle <command>) or flat (/timeline …)' })
    .default('namespaced'),
});

export type Config = z.infer<typeof EnvSchema> & {
  /** PORT was set, not defaulted: the console serves /healthz only when asked to. */
  portGiven: boolean;
};

export const SECRET_KEYS = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

/** Variables whose value may hold a credential (a Redis password in STORE_URL), so errors never quote them. */
const UNQUOTABLE = new Set<string>([...SECRET_KEYS, 'STORE_URL']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `configuration is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}\nSee .env.example for every variable and its form.`,
    );
    this.name = 'ConfigError';
  }
}

/** Variables that only make sense together; checked on the raw values so every problem is reported at once. */
function pairingProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name]?.trim() ?? '') !== '';
  const problems: string[] = [];
  if (set('DISCORD_TOKEN') && !set('DISCORD_APPLICATION_ID')) {
    problems.push(
      'DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set (slash commands are registered under it); expected the numeric application id from the Discord developer portal',
    );
  }
  if (set('DISCORD_APPLICATION_ID') && !set('DISCORD_TOKEN')) {
    problems.push(
      'DISCORD_TOKEN: required when DISCORD_APPLICATION_ID is set; expected the bot token from the Discord developer portal (Bot → Token), or remove DISCORD_APPLICATION_ID',
    );
  }
  if (set('SHARDS') && !set('DISCORD_TOKEN')) {
    problems.push('SHARDS: only applies to Discord; set DISCORD_TOKEN as well, or remove SHARDS');
  }
  if (set('SHARDS') && env.STORE_URL?.trim().startsWith('memory:')) {
    problems.push(
      'SHARDS: each shard is its own process and they must share one store; set STORE_URL=sqlite://PATH or redis://HOST:PORT, or remove SHARDS',
    );
  }
  if (set('SHARDS') && set('SLACK_BOT_TOKEN')) {
    problems.push(
      'SHARDS: a sharded process serves Discord only; run Slack in another instance without SHARDS, or remove SHARDS',
    );
  }
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_TOKEN')) {
    problems.push(
      'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set in HTTP mode; expected the signing secret from Basic Information → App Credentials (or set SLACK_APP_TOKEN=xapp-... for Socket Mode)',
    );
  }
  for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) {
    if (set(name) && !set('SLACK_BOT_TOKEN')) {
      problems.push(`SLACK_BOT_TOKEN: required when ${name} is set; expected a bot token starting with xoxb-`);
    }
  }
  return problems;
}

function quoted(name: string, env: Record<string, string | undefined>): string {
  const value = env[name];
  if (value === undefined || UNQUOTABLE.has(name)) return '';
  // A URL's user and password never reach an error message: "https://***@host".
  const safe = value.replace(/\/\/[^/@\s]*@/g, '//***@');
  const shown = safe.length > 60 ? `${safe.slice(0, 60)}…` : safe;
  return ` (got ${JSON.stringify(shown)})`;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}: ${issue.message}${quoted(name, env)}`;
      });
  problems.push(...pairingProblems(env));
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return { ...result.data, portGiven: (env.PORT ?? '').trim() !== '' };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}

/**
 * The configuration inside a shard process started by discord.js's
 * ShardingManager. There SHARDS and SHARD_COUNT are discord.js's own (this
 * shard's ids, read by the Client itself), not our SHARDS=auto|N; and PORT
 * belongs to the manager's process, so a shard's own /healthz takes any free port.
 */
export function loadShardConfig(): { config: Config; shards: number[] } {
  const ids = [JSON.parse(process.env.SHARDS ?? '[]')].flat().map(Number);
  return { config: parseConfig({ ...process.env, SHARDS: undefined, PORT: '0' }), shards: ids };
}

/** Which platforms this configuration serves; the console is the fallback when none is set. */
export function platformsOf(config: Config): { discord: boolean; slack: boolean; slackMode?: 'http' | 'socket' } {
  const slack = config.SLACK_BOT_TOKEN !== undefined;
  return {
    discord: config.DISCORD_TOKEN !== undefined,
    slack,
    slackMode: slack ? (config.SLACK_APP_TOKEN ? 'socket' : 'http') : undefined,
  };
}

/** The configuration as it may be logged: secrets replaced, a Redis password masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...config };
  for (const key of SECRET_KEYS) if (shown[key] !== undefined) shown[key] = '[set]';
  shown.STORE_URL = config.STORE_URL.replace(/\/\/([^@/]*)@/, '//[credentials]@');
  return shown;
}
