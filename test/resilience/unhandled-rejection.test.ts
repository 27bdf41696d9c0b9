import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A process that installs the handler, lets one promise reject unhandled, and reports whether it lived on. */
const SCRIPT = `
import { createLogger } from './src/log.ts';
import { keepServingOnRejections } from './src/ops/process-faults.ts';
keepServingOnRejections(createLogger({ format: 'json', destination: process.stdout }));
Promise.reject(new Error('a request nobody handled'));
setTimeout(() => { console.log('still serving'); process.exit(0); }, 200);
`;

describe('a promise rejected with no handler', () => {
  it('is logged with what it was, and the process keeps serving', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/"event":"unhandled-rejection"/);
    expect(out).toContain('a request nobody handled');
    expect(out).toContain('still serving');
  });
});
