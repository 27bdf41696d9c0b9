import { suggest } from '../content/check.js';
import { formatDate, formatWhen } from '../content/dates.js';
import { foldName } from '../content/normalize.js';
import type { Pack } from '../content/pack.js';
import { type Actor, type Event, type Place, thingsWord } from '../content/schema.js';
import { defineAction, wholeNumber } from '../core/action.js';
import { UserError } from '../core/errors.js';
import type { Choice, Reply } from '../core/reply.js';
import { clip } from '../core/text.js';
import {
  attribute,
  attributeFact,
  attributeQuote,
  citation,
  groupOpposed,
  isClaim,
  renderContested,
  type Statement,
  sourceLines,
} from './attribution.js';
import {
  type EntityPage,
  eventEntries,
  overviewSections,
  type SectionView,
  sectionReply,
  statementEntries,
} from './entity-pages.js';
import { quoted } from './questions/evidence.js';
import { inSentence } from './questions/wording.js';
import { makeReply, plural } from './text.js';
import { eventLine } from './timeline.js';
import { ancestry } from './topics.js';

function statementSource(s: Statement): string {
  return s.source;
}

/** An event by id, or by words found in its title; several matches come back as choices. */
export function findEvents(pack: Pack, raw: string): Event[] {
  const text = raw.trim();
  const byId = pack.events.get(text.toLowerCase());
  if (byId) return [byId];
  const words = foldName(text).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return pack.chronological.filter((e) => {
    const hay = ` ${foldName(`${e.title} ${e.id.replace(/-/g, ' ')}`)} `;
    return words.every((w) => hay.includes(w));
  });
}

export function eventDetail(pack: Pack, event: Event): Reply {
  const names = (ids: string[]) => ids.map((id) => pack.nameOf(id)).join(', ');
  const lines: string[] = [event.summary];
  const fields = [{ name: 'When', value: `${formatWhen(event)}${event.dateNote ? ` (${event.dateNote})` : ''}` }];
  if (event.places.length) fields.push({ name: 'Where', value: names(event.places) });
  if (event.actors.length) fields.push({ name: 'Involved', value: names(event.actors) });
  const things = event.things.flatMap((id) => pack.things.get(id) ?? []);
  if (things.length) fields.push({ name: `${thingsWord(things)} named`, value: names(event.things) });
  const episode = pack.meta.episodes.find((e) => e.id === event.episode);
  if (episode) fields.push({ name: 'Episode', value: episode.name });

  const claims = pack.claimsFor(event.id);
  const quotes = pack.quotesFor(event.id);
  const facts = pack.factsFor(event.id);
  if (claims.length)
    lines.push(
      `\n**Claims** (each is the account of whoever made it, not established fact):`,
      ...groupOpposed(claims).map((g) => renderContested(pack, g)),
    );
  if (quotes.length) lines.push('\n**Quotes**', ...quotes.map((q) => `• ${attributeQuote(pack, q)}`));
  if (facts.length) lines.push('\n**Background**', ...facts.map((f) => `• ${attributeFact(pack, f)}`));
  return makeReply({
    title: event.title,
    body: lines.join('\n'),
    fields,
    // What the articles say of it, word for word: the ground for its date and summary.
    evidence: event.evidence.flatMap((cut) => quoted(pack, cut)),
    sources: sourceLines(pack, [...event.sources, ...[...claims, ...quotes, ...facts].map(statementSource)]),
    footer: `Event ${event.id}`,
  });
}

/** `event:show:<event id>`: one of several events a search matched. */
export const eventShow = defineAction<{ eventId: string }>({
  name: 'event:show',
  encode: (a) => [a.eventId],
  parse: (parts) => ({ eventId: parts.join(':') }),
});

/** `sources:page:<page>`. */
export const sourcesPage = defineAction<{ page: number }>({
  name: 'sources:page',
  encode: (a) => [a.page],
  parse: ([page]) => {
    const n = wholeNumber(page);
    return n === undefined ? undefined : { page: n };
  },
});

/**
 * `fact:next:<n>:<topic id>`, the id empty for any topic. The number is
 * always 1 now that a channel's deck picks the next fact; it stays so that
 * buttons posted before the deck still parse.
 */
export const factNext = defineAction<{ topicId?: string }>({
  name: 'fact:next',
  encode: (a) => [1, a.topicId ?? ''],
  parse: ([pick, topicId]) => (wholeNumber(pick) === undefined ? undefined : { topicId: topicId || undefined }),
});

