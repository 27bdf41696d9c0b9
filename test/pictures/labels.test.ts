import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, inside, overlappingPairs, verticalLine } from '../../src/pictures/geometry.js';
import { type Candidate, Occupancy, placeLabels } from '../../src/pictures/labels.js';

const frame: Box = { x: 0, y: 0, width: 400, height: 300 };

describe('label placement', () => {
  it('takes the first free candidate and skips taken ones', () => {
    const a: Candidate<string>[] = [{ box: { x: 10, y: 10, width: 50, height: 20 }, place: 'a1' }];
    const b: Candidate<string>[] = [
      { box: { x: 30, y: 15, width: 50, height: 20 }, place: 'b1' },
      { box: { x: 30, y: 40, width: 50, height: 20 }, place: 'b2' },
    ];
    const placed = placeLabels([a, b], frame, new Occupancy());
    expect(placed.get(0)?.place).toBe('a1');
    expect(placed.get(1)?.place).toBe('b2');
  });

  it('leaves a label out rather than overlapping or leaving the frame', () => {
    const a: Candidate<string>[] = [{ box: { x: 10, y: 10, width: 50, height: 20 }, place: 'a' }];
    const b: Candidate<string>[] = [
      { box: { x: 20, y: 12, width: 50, height: 20 }, place: 'overlaps' },
      { box: { x: 390, y: 10, width: 50, height: 20 }, place: 'outside' },
    ];
    const placed = placeLabels([a, b], frame, new Occupancy());
    expect(placed.has(1)).toBe(false);
  });

  it('lets leader lines run alongside each other but never through text', () => {
    const occupied = new Occupancy();
    occupied.take({ x: 100, y: 50, width: 80, height: 20 }, [verticalLine(95, 50, 200)]);
    expect(occupied.fits({ x: 10, y: 100, width: 40, height: 20 }, [verticalLine(95, 120, 200)])).toBe(true);
    expect(occupied.fits({ x: 10, y: 20, width: 40, height: 20 }, [verticalLine(120, 40, 200)])).toBe(false);
    expect(occupied.fits({ x: 90, y: 120, width: 40, height: 20 })).toBe(false);
  });

  it('keeps the asked-for gap between words', () => {
    const occupied = new Occupancy([{ x: 100, y: 0, width: 50, height: 20 }], 10);
    expect(occupied.fits({ x: 155, y: 0, width: 20, height: 20 })).toBe(false);
    expect(occupied.fits({ x: 161, y: 0, width: 20, height: 20 })).toBe(true);
  });

  it('never places two overlapping labels, whatever the candidates', () => {
    const box = fc.record({
      x: fc.integer({ min: -20, max: 400 }),
      y: fc.integer({ min: -20, max: 300 }),
      width: fc.integer({ min: 1, max: 120 }),
      height: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(box, { minLength: 1, maxLength: 6 }), { maxLength: 40 }), (labels) => {
        const placed = placeLabels(
          labels.map((boxes) => boxes.map((b) => ({ box: b, place: null }))),
          frame,
          new Occupancy(),
        );
        const boxes = [...placed.values()].map((p) => p.box);
        expect(overlappingPairs(boxes)).toEqual([]);
        for (const b of boxes) expect(inside(b, frame)).toBe(true);
      }),
    );
  });
});
