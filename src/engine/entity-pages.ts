import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import { defineAction, wholeNumber } from '../core/action.js';
import type { Choice, Reply } from '../core/reply.js';
import { attribute, groupOpposed, isClaim, renderContested, type Statement, sourceLines } from './attribution.js';
import { makeReply, plural } from './text.js';
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

/** A page of a /who or /where section: `<command>:<section>:<page>:<id>`. */
export interface SectionClick extends SectionView {
  id: string;
}

function sectionAction(command: EntityPage['command']) {
  return defineAction<SectionClick>({
    name: command,
    encode: (a) => [a.section, a.page, a.id],
    parse: ([section, page, id]) => {
      const n = wholeNumber(page);
      if ((section !== 'statements' && section !== 'events') || n === undefined || !id) return undefined;
      return { section, page: n, id };
    },
  });
}

export const whoSection = sectionAction('who');
export const whereSection = sectionAction('where');
const SECTION_ACTIONS = { who: whoSection, where: whereSection };

/** Previous/Next for a section page; on its first page, only the way on. */
export function sectionChoices(
  command: EntityPage['command'],
  section: Section,
  at: SectionPage,
  id: string,
  more = 'Next ▶',
): Choice[] {
  const choices: Choice[] = [];
  if (at.page > 1)
    choices.push({
      action: SECTION_ACTIONS[command].encode({ section, page: at.page - 1, id }),
      label: '◀ Previous',
      style: 'secondary',
    });
  if (at.page < at.pages)
    choices.push({
      action: SECTION_ACTIONS[command].encode({ section, page: at.page + 1, id }),
      label: at.page === 1 ? more : 'Next ▶',
      style: 'secondary',
    });
  return choices;
}

/** Which section of a /who or /where reply to show, and its page; none is the overview. */
export interface SectionView {
  section: Section;
  page: number;
}

/** What /who or /where pages through: an actor's or a place's statements and events. */
export interface EntityPage {
  command: 'who' | 'where';
  id: string;
  name: string;
  statementsHeading: string;
  statements: SectionLine[];
  events: SectionLine[];
}

/** One section of a /who or /where reply, a page at a time. */
export function sectionReply(pack: Pack, entity: EntityPage, view: SectionView): Reply {
  const entries = view.section === 'statements' ? entity.statements : entity.events;
  const at = sectionPage(entries, view.page);
  const choices = sectionChoices(entity.command, view.section, at, entity.id);
  return {
    ...makeReply({
      title: `${entity.name}: ${view.section}`,
      body: at.lines.map((l) => l.text).join('\n'),
      sources: sourceLines(
        pack,
        at.lines.flatMap((l) => l.sources),
      ),
      footer: `${plural(entries.length, view.section === 'statements' ? 'entry' : 'event', view.section === 'statements' ? 'entries' : 'events')} · page ${at.page} of ${at.pages}`,
      choices: choices.length ? choices : undefined,
    }),
    replaceOriginal: true,
  };
}

/** The first page of each section, with a way on to the rest. */
export function overviewSections(entity: EntityPage): { lines: string[]; sources: string[]; choices: Choice[] } {
  const lines: string[] = [];
  const sources: string[] = [];
  const choices: Choice[] = [];
  const add = (section: Section, heading: string, entries: SectionLine[]) => {
    if (!entries.length) return;
    const at = sectionPage(entries, 1);
    lines.push(`\n**${heading}** (${entries.length})`, ...at.lines.map((l) => l.text));
    sources.push(...at.lines.flatMap((l) => l.sources));
    choices.push(
      ...sectionChoices(
        entity.command,
        section,
        at,
        entity.id,
        section === 'statements' ? 'More statements ▶' : 'More events ▶',
      ),
    );
  };
  // A place is first what happened there; an actor first what was said.
  if (entity.command === 'where') add('events', 'Events', entity.events);
  add('statements', entity.statementsHeading, entity.statements);
  if (entity.command === 'who') add('events', 'Events', entity.events);
  return { lines, sources, choices };
}