export function eventReply(pack: Pack, raw: string): Reply {
  const found = findEvents(pack, raw);
  if (found.length === 1) return eventDetail(pack, found[0] as Event);
  if (found.length > 1) {
    const shown = found.slice(0, 10);
    const choices: Choice[] = shown.map((e) => ({
      action: eventShow.encode({ eventId: e.id }),
      label: clip(`${formatDate(e.date)}: ${e.title}`, 80),
    }));
    return makeReply({
      title: `${found.length} events match "${clip(raw.trim(), 40)}"`,
      body: shown.map((e) => `• ${eventLine(pack, e)}`).join('\n'),
      choices,
      footer:
        found.length > shown.length ? `Showing the first ${shown.length}; add words to narrow it down.` : 'Pick one.',
      visibility: 'private',
    });
  }
  const hint = suggest(raw.trim().toLowerCase(), pack.events.keys());
  const titleHint = hint ? ` Did you mean ${hint} (${pack.nameOf(hint)})?` : '';
  throw new UserError(
    `No event matches "${clip(raw.trim(), 40)}".${titleHint} Try /timeline to browse events and their ids.`,
  );
}

/** " of Azerbaijan" after a title, unless the title already names it ("President of Azerbaijan"). */
function ofPart(pack: Pack, title: string, of: string | undefined): string {
  if (!of) return '';
  const name = pack.nameOf(of);
  if (` ${foldName(title)} `.includes(` ${foldName(name)} `)) return '';
  const actor = pack.actors.get(of);
  return ` of ${actor ? inSentence(actor) : name}`;
}

function roleLine(pack: Pack, actor: Actor): string[] {
  return actor.roles.map((r) => {
    const of = ofPart(pack, r.title, r.of);
    const span = r.from || r.to ? ` (${r.from ? formatDate(r.from) : '…'} – ${r.to ? formatDate(r.to) : '…'})` : '';
    const asOf = r.asOf ? `, as of ${formatDate(r.asOf)}` : '';
    return `• ${r.title}${of}${span}${asOf}, according to ${citation(pack, r.source)}`;
  });
}

export function whoReply(pack: Pack, actor: Actor, view?: SectionView): Reply {
  const entity: EntityPage = {
    command: 'who',
    id: actor.id,
    name: actor.name,
    statementsHeading: `Statements by or about ${actor.name}`,
    statements: statementEntries(pack, pack.statementsConcerning(actor.id)),
    events: eventEntries(pack, pack.eventsInvolving(actor.id)),
  };
  if (view) return sectionReply(pack, entity, view);
  const fields = [{ name: 'Kind', value: actor.kind.replace('-', ' ') }];
  if (actor.aliases.length) fields.push({ name: 'Also written', value: actor.aliases.join(', ') });
  if (actor.country) fields.push({ name: 'Country', value: pack.nameOf(actor.country) });
  if (actor.partOf) fields.push({ name: 'Part of', value: pack.nameOf(actor.partOf) });
  const lines = [actor.description];
  const roles = roleLine(pack, actor);
  if (roles.length) lines.push('\n**Roles**', ...roles);
  const sections = overviewSections(entity);
  return makeReply({
    title: actor.name,
    body: [...lines, ...sections.lines].join('\n'),
    fields,
    sources: sourceLines(pack, [...actor.roles.map((r) => r.source), ...sections.sources]),
    choices: sections.choices.length ? sections.choices : undefined,
  });
}

/** Events at a place or anywhere inside it. */
export function eventsAt(pack: Pack, place: Place): Event[] {
  return pack.chronological.filter((e) => e.places.some((p) => p === place.id || ancestry(pack, p).has(place.id)));
}

