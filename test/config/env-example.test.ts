import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema, PROJECT_ROOT, parseConfig } from '../../src/config.js';

const example = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');

/** Variables named in .env.example, whether set or commented out. */
function documented(): string[] {
  return [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] as string);
}

describe('.env.example', () => {
  it('lists every variable the config schema reads, and nothing else', () => {
    expect(new Set(documented())).toEqual(new Set(Object.keys(EnvSchema.shape)));
  });

  it('puts a comment above every variable', () => {
    const lines = example.split('\n');
    lines.forEach((line, index) => {
      if (/^[A-Z][A-Z0-9_]+=/.test(line)) expect(lines[index - 1], `comment above ${line}`).toMatch(/^#/);
    });
  });

  it('is itself a valid configuration as shipped', () => {
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((line) => /^[A-Z][A-Z0-9_]+=/.test(line))
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(() => parseConfig(env)).not.toThrow();
  });
});
