import type { Pack } from '../content/pack.js';
import type { Event } from '../content/schema.js';
import type { ReplyImage } from '../core/reply.js';
import { altText } from './alt.js';
import { packHome } from './map-home.js';
import { layoutMap, type MapLayout, type MapOptions, type MappedPlace } from './map-layout.js';
import { placesOf } from './map-places.js';
import { mapSvg } from './map-svg.js';
import { svgToPng } from './render.js';
import { unmarkedName } from './wide.js';

export { placesOf };

function described(pack: Pack, m: MappedPlace, approximate: boolean): string {
  const country = m.place.country ? pack.nameOf(m.place.country) : undefined;
  const detail = [country, approximate ? 'approximate position' : undefined].filter(Boolean).join(', ');
  const n = m.eventIds.length;
  return `${m.place.name}${detail ? ` (${detail})` : ''}, ${n} event${n === 1 ? '' : 's'}`;
}

export function mapAlt(pack: Pack, layout: MapLayout): string {
  const countries = layout.countries.filter((c) => c.label).map((c) => c.country.name);
  const marked = layout.points.flatMap((p) => p.places.map((m) => described(pack, m, p.approximate)));
  const head = `Map "${layout.title.text}"${countries.length ? `, naming ${countries.join(', ')}` : ''}. ${marked.length} event place${marked.length === 1 ? '' : 's'} marked:`;
  const tail = [
    layout.outside.length ? `Outside the map: ${layout.outside.map((m) => m.place.name).join(', ')}.` : '',
    layout.wide.length
      ? `Also named, not drawn as points: ${layout.wide.map((m) => unmarkedName(m.place)).join(', ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return altText(head, marked, tail);
}

export function mapLayoutFor(
  pack: Pack,
  events: readonly Event[],
  options: MapOptions,
  places: readonly MappedPlace[] = placesOf(pack, events),
): MapLayout {
  return layoutMap(places, { credit: pack.meta.title, home: packHome(pack), ...options });
}

/**
 * A map of the places these events name: country outlines, the places as
 * labelled points sized by how many events name them. Undefined when none of
 * the events has a place that can be drawn as a point.
 */
export function placesMap(
  pack: Pack,
  events: readonly Event[],
  options: Partial<MapOptions> = {},
  /** placesOf(pack, events), when the caller has it already. */
  places: readonly MappedPlace[] = placesOf(pack, events),
): ReplyImage | undefined {
  const layout = mapLayoutFor(pack, events, { title: options.title ?? 'Places in the news', ...options }, places);
  if (layout.points.length === 0 && layout.outside.length === 0) return undefined;
  return { png: svgToPng(mapSvg(layout)), filename: 'map.png', alt: mapAlt(pack, layout) };
}
