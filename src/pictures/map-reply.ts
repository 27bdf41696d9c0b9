import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import { parsePeriod } from '../core/parse/period.js';
import { resolveTopic } from '../core/parse/topic.js';
import type { Reply } from '../core/reply.js';
import { samplesOf } from '../core/samples.js';
import { sourceLines } from '../engine/attribution.js';
import { makeReply, plural } from '../engine/text.js';
import { eventMatchesTopic, packMentionsWord } from '../engine/topics.js';
import { placesMap, placesOf } from './map.js';
import { isWide, unmarkedName } from './wide.js';

/** How many places the reply's text lists; the picture and its alt text carry the rest. */
const LISTED = 12;

/**
 * `/map [when] [topic]`: the places named by the events of a period (all
 * events when none is given), as a picture plus a short list in words.
 */
export function mapReply(pack: Pack, when: string | undefined, topicText: string | undefined): Reply {
  const period = when ? parsePeriod(when) : undefined;
  const topic = topicText ? resolveTopic(pack, topicText, (w) => packMentionsWord(pack, w)) : undefined;
  const pool: readonly Event[] = period ? pack.eventsBetween(period.from, period.to) : pack.chronological;
  const events = pool.filter((e) => eventMatchesTopic(pack, e, topic));
  const label = `${period?.label ?? 'all events'}${topic ? ` about ${topic.label}` : ''}`;
  const title = `Map: ${label}`;
  const again = `/timeline ${period ? period.text : samplesOf(pack).year}`;
  if (events.length === 0) {
    return makeReply({
      title,
      // The period asked for is empty, so the hint names one the pack has events in.
      body: `No events in the pack for ${label}, so there is nothing to map. Try a wider period, or /timeline ${samplesOf(pack).year} to see what the pack holds.`,
    });
  }
  const places = placesOf(pack, events);
  const drawn = places.filter((m) => !isWide(m.place));
  const image = placesMap(pack, events, { title }, places);
  const lines = drawn.slice(0, LISTED).map((m) => {
    const country = m.place.country ? ` (${pack.nameOf(m.place.country)})` : '';
    return `• **${m.place.name}**${country}: ${plural(m.eventIds.length, 'event')}`;
  });
  if (drawn.length > LISTED) lines.push(`…and ${drawn.length - LISTED} more places.`);
  const wide = places.filter((m) => isWide(m.place)).map((m) => unmarkedName(m.place));
  if (wide.length) lines.push(`Also named, not marked as a point: ${wide.join(', ')}.`);
  if (!image) lines.unshift(`These ${plural(events.length, 'event')} name no place that can be marked on a map.`);
  return makeReply({
    title,
    body: lines.join('\n'),
    image,
    sources: sourceLines(
      pack,
      events.flatMap((e) => e.sources),
    ).slice(0, 10),
    footer: `${plural(events.length, 'event')} · ${plural(drawn.length, 'place')} · ${again} lists the events`,
  });
}
