import type { ReplyImage } from './reply.js';

/**
 * Where a reply's picture is published so a platform can show it by link
 * (PUBLIC_URL) instead of uploading it. Declared here, where replies are,
 * so services can carry one; src/pictures/hosting.ts is the implementation.
 */
export interface PictureHost {
  /** Stores the picture if need be and returns its public address. */
  link(image: ReplyImage): Promise<string>;
  /** The address, without waiting, when the picture is already stored. */
  linkIfStored(image: ReplyImage): string | undefined;
  /** The stored PNG for a key, for the route that serves `/pictures/<key>.png`. */
  read(key: string): Promise<Uint8Array | undefined>;
  urlOf(key: string): string;
  keyOf(png: Uint8Array): string;
}
