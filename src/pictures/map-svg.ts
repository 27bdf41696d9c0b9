import { MAP_SIZE, type MapLayout, pointRadius } from './map-layout.js';
import { INK, MAP, OKABE_ITO } from './palette.js';
import { el, svgDocument, text } from './svg.js';

/** Event places are drawn in Okabe–Ito blue: a colour no reader takes for either side. */
const POINT = OKABE_ITO.blue;

/** Draws a computed map layout; all placement decisions were made in map-layout.ts. */
export function mapSvg(layout: MapLayout): string {
  const { area } = layout;
  const body: string[] = [
    el('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: INK.background }),
    el('rect', { x: area.x, y: area.y, width: area.width, height: area.height, fill: MAP.water }),
  ];
  for (const shape of layout.countries) {
    body.push(
      el('path', {
        d: shape.outline.d,
        fill: shape.focus ? MAP.focusLand : MAP.otherLand,
        stroke: MAP.border,
        'stroke-width': 0.8,
        'stroke-linejoin': 'round',
      }),
    );
  }
  // Both focus countries' outlines again on top, so their shared border reads clearly.
  for (const shape of layout.countries.filter((s) => s.focus)) {
    body.push(
      el('path', {
        d: shape.outline.d,
        fill: 'none',
        stroke: MAP.focusBorder,
        'stroke-width': 1.2,
        'stroke-linejoin': 'round',
      }),
    );
  }
  for (const shape of layout.countries) {
    if (!shape.label) continue;
    const { box, text: name } = shape.label;
    body.push(
      text(box.x + box.width / 2, box.y, name, {
        size: MAP_SIZE.country,
        weight: 'bold',
        letterSpacing: 1.5,
        anchor: 'middle',
        fill: MAP.countryText,
      }),
    );
  }
  for (const sea of layout.seas) {
    body.push(text(sea.box.x, sea.box.y, sea.text, { size: MAP_SIZE.sea, fill: MAP.waterText, italic: true }));
  }
  for (const point of layout.points) {
    if (point.approximate) {
      body.push(
        el('circle', {
          cx: point.x,
          cy: point.y,
          r: pointRadius(point),
          fill: POINT,
          'fill-opacity': 0.15,
          stroke: POINT,
          'stroke-width': 1.5,
          'stroke-dasharray': '4 3',
        }),
      );
      body.push(el('circle', { cx: point.x, cy: point.y, r: 2.5, fill: POINT }));
    } else {
      body.push(
        el('circle', {
          cx: point.x,
          cy: point.y,
          r: point.r,
          fill: POINT,
          stroke: INK.background,
          'stroke-width': 1.5,
        }),
      );
    }
  }
  for (const { leader } of layout.labels) {
    if (!leader) continue;
    const [x1, y1, x2, y2] =
      leader.width > leader.height
        ? [leader.x, leader.y + 0.5, leader.x + leader.width, leader.y + 0.5]
        : [leader.x + 0.5, leader.y, leader.x + 0.5, leader.y + leader.height];
    body.push(el('line', { x1, y1, x2, y2, stroke: INK.text, 'stroke-width': 1 }));
  }
  for (const label of layout.labels) {
    body.push(
      text(label.box.x, label.box.y, label.text, {
        size: MAP_SIZE.label,
        weight: 'bold',
        fill: INK.text,
        halo: INK.background,
      }),
    );
  }
  body.push(
    el('rect', {
      x: area.x,
      y: area.y,
      width: area.width,
      height: area.height,
      fill: 'none',
      stroke: INK.rule,
      'stroke-width': 1,
    }),
  );
  body.push(
    text(layout.title.box.x, layout.title.box.y, layout.title.text, {
      size: MAP_SIZE.title,
      weight: 'bold',
      fill: INK.text,
    }),
  );
  body.push(
    text(layout.subtitle.box.x, layout.subtitle.box.y, layout.subtitle.text, {
      size: MAP_SIZE.subtitle,
      fill: INK.muted,
    }),
  );
  for (const item of layout.legend) {
    const cy = item.box.y + item.box.height / 2;
    if (item.kind === 'site') {
      body.push(
        el('circle', { cx: item.box.x + 6, cy, r: 5.5, fill: POINT, stroke: INK.background, 'stroke-width': 1.5 }),
      );
    } else if (item.kind === 'area') {
      body.push(
        el('circle', {
          cx: item.box.x + 8,
          cy,
          r: 8,
          fill: POINT,
          'fill-opacity': 0.15,
          stroke: POINT,
          'stroke-width': 1.5,
          'stroke-dasharray': '4 3',
        }),
      );
    }
    const indent = item.kind === 'site' ? 18 : item.kind === 'area' ? 22 : 0;
    body.push(text(item.box.x + indent, item.box.y, item.text, { size: MAP_SIZE.legend, fill: INK.text }));
  }
  if (layout.credit)
    body.push(
      text(layout.credit.box.x, layout.credit.box.y, layout.credit.text, { size: MAP_SIZE.credit, fill: INK.faint }),
    );
  return svgDocument(layout.width, layout.height, body, layout.title.text);
}