export function whereReply(pack: Pack, place: Place, view?: SectionView): Reply {
  const entity: EntityPage = {
    command: 'where',
    id: place.id,
    name: place.name,
    statementsHeading: `Statements about ${place.name}`,
    statements: statementEntries(pack, pack.statementsConcerning(place.id)),
    events: eventEntries(pack, eventsAt(pack, place)),
  };
  if (view) return sectionReply(pack, entity, view);
  const fields = [{ name: 'Kind', value: place.kind.replace('-', ' ') }];
  if (place.aliases.length) fields.push({ name: 'Also written', value: place.aliases.join(', ') });
  if (place.in) fields.push({ name: 'In', value: pack.nameOf(place.in) });
  if (place.country) fields.push({ name: 'Country', value: pack.nameOf(place.country) });
  if (place.body) fields.push({ name: 'On', value: `the ${place.body}` });
  if (place.lat !== undefined && place.lon !== undefined)
    fields.push({
      name: 'Coordinates',
      value: `${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}${place.precision ? ` (${place.precision})` : ''}`,
    });
  const inside = [...pack.places.values()].filter((p) => p.in === place.id);
  if (inside.length) fields.push({ name: 'Places inside', value: inside.map((p) => p.name).join(', ') });
  const lines: string[] = [];
  if (place.note) lines.push(place.note);
  if (!entity.events.length) lines.push('No events in the pack take place here.');
  const sections = overviewSections(entity);
  return makeReply({
    title: place.name,
    body: [...lines, ...sections.lines].join('\n').trim(),
    fields,
    sources: sourceLines(pack, sections.sources),
    choices: sections.choices.length ? sections.choices : undefined,
  });
}

export const SOURCES_PAGE_SIZE = 6;

export function sourcesReply(pack: Pack, page: number): Reply {
  const all = [...pack.sources.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (all.length === 0) return makeReply({ title: 'Sources', body: 'The pack has no sources yet.' });
  const pages = Math.ceil(all.length / SOURCES_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const shown = all.slice((current - 1) * SOURCES_PAGE_SIZE, current * SOURCES_PAGE_SIZE);
  const body = shown
    .map((s) => {
      const by = s.byline.length ? ` by ${s.byline.map((id) => pack.nameOf(id)).join(', ')}` : '';
      const again = s.republished
        ? `\n  Republished by ${s.republished.outlet}, ${formatDate(s.republished.date)}.`
        : '';
      return `• **${s.outlet}**, ${formatDate(s.date)}${by}: “${s.headline}”\n  Perspective: ${s.perspective}${again}${s.url ? `\n  ${s.url}` : ''}`;
    })
    .join('\n');
  const choices: Choice[] = [];
  if (current > 1)
    choices.push({ action: sourcesPage.encode({ page: current - 1 }), label: '◀ Previous', style: 'secondary' });
  if (current < pages)
    choices.push({ action: sourcesPage.encode({ page: current + 1 }), label: 'Next ▶', style: 'secondary' });
  return makeReply({
    title: `Sources (${all.length})`,
    body,
    footer: `${plural(all.length, 'article')}${pages > 1 ? ` · page ${current} of ${pages}` : ''}. Opinions in the articles are not content; only their reported events, figures and quotes are.`,
    choices: choices.length ? choices : undefined,
  });
}

/** One attributed statement, picked by `pick` (a number the caller varies: time of day, a click count); Another shows the next about `topicId`. */
export function factReply(
  pack: Pack,
  statements: readonly Statement[],
  pick: number,
  about: string | undefined,
  topicId: string | undefined,
): Reply {
  if (statements.length === 0) {
    return makeReply({
      title: 'Fact',
      body: about ? `The pack holds no statements about ${about} yet.` : 'The pack holds no statements yet.',
    });
  }
  const index = ((pick % statements.length) + statements.length) % statements.length;
  const statement = statements[index] as Statement;
  const opposed = isClaim(statement)
    ? (groupOpposed(pack.data.claims).find((g) => g.some((c) => c.id === statement.id)) ?? [statement])
    : undefined;
  const body = opposed ? renderContested(pack, opposed) : `• ${attribute(pack, statement)}`;
  const ids = opposed ? opposed.map((c) => c.source) : [statement.source];
  const event = statement.event ? pack.events.get(statement.event) : undefined;
  return makeReply({
    title: about ? `Fact about ${about}` : 'Fact',
    body: `${body}${event ? `\n\nEvent: ${eventLine(pack, event)}` : ''}`,
    sources: sourceLines(pack, ids),
    footer: `${index + 1} of ${statements.length}`,
    choices:
      statements.length > 1
        ? [{ action: factNext.encode({ topicId }), label: 'Another', style: 'secondary' }]
        : undefined,
  });
}

/** Every statement about a topic (or all of them), in a stable order. */
export function statementsAbout(pack: Pack, entityId?: string): Statement[] {
  if (!entityId) return [...pack.data.claims, ...pack.data.quotes, ...pack.data.facts];
  return [...pack.statementsConcerning(entityId)];
}
