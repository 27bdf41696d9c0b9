import type { Reply } from '../../core/reply.js';
import { type Rendered, renderReply } from './render.js';

const rendered = new WeakMap<Reply, Map<string, Rendered>>();

/** Freezes a rendered message tree so that sharing it between replies is safe; file bytes stay as they are. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Map) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

/**
 * renderReply, once per Reply and options. A command that memoises its
 * answer per pack (a timeline page, see core/pack-memo.ts) hands back the
 * same Reply object every time, so its Discord form is built once too,
 * instead of on every interaction; a reloaded pack makes new Replies, so
 * nothing stale is shown. What it returns is frozen: copy, never change it.
 */
export function renderOnce(reply: Reply, options: { single?: boolean; imageUrl?: string } = {}): Rendered {
  let forReply = rendered.get(reply);
  if (!forReply) {
    forReply = new Map();
    rendered.set(reply, forReply);
  }
  const key = `${options.single ? 'single' : 'all'} ${options.imageUrl ?? ''}`;
  let result = forReply.get(key);
  if (!result) {
    result = renderReply(reply, options);
    deepFreeze(result.messages);
    forReply.set(key, result);
  }
  return result;
}
