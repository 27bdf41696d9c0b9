import { describe, expect, it } from 'vitest';
import { hashString, parseSeed } from '../../src/core/parse/seed.js';

describe('parseSeed', () => {
  it('uses numbers as they are and hashes words stably', () => {
    expect(parseSeed('7')).toBe(7);
    expect(parseSeed('war')).toBe(hashString('war'));
    expect(parseSeed('war')).toBe(parseSeed(' war '));
  });

  it('asks for a seed when there is none', () => {
    expect(() => parseSeed('')).toThrow('A seed is needed');
    expect(() => parseSeed(undefined)).toThrow('A seed is needed');
  });
});
