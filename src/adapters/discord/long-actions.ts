import type { Store } from '../../core/store.js';
import { isLongActionId } from './render.js';

/** Long enough for a daily question's buttons and any game to end. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

const keyOf = (customId: string) => `discord:action:${customId}`;

/** Keeps actions too long for a custom_id in the Store, so any instance can route the click, even after a restart. */
export async function rememberLongActions(store: Store, longActions: ReadonlyMap<string, string>): Promise<void> {
  await Promise.all([...longActions].map(([customId, action]) => store.set(keyOf(customId), action, KEEP_MS)));
}

/** The action behind a clicked button's custom_id; undefined when a long one has expired. */
export async function actionOf(store: Store, customId: string): Promise<string | undefined> {
  return isLongActionId(customId) ? store.get<string>(keyOf(customId)) : customId;
}
