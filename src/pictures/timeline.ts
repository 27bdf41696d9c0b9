import { isoDay } from '../content/calendar.js';
import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import type { Period } from '../core/parse/period.js';
import type { Topic } from '../core/parse/topic.js';
import type { ReplyImage } from '../core/reply.js';
import { eventMatchesTopic } from '../engine/topics.js';
import { altText } from './alt.js';
import { categoryOf } from './categories.js';
import { shortDate, shortWhen } from './days.js';
import { svgToPng } from './render.js';
import { densityAlt, thousands } from './timeline-density.js';
import { layoutTimeline, type TimelineLayout, type TimelineOptions } from './timeline-layout.js';
import { timelineSvg } from './timeline-svg.js';

/** Fewer events than this read better as the reply's list alone. */
export const MIN_TIMELINE_EVENTS = 3;

export function timelineAlt(layout: TimelineLayout, events: readonly Event[]): string {
  const { fromDay, toDay } = layout.axis;
  const count = layout.density ? thousands(events.length) : events.length;
  const head = `Timeline chart "${layout.title.text}": ${count} events on a date axis from ${shortDate(isoDay(fromDay), true)} to ${shortDate(isoDay(toDay - 1), true)}.`;
  const episodes = layout.episodes.map((b) => b.episode.name);
  const shaded = episodes.length ? ` Shaded episode${episodes.length > 1 ? 's' : ''}: ${episodes.join(', ')}.` : '';
  if (layout.density) {
    const counted = densityAlt(layout.density.counts);
    return altText(`${head}${shaded} ${counted.head}`, counted.items);
  }
  const items = events.map((e) => `${shortWhen(e, true)}: ${e.title} (${categoryOf(e).label.toLowerCase()})`);
  return altText(`${head}${shaded} Events:`, items);
}

export function timelineLayoutFor(pack: Pack, events: readonly Event[], options: TimelineOptions): TimelineLayout {
  return layoutTimeline(events, pack.meta.episodes, { credit: pack.meta.title, ...options });
}

/**
 * The timeline strip for a reply: events as marks on a date axis, labelled,
 * with the pack's episodes shaded. Undefined below three events, where the
 * reply's own list says it better.
 */
export function timelineStrip(pack: Pack, events: readonly Event[], options: TimelineOptions): ReplyImage | undefined {
  if (events.length < MIN_TIMELINE_EVENTS) return undefined;
  const layout = timelineLayoutFor(pack, events, options);
  return {
    png: svgToPng(timelineSvg(layout)),
    filename: 'timeline.png',
    alt: timelineAlt(layout, events),
  };
}

/** The strip for a /timeline query: the same events the reply lists, with the same title. */
export function timelineStripFor(pack: Pack, period: Period, topic?: Topic): ReplyImage | undefined {
  const events = pack.eventsBetween(period.from, period.to).filter((e) => eventMatchesTopic(pack, e, topic));
  const about = topic ? ` about ${topic.label}` : '';
  return timelineStrip(pack, events, { title: `Timeline: ${period.label}${about}`, period });
}
