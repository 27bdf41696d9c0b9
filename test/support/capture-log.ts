import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

/** One JSON log line, parsed. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A JSON logger whose lines land, parsed, in `lines`, as a log shipper would read them. */
export function captureLog(level = 'debug', lines: LogLine[] = []): { log: Logger; lines: LogLine[] } {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { log: createLogger({ level, format: 'json', destination }), lines };
}
