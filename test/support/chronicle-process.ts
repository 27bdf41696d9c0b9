import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port.js';
import { sleep } from './sleep.js';

/** A running `chronicle` process whose JSON log lines (stderr) and replies (stdout) a test can wait on. */
export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  logs: () => Record<string, unknown>[];
  waitForLog(match: (entry: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  waitForOutput(text: string | RegExp, ms?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
}

export function startChronicle(options: { argv: string[]; cwd: string; env: Record<string, string> }): Running {
  const child = spawn(process.execPath, options.argv, {
    cwd: options.cwd,
    // Only what the test sets, plus PATH: no token from the developer's shell leaks in.
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...options.env },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const logs = () =>
    err
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() }));
  });
  const poll = async (done: () => boolean, what: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (child.exitCode !== null)
        throw new Error(`chronicle exited (${child.exitCode}) before ${what}:\n${err}\n${out}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\nstderr:\n${err}\nstdout:\n${out}`);
      await sleep(25);
    }
  };
  return {
    child,
    stdout: () => out,
    logs,
    exited,
    async waitForLog(match, ms = 15_000) {
      await poll(() => logs().some(match), 'a log line', ms);
      return logs().find(match) as Record<string, unknown>;
    },
    async waitForOutput(text, ms = 15_000) {
      await poll(() => (typeof text === 'string' ? out.includes(text) : text.test(out)), `output ${text}`, ms);
    },
  };
}

export { freePort };

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm start` as a separate process with these settings and, if given, this stdin: its exit code and output. */
export async function runToExit(
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; err: string; out: string }> {
  const child = spawn(process.execPath, ['bin/chronicle.js', 'start'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  if (input !== undefined) child.stdin?.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, err, out };
}
