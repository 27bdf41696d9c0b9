import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CONFIG = path.resolve('.dependency-cruiser.cjs');
const DEPCRUISE = path.resolve('node_modules/.bin/depcruise');

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Cruises a tiny tree laid out like the project's with the project's rules; resolves to depcruise's output. */
async function cruise(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chronicle-layers-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext' } }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return run(DEPCRUISE, ['src', '--config', CONFIG], { cwd: dir }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, output: e.stdout }),
  );
}

describe('the layer check', () => {
  it('fails a wrong-way import, naming the rule', async () => {
    const result = await cruise({
      'src/core/reply.ts': "import { chart } from '../pictures/chart.js';\nexport const reply = chart;\n",
      'src/pictures/chart.ts': 'export const chart = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('core-imports-only-below: src/core/reply.ts → src/pictures/chart.ts');
  });

  it('passes an import that points down', async () => {
    const result = await cruise({
      'src/pictures/chart.ts': "import { reply } from '../core/reply.js';\nexport const chart = reply;\n",
      'src/core/reply.ts': 'export const reply = 1;\n',
    });
    expect(result).toMatchObject({ code: 0 });
  });
});
