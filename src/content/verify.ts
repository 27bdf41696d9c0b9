import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { normalizeArticleText } from './normalize.js';
import type { Pack } from './pack.js';

export interface ExcerptMismatch {
  type: 'claim' | 'quote' | 'fact' | 'event';
  id: string;
  source: string;
  problem: string;
}

/** Where a curator elides words ("Since the 2018 […], when …"), each part stands verbatim, in order, in one sentence's reach. */
const ELISION = /\s*\[…\]\s*/;
const MAX_ELIDED = 40;

function standsIn(text: string, excerpt: string): boolean {
  const [first = '', ...rest] = excerpt.split(ELISION).map(normalizeArticleText).filter(Boolean);
  // Every place the first part stands could start the match.
  for (let from = text.indexOf(first); from >= 0; from = text.indexOf(first, from + 1)) {
    let at = from + first.length;
    const follows = rest.every((part) => {
      const next = text.indexOf(part, at);
      if (next < 0 || next - at > MAX_ELIDED) return false;
      at = next + part.length;
      return true;
    });
    if (follows) return true;
  }
  return false;
}

/**
 * Checks that every excerpt (an event's evidence, and every quote's text) stands word for word in
 * its article, once whitespace is collapsed and "\$" read as "$". Sources
 * without a text file, or whose file is missing from `seedsDir`, are reported.
 */
export async function verifyExcerpts(pack: Pack, seedsDir: string): Promise<ExcerptMismatch[]> {
  const texts = new Map<string, string | undefined>();
  for (const source of pack.sources.values()) {
    const file = source.textFile ? path.join(seedsDir, source.textFile) : undefined;
    texts.set(source.id, file && existsSync(file) ? normalizeArticleText(await readFile(file, 'utf8')) : undefined);
  }
  const out: ExcerptMismatch[] = [];
  const check = (type: ExcerptMismatch['type'], id: string, sourceId: string, excerpt: string, label = 'excerpt') => {
    const text = texts.get(sourceId);
    if (text === undefined) {
      out.push({ type, id, source: sourceId, problem: `source "${sourceId}" has no article text in ${seedsDir}` });
    } else if (!standsIn(text, excerpt)) {
      out.push({ type, id, source: sourceId, problem: `${label} not found verbatim: "${excerpt.slice(0, 80)}"` });
    }
  };
  for (const e of pack.events.values()) {
    for (const [i, ev] of (e.evidence ?? []).entries())
      check('event', e.id, ev.source, ev.excerpt, `evidence ${i + 1}`);
  }
  for (const c of pack.claims.values()) check('claim', c.id, c.source, c.excerpt);
  for (const f of pack.facts.values()) check('fact', f.id, f.source, f.excerpt);
  for (const q of pack.quotes.values()) {
    check('quote', q.id, q.source, q.excerpt);
    if (!normalizeArticleText(q.excerpt).includes(normalizeArticleText(q.text))) {
      out.push({ type: 'quote', id: q.id, source: q.source, problem: 'the quote text is not inside its excerpt' });
    }
  }
  return out;
}
