import { firstDay, formatSpan, lastDay } from '../content/dates.js';
import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import type { Period } from '../core/parse/period.js';
import type { Topic } from '../core/parse/topic.js';
import type { Choice, Reply } from '../core/reply.js';
import { sourceLines } from './attribution.js';
import { clip, makeReply, plural } from './text.js';
import { eventMatchesTopic } from './topics.js';

export const TIMELINE_PAGE_SIZE = 8;

export interface TimelineQuery {
  period: Period;
  topic?: Topic;
  /** The topic as it can be typed again (entity id or search word), for page-turn actions. */
  topicKey?: string;
  /** 1-based. */
  page: number;
}

export function eventLine(pack: Pack, event: Event): string {
  const places = event.places.map((id) => pack.nameOf(id)).join(', ');
  return `**${formatSpan(event.date, event.endDate)}**: ${event.title}${places ? ` (${places})` : ''} [${event.id}]`;
}

/** `timeline:page:<page>:<period>:<topic>`; the topic is dropped rather than overflowing 100 characters. */
export function pageAction(query: TimelineQuery, page: number): string {
  const base = `timeline:page:${page}:${query.period.text}`;
  const topic = query.topicKey ? `:${encodeURIComponent(query.topicKey)}` : '';
  return `${base}${(base + topic).length <= 100 ? topic : ''}`;
}

function nearest(pack: Pack, period: Period, topic: Topic | undefined): { before?: Event; after?: Event } {
  const start = firstDay(period.from);
  const end = lastDay(period.to);
  let before: Event | undefined;
  let after: Event | undefined;
  for (const event of pack.chronological) {
    if (!eventMatchesTopic(pack, event, topic)) continue;
    if (lastDay(event.endDate ?? event.date) < start) before = event;
    else if (firstDay(event.date) > end) {
      after = event;
      break;
    }
  }
  return { before, after };
}

/** The events of a period, oldest first, a page at a time; an empty period names its neighbours. */
export function timeline(pack: Pack, query: TimelineQuery): Reply {
  const { period, topic } = query;
  const about = topic ? ` about ${topic.label}` : '';
  const events = pack.eventsBetween(period.from, period.to).filter((e) => eventMatchesTopic(pack, e, topic));
  if (events.length === 0) {
    const { before, after } = nearest(pack, period, topic);
    const lines = [`Nothing in the pack${about} for ${period.label}.`];
    if (before) lines.push(`Nearest before: ${eventLine(pack, before)}`);
    if (after) lines.push(`Nearest after: ${eventLine(pack, after)}`);
    if (!before && !after) lines.push(topic ? `The pack has no events${about} at all.` : 'The pack has no events yet.');
    const neighbours = [before, after].filter((e): e is Event => e !== undefined);
    return makeReply({
      title: `Timeline: ${period.label}${about}`,
      body: lines.join('\n'),
      sources: sourceLines(
        pack,
        neighbours.flatMap((e) => e.sources),
      ),
    });
  }
  const pages = Math.ceil(events.length / TIMELINE_PAGE_SIZE);
  const page = Math.min(Math.max(1, query.page), pages);
  const shown = events.slice((page - 1) * TIMELINE_PAGE_SIZE, page * TIMELINE_PAGE_SIZE);
  const choices: Choice[] = [];
  if (page > 1) choices.push({ action: pageAction(query, page - 1), label: '◀ Previous', style: 'secondary' });
  if (page < pages) choices.push({ action: pageAction(query, page + 1), label: 'Next ▶', style: 'secondary' });
  return makeReply({
    title: `Timeline: ${period.label}${about}`,
    body: shown.map((e) => `• ${eventLine(pack, e)}\n  ${clip(e.summary, 300)}`).join('\n'),
    sources: sourceLines(
      pack,
      shown.flatMap((e) => e.sources),
    ),
    footer: `${plural(events.length, 'event')}${pages > 1 ? ` · page ${page} of ${pages}` : ''} · /event <id> for the claims and sources`,
    choices: choices.length ? choices : undefined,
  });
}
