import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { freePort, type Running, startChronicle } from '../support/chronicle-process.js';

/**
 * No Docker engine runs here, so this rebuilds what the image's runtime stage
 * holds (its COPY lines, read from the Dockerfile itself), with
 * production dependencies only and no src/, and runs the image's exact CMD
 * and HEALTHCHECK commands in it.
 */
const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));

function execForm(instruction: string): string[] {
  const match = new RegExp(`^${instruction} .*?(\\[.*\\])\\s*$`, 'm').exec(runtimeStage);
  if (!match) throw new Error(`no exec-form ${instruction} in the Dockerfile's runtime stage`);
  return JSON.parse(match[1] as string) as string[];
}

/** `COPY --from=build [--chown=..] /app/a /app/b ./dest` → the paths under /app the runtime stage receives. */
function copiedPaths(): string[] {
  return [...runtimeStage.matchAll(/^COPY --from=build (.*)$/gm)].flatMap((m) => {
    const words = (m[1] as string).split(/\s+/).filter((w) => !w.startsWith('--'));
    return words.slice(0, -1).map((source) => path.posix.relative('/app', source));
  });
}

let image = '';
const running: Running[] = [];

beforeAll(() => {
  image = mkdtempSync(path.join(tmpdir(), 'chronicle-image-'));
  // `npm run build` is `tsc -p tsconfig.build.json`; built into the copy so the checkout's dist/ is untouched.
  spawnSync(process.execPath, [tscBin(), '-p', 'tsconfig.build.json', '--outDir', path.join(image, 'dist')], {
    cwd: PROJECT_ROOT,
    stdio: 'ignore',
  });
  for (const rel of copiedPaths()) {
    if (rel === 'dist') continue;
    if (rel === 'node_modules') {
      linkProductionDependencies(path.join(image, 'node_modules'));
      continue;
    }
    cpSync(path.join(PROJECT_ROOT, rel), path.join(image, rel), { recursive: true });
  }
  mkdirSync(path.join(image, 'data'));
}, 180_000);

afterAll(() => {
  for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  if (image) rmSync(image, { recursive: true, force: true });
});

function tscBin(): string {
  return path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
}

/** What `npm ci --omit=dev` installs: every production package, linked from the checkout. */
function linkProductionDependencies(target: string): void {
  const listing = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const topLevel = listing
    .split('\n')
    .map((line) => path.relative(path.join(PROJECT_ROOT, 'node_modules'), line))
    .filter((rel) => rel && !rel.startsWith('..') && /^(@[^/]+\/)?[^/]+$/.test(rel));
  for (const rel of new Set(topLevel)) {
    // tsx is a dependency so `npm start` works from a checkout; leaving it out proves the image runs without it.
    if (rel === 'tsx' || rel === 'esbuild' || rel.startsWith('@esbuild/')) continue;
    mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules', rel), path.join(target, rel));
  }
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    STORE_URL: `sqlite://${path.join(image, 'data', 'chronicle.sqlite')}`,
    CONTENT_DIR: path.join(PROJECT_ROOT, 'test', 'fixtures', 'pack'),
    HOST: '127.0.0.1',
    ...extra,
  };
}

describe('the Docker image, rebuilt without Docker', () => {
  it('holds what the runtime stage copies: compiled code, bin, content, production dependencies, and no source or dev tools', () => {
    expect(copiedPaths()).toEqual(expect.arrayContaining(['package.json', 'node_modules', 'dist', 'bin', 'content']));
    expect(existsSync(path.join(image, 'dist', 'src', 'cli.js'))).toBe(true);
    expect(existsSync(path.join(image, 'src'))).toBe(false);
    expect(existsSync(path.join(image, 'node_modules', 'discord.js'))).toBe(true);
    expect(existsSync(path.join(image, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(path.join(image, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(path.join(image, 'node_modules', 'tsx'))).toBe(false);
  });

  it('finds its content from dist/ through the project root (package.json), not relative to the compiled file', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('./dist/src/config.js'); console.log(m.parseConfig({}).CONTENT_DIR)",
      ],
      { cwd: image, encoding: 'utf8' },
    );
    expect(out.trim()).toBe(path.join(image, 'content', 'caucasus'));
  });

  it("answers a command through the image's exact CMD, with piped stdin", () => {
    const [command, ...args] = execForm('CMD');
    expect([command, ...args]).toEqual(['node', 'bin/chronicle.js', 'start']);
    const result = spawnSync(process.execPath, args, {
      cwd: image,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env() },
      input: '/help\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).not.toMatch(/"level":50|Error:/);
    expect(result.status).toBe(0);
    // dist/commands/*.js found as commands/*.ts are under tsx: all of them, in the same order.
    const listed = [...result.stdout.matchAll(/^\/(\w+): /gm)].map((m) => m[1]);
    expect(listed).toEqual(commands.map((c) => c.name));
  });

  it('passes its HEALTHCHECK while running, and stops cleanly on the SIGTERM `docker stop` sends', async () => {
    const port = await freePort();
    const bot = startChronicle({ argv: execForm('CMD').slice(1), cwd: image, env: env({ PORT: String(port) }) });
    running.push(bot);
    await bot.waitForLog((e) => e.event === 'ops' && e.port === port);

    const [command, ...args] = execForm('HEALTHCHECK');
    expect(command).toBe('node');
    const probe = spawnSync(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      timeout: 10_000,
    });
    expect(probe.status).toBe(0);

    const sentAt = Date.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(exit.atMs - sentAt).toBeLessThan(10_000);
  });

  it('fails its HEALTHCHECK when nothing answers', async () => {
    const port = await freePort();
    const [, ...args] = execForm('HEALTHCHECK');
    const probe = spawnSync(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      timeout: 10_000,
    });
    expect(probe.status).toBe(1);
  });

  it('refuses bad configuration with a message naming the variable, exit 1', () => {
    const result = spawnSync(process.execPath, execForm('CMD').slice(1), {
      cwd: image,
      env: { PATH: process.env.PATH ?? '', ...env({ PORT: 'eighty', DISCORD_TOKEN: 'tok.en.x' }) },
      input: '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: expected a TCP port number from 0 to 65535');
    expect(result.stderr).toContain('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
    expect(result.stderr).not.toContain('tok.en.x');
  });
});
