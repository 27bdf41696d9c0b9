import type { Keyv } from 'keyv';

/**
 * Keyv keeps a value and its expiry together, serialized, as
 * `{"value":…,"expires":ms}`. Operations that go to the backend's own client
 * (claim) write the same shape, so `get` sees a claim marker like any value.
 */
export async function keyvEncode(keyv: Keyv, value: unknown, expiresAt: number | undefined): Promise<string> {
  return String(await keyv.serialize?.({ value, expires: expiresAt }));
}
