import type { Shape } from './categories.js';
import { el, num } from './svg.js';

/** A legend/mark symbol centred on (x, y); sizes are tuned so the four read as equally heavy. */
export function symbol(shape: Shape, x: number, y: number, r: number, fill: string, stroke: string): string {
  const common = { fill, stroke, 'stroke-width': 1.5 };
  switch (shape) {
    case 'circle':
      return el('circle', { cx: x, cy: y, r, ...common });
    case 'square': {
      const h = r * 0.88;
      return el('rect', { x: x - h, y: y - h, width: 2 * h, height: 2 * h, ...common });
    }
    case 'diamond': {
      const d = r * 1.25;
      return el('path', {
        d: `M${num(x)} ${num(y - d)}L${num(x + d)} ${num(y)}L${num(x)} ${num(y + d)}L${num(x - d)} ${num(y)}Z`,
        ...common,
      });
    }
    case 'triangle': {
      const t = r * 1.3;
      const dx = t * Math.sin(Math.PI / 3);
      return el('path', {
        d: `M${num(x)} ${num(y - t)}L${num(x + dx)} ${num(y + t / 2)}L${num(x - dx)} ${num(y + t / 2)}Z`,
        ...common,
      });
    }
  }
}
