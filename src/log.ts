import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * JSON logs by default (what log shippers want), pretty when a person is
 * watching a terminal. Secrets are redacted wherever they appear by name.
 */
export function createLogger(
  options: { level?: string; pretty?: boolean; destination?: NodeJS.WritableStream } = {},
): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'chronicle' },
      redact: {
        paths: [
          'token',
          '*.token',
          'headers.authorization',
          '*.headers.authorization',
          'signingSecret',
          '*.signingSecret',
        ],
        censor: '[redacted]',
      },
      transport: pretty && !options.destination ? { target: 'pino-pretty', options: { destination: 2 } } : undefined,
    },
    options.destination as pino.DestinationStream | undefined,
  );
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
