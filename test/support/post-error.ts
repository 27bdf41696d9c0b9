import { expect } from 'vitest';
import { PostError } from '../../src/core/poster.js';

/** The PostError a Poster call rejects with; fails the test when it resolves or rejects with anything else. */
export async function postError(work: Promise<unknown>): Promise<PostError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostError);
  return error as PostError;
}
