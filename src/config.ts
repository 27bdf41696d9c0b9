import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project root, so paths work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * The one place that reads process.env. A bad value stops startup with a
 * message naming the variable and the form it expects; secret values are
 * never echoed back.
 */
export const EnvSchema = z.object({
  CONTENT_DIR: z.string().default(path.join(PROJECT_ROOT, 'content', 'caucasus')),
  STORE_URL: z
    .string()
    .regex(/^(sqlite|redis|rediss|memory):/, 'expected sqlite://PATH, redis://HOST:PORT or memory://')
    .default('sqlite://./data/chronicle.sqlite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: z.url('expected a URL such as https://discord.com/api').default('https://discord.com/api'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url('expected a URL such as https://slack.com/api/').optional(),
});

export type Config = z.infer<typeof EnvSchema>;

export const SECRET_KEYS = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
