import type { Choice, Reply } from '../../core/reply.js';
import { inQuotes } from '../../core/text.js';

/** Light markdown to plain terminal text: bold markers go, the words stay. */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1');
}

/** Numbered choices: typing the number clicks the choice. */
export function renderChoices(choices: readonly Choice[]): string {
  return choices.map((c, i) => `  [${i + 1}] ${c.label}`).join('\n');
}

/**
 * A Reply as readable text for a terminal, choices numbered from 1. A
 * terminal cannot show a picture, so the caller saves it and passes its path.
 */
export function renderReply(reply: Reply, picturePath?: string): string {
  const parts: string[] = [];
  const structured = reply.title || reply.body || reply.fields?.length;
  if (!structured) parts.push(plain(reply.text));
  if (reply.title) parts.push(`== ${plain(reply.title)} ==`);
  if (reply.body) parts.push(plain(reply.body));
  if (reply.fields?.length) parts.push(reply.fields.map((f) => `${f.name}: ${plain(f.value)}`).join('\n'));
  if (reply.image) {
    parts.push(picturePath ? `[picture saved to ${picturePath}]\n${reply.image.alt}` : `[picture: ${reply.image.alt}]`);
  }
  for (const e of reply.evidence ?? []) parts.push(`> ${inQuotes(e.excerpt)}\n>   (${e.outlet}, ${e.date})`);
  if (reply.sources?.length) {
    parts.push(`Sources:\n${reply.sources.map((s) => `  - ${s.outlet}, “${s.headline}”, ${s.date}`).join('\n')}`);
  }
  if (reply.footer) parts.push(`(${plain(reply.footer)})`);
  if (reply.choices?.length) parts.push(renderChoices(reply.choices));
  if (reply.input) parts.push(`${reply.input.label} on the next line (a line starting with / runs a command instead).`);
  return parts.join('\n\n');
}
