import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import { UserError } from '../core/errors.js';
import type { Choice } from '../core/reply.js';
import { attribute, groupOpposed, isClaim, renderContested, type Statement } from './attribution.js';
import { eventLine } from './timeline.js';

/** Lines a /who or /where section shows at once. */
export const SECTION_PAGE_SIZE = 8;

export type Section = 'statements' | 'events';

/** One line of a section, with the articles it cites. */
export interface SectionLine {
  text: string;
  sources: string[];
}

/** Claims, quotes and facts about a thing, opposed claims kept together as one line. */
export function statementEntries(pack: Pack, statements: readonly Statement[]): SectionLine[] {
  const claims = statements.filter(isClaim);
  const others = statements.filter((s) => !isClaim(s));
  return [
    ...groupOpposed(claims).map((group) => ({
      text: renderContested(pack, group),
      sources: group.map((c) => c.source),
    })),
    ...others.map((s) => ({ text: `• ${attribute(pack, s)}`, sources: [s.source] })),
  ];
}

export function eventEntries(pack: Pack, events: readonly Event[]): SectionLine[] {
  return events.map((e) => ({ text: `• ${eventLine(pack, e)}`, sources: e.sources }));
}

export interface SectionPage {
  lines: SectionLine[];
  page: number;
  pages: number;
}

export function sectionPage(entries: readonly SectionLine[], page: number): SectionPage {
  const pages = Math.max(1, Math.ceil(entries.length / SECTION_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return {
    lines: entries.slice((current - 1) * SECTION_PAGE_SIZE, current * SECTION_PAGE_SIZE),
    page: current,
    pages,
  };
}

/**
 * A section button's action read back: the section, the page and the item
 * it belongs to, or "no longer active" for anything else (a removed item, a
 * forged value).
 */
export function readSectionAction<T>(
  action: string,
  find: (id: string) => T | undefined,
): { item: T; view: { section: Section; page: number } } {
  const [, section, page, id] = action.split(':');
  const item = id ? find(id) : undefined;
  if ((section !== 'statements' && section !== 'events') || !page || !/^\d+$/.test(page) || item === undefined)
    throw new UserError('That button is no longer active.');
  return { item, view: { section, page: Number(page) } };
}

/** `<command>:<section>:<page>:<id>`; ids are at most a few dozen characters, well inside 100. */
export function sectionAction(command: string, section: Section, page: number, id: string): string {
  return `${command}:${section}:${page}:${id}`.slice(0, 100);
}

/** Previous/Next for a section page; on its first page, only the way on. */
export function sectionChoices(command: string, section: Section, at: SectionPage, id: string, more: string): Choice[] {
  const choices: Choice[] = [];
  if (at.page > 1)
    choices.push({ action: sectionAction(command, section, at.page - 1, id), label: '◀ Previous', style: 'secondary' });
  if (at.page < at.pages)
    choices.push({
      action: sectionAction(command, section, at.page + 1, id),
      label: at.page === 1 ? more : 'Next ▶',
      style: 'secondary',
    });
  return choices;
}
