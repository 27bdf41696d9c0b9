import type { Choice, QuotedEvidence, Reply, SourceLine } from '../core/reply.js';
import { inQuotes } from '../core/text.js';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatSources(sources: readonly SourceLine[]): string {
  return sources.map((s) => `${s.outlet}, “${s.headline}”, ${s.date}`).join('\n');
}

/** "> “…the town of Tovuz…” (South Front, 17 July 2020)": every adapter's plain form of a quoted cut. */
export function evidenceLine(e: QuotedEvidence): string {
  return `> ${inQuotes(e.excerpt)} (${e.outlet}, ${e.date})`;
}

/**
 * Builds a Reply whose `text` is the full plain rendering, so an adapter that
 * only prints text still shows title, body, fields, sources and footer.
 */
export function makeReply(parts: Omit<Reply, 'text' | 'visibility'> & { visibility?: Reply['visibility'] }): Reply {
  const lines: string[] = [];
  if (parts.title) lines.push(parts.title);
  if (parts.body) lines.push(parts.body);
  for (const f of parts.fields ?? []) lines.push(`${f.name}: ${f.value}`);
  for (const e of parts.evidence ?? []) lines.push(evidenceLine(e));
  if (parts.sources?.length) lines.push(`Sources:\n${formatSources(parts.sources)}`);
  if (parts.footer) lines.push(parts.footer);
  return { visibility: 'channel', ...parts, text: lines.join('\n\n') };
}

export function privateNote(text: string, choices?: Choice[]): Reply {
  return { text, body: text, visibility: 'private', choices };
}
