import { INK } from './palette.js';
import { symbol } from './shapes.js';
import { el, LINE_HEIGHT, num, svgDocument, text } from './svg.js';
import { BAND, SIZE, type TimelineLayout, WINDOW_KEY_GLYPH } from './timeline-layout.js';

/**
 * The counted strip: each lane's bars as one path, so resvg fills a handful
 * of shapes however many events there are. Each lane starts with its
 * category's symbol, so the rows read without colour, as the legend does.
 */
function densitySvg(layout: TimelineLayout): string[] {
  const { axis } = layout;
  const lanes = layout.density?.lanes ?? [];
  return lanes.flatMap((lane, i) => {
    const { colour, shape } = lane.category;
    const base = num(lane.baseline);
    const bars = lane.bars.map((b) => `M${num(b.x0)} ${base}V${num(lane.baseline - b.height)}H${num(b.x1)}V${base}Z`);
    const out = [symbol(shape, SIZE.margin - 8, (lane.top + lane.baseline) / 2, 4.5, colour, INK.background)];
    // The lowest lane stands on the axis itself.
    if (i < lanes.length - 1)
      out.push(el('line', { x1: axis.x0, y1: lane.baseline, x2: axis.x1, y2: lane.baseline, stroke: INK.rule }));
    if (bars.length) out.push(el('path', { d: bars.join(''), fill: colour }));
    return out;
  });
}

/** Draws a computed timeline layout; all placement decisions were made in timeline-layout.ts. */
export function timelineSvg(layout: TimelineLayout): string {
  const { axis } = layout;
  const body: string[] = [el('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: INK.background })];
  for (const band of layout.episodes) {
    body.push(
      el('rect', {
        x: band.x0,
        y: BAND.top,
        width: band.x1 - band.x0,
        height: BAND.bottom - BAND.top,
        fill: band.tint,
      }),
    );
  }
  for (const band of layout.episodes) {
    if (band.label)
      body.push(
        text(band.label.box.x, band.label.box.y, band.label.text, {
          size: SIZE.episode,
          weight: 'bold',
          fill: INK.muted,
        }),
      );
  }
  body.push(el('line', { x1: axis.x0, y1: axis.y, x2: axis.x1, y2: axis.y, stroke: INK.muted, 'stroke-width': 1.5 }));
  for (const tick of layout.ticks) {
    body.push(
      el('line', {
        x1: tick.x,
        y1: axis.y,
        x2: tick.x,
        y2: axis.y + (tick.label ? 7 : 4),
        stroke: INK.muted,
        'stroke-width': 1,
      }),
    );
    if (tick.label)
      body.push(
        text(tick.x, tick.label.box.y, tick.label.text, { size: SIZE.tick, fill: INK.muted, anchor: 'middle' }),
      );
  }
  for (const label of layout.labels) {
    const { leader } = label;
    const x = leader.x + leader.width / 2;
    body.push(
      el('line', { x1: x, y1: leader.y, x2: x, y2: leader.y + leader.height, stroke: INK.faint, 'stroke-width': 1 }),
    );
  }
  if (layout.density) body.push(...densitySvg(layout));
  // Past the top stacking level, marks of one day land on the same spot; drawing one of each is enough.
  const drawn = new Set<string>();
  for (const mark of layout.marks) {
    const { colour, shape } = mark.category;
    const key = [mark.x0, mark.x1, mark.y, colour, mark.uncertain].map(String).join(':');
    if (drawn.has(key)) continue;
    drawn.add(key);
    if (mark.window) {
      // Bounds, like an error bar: a thin rule between two end caps, nothing filled.
      const cap = 5;
      body.push(
        el('path', {
          d: `M${num(mark.x0)} ${num(mark.y - cap)}V${num(mark.y + cap)}M${num(mark.x0)} ${num(mark.y)}H${num(mark.x1)}M${num(mark.x1)} ${num(mark.y - cap)}V${num(mark.y + cap)}`,
          stroke: colour,
          'stroke-width': 2,
          fill: 'none',
        }),
      );
    } else if (mark.span) {
      const h = mark.uncertain ? 5 : 10;
      body.push(
        el('rect', {
          x: mark.x0,
          y: mark.y - h / 2,
          width: mark.x1 - mark.x0,
          height: h,
          rx: h / 2,
          fill: colour,
          'fill-opacity': mark.uncertain ? 0.35 : 0.9,
          stroke: mark.uncertain ? colour : INK.background,
          'stroke-width': mark.uncertain ? 1 : 1.5,
          'stroke-dasharray': mark.uncertain ? '3 3' : undefined,
        }),
      );
    } else body.push(symbol(shape, mark.x, mark.y, SIZE.markRadius, colour, INK.background));
  }
  for (const label of layout.labels) {
    const { box } = label;
    const style = { size: SIZE.label, fill: INK.text, halo: INK.background } as const;
    body.push(text(box.x, box.y, label.date, { ...style, weight: 'bold' }));
    if (label.title) body.push(text(box.x + label.dateWidth + 6, box.y, label.title, style));
    if (label.more) body.push(text(box.x, box.y + box.height - Math.ceil(SIZE.label * LINE_HEIGHT), label.more, style));
  }
  body.push(
    text(layout.title.box.x, layout.title.box.y, layout.title.text, {
      size: SIZE.title,
      weight: 'bold',
      fill: INK.text,
    }),
  );
  body.push(
    text(layout.subtitle.box.x, layout.subtitle.box.y, layout.subtitle.text, { size: SIZE.subtitle, fill: INK.muted }),
  );
  for (const item of layout.legend) {
    const cy = item.box.y + item.box.height / 2;
    body.push(symbol(item.category.shape, item.box.x + 6, cy, 5.5, item.category.colour, INK.background));
    body.push(text(item.box.x + 18, item.box.y, item.category.label, { size: SIZE.legend, fill: INK.text }));
  }
  if (layout.windowKey) {
    const { box, text: words } = layout.windowKey;
    const y = box.y + box.height / 2;
    const x0 = box.x - WINDOW_KEY_GLYPH + 2;
    const x1 = box.x - 6;
    body.push(
      el('path', {
        d: `M${num(x0)} ${num(y - 5)}V${num(y + 5)}M${num(x0)} ${num(y)}H${num(x1)}M${num(x1)} ${num(y - 5)}V${num(y + 5)}`,
        stroke: INK.muted,
        'stroke-width': 2,
        fill: 'none',
      }),
    );
    body.push(text(box.x, box.y, words, { size: SIZE.legend, fill: INK.text }));
  }
  if (layout.credit)
    body.push(
      text(layout.credit.box.x, layout.credit.box.y, layout.credit.text, { size: SIZE.credit, fill: INK.faint }),
    );
  return svgDocument(layout.width, layout.height, body, layout.title.text);
}
