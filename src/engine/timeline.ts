import { firstDay, formatWhen, isWindow, lastDay } from '../content/dates.js';
import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import { defineAction, wholeNumber } from '../core/action.js';
import type { Period } from '../core/parse/period.js';
import type { Topic } from '../core/parse/topic.js';
import type { Choice, Reply } from '../core/reply.js';
import { clip } from '../core/text.js';
import { sourceLines } from './attribution.js';
import { makeReply, plural } from './text.js';
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
  return `**${formatWhen(event)}**: ${event.title}${places ? ` (${places})` : ''} [${event.id}]`;
}

const TIMELINE_PAGE = 'timeline:page';

/**
 * `timeline:page:<page>:<period>[:<topic>]`, the topic URI-encoded; it is
 * dropped rather than overflowing Discord's 100-character custom_id, so a
 * long topic's page turn shows the whole period.
 */
export const timelinePage = defineAction<{ page: number; when: string; topic?: string }>({
  name: TIMELINE_PAGE,
  encode: ({ page, when, topic }) => {
    const parts = [page, when];
    if (!topic) return parts;
    const withTopic = [...parts, encodeURIComponent(topic)];
    return `${TIMELINE_PAGE}:${withTopic.join(':')}`.length <= 100 ? withTopic : parts;
  },
  parse: ([page, when, topic]) => {
    const n = wholeNumber(page);
    if (n === undefined || !when) return undefined;
    try {
      return { page: n, when, topic: topic ? decodeURIComponent(topic) : undefined };
    } catch {
      return undefined;
    }
  },
});

function pageAction(query: TimelineQuery, page: number): string {
  return timelinePage.encode({ page, when: query.period.text, topic: query.topicKey });
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

/**
 * Does the event's whole time lie inside the period? A window that only ends
 * in it, or a span begun before it, is only known to touch it.
 */
function datedWithin(event: Event, start: string, end: string): boolean {
  const reach = isWindow(event) ? lastDay(event.endDate as string) : firstDay(event.date);
  return firstDay(event.date) >= start && reach <= end;
}

/**
 * The period's own dated events first, oldest first; then what only touches
 * it (begun earlier, or undated within bounds that reach outside), so page
 * one of a month is that month's news.
 */
function periodOrder(events: Event[], period: Period): { events: Event[]; touching: number } {
  const start = firstDay(period.from);
  const end = lastDay(period.to);
  const within = events.filter((e) => datedWithin(e, start, end));
  const touching = events.filter((e) => !datedWithin(e, start, end));
  return { events: [...within, ...touching], touching: within.length };
}

/** The events of a period, its own dated ones first, a page at a time; an empty period names its neighbours. */
export function timeline(pack: Pack, query: TimelineQuery): Reply {
  const { period, topic } = query;
  const about = topic ? ` about ${topic.label}` : '';
  const { events, touching: firstTouching } = periodOrder(
    pack.eventsBetween(period.from, period.to).filter((e) => eventMatchesTopic(pack, e, topic)),
    period,
  );
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
  const offset = (page - 1) * TIMELINE_PAGE_SIZE;
  const shown = events.slice(offset, page * TIMELINE_PAGE_SIZE);
  const lines = shown.map((e) => `• ${eventLine(pack, e)}\n  ${clip(e.summary, 300)}`);
  const breakAt = firstTouching - offset;
  if (firstTouching > 0 && breakAt >= 0 && breakAt < lines.length) {
    lines.splice(breakAt, 0, `_Also touching ${period.label}: begun earlier, or undated within wider bounds_`);
  }
  const choices: Choice[] = [];
  if (page > 1) choices.push({ action: pageAction(query, page - 1), label: '◀ Previous', style: 'secondary' });
  if (page < pages) choices.push({ action: pageAction(query, page + 1), label: 'Next ▶', style: 'secondary' });
  return makeReply({
    title: `Timeline: ${period.label}${about}`,
    body: lines.join('\n'),
    sources: sourceLines(
      pack,
      shown.flatMap((e) => e.sources),
    ),
    footer: `${plural(events.length, 'event')}${pages > 1 ? ` · page ${page} of ${pages}` : ''} · /event <id> for the claims and sources`,
    choices: choices.length ? choices : undefined,
  });
}
