import { spawn } from 'node:child_process';
import path from 'node:path';

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
