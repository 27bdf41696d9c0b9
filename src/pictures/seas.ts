/**
 * Names for the water on a map. world-atlas has country outlines only, so
 * the seas and oceans a map may show are listed here, each with spots to
 * try for its name, best first: a map names the first spot that is in view
 * and on open water. Oceans get several, since a map sees only part of one.
 */
export interface Sea {
  name: string;
  /** [lon, lat] */
  spots: [number, number][];
}

export const SEAS: readonly Sea[] = [
  { name: 'Caspian Sea', spots: [[50.9, 40.8]] },
  { name: 'Black Sea', spots: [[40.3, 42.5]] },
  {
    name: 'Mediterranean Sea',
    spots: [
      [18, 34.5],
      [5, 38.5],
      [30, 33.5],
    ],
  },
  { name: 'Red Sea', spots: [[38, 21]] },
  { name: 'Persian Gulf', spots: [[51.5, 27]] },
  { name: 'Arabian Sea', spots: [[63, 15]] },
  { name: 'Bay of Bengal', spots: [[88, 15]] },
  { name: 'Baltic Sea', spots: [[19.5, 57]] },
  { name: 'North Sea', spots: [[3.5, 56]] },
  { name: 'South China Sea', spots: [[114, 14]] },
  { name: 'Sea of Japan', spots: [[135, 40]] },
  { name: 'Caribbean Sea', spots: [[-75, 15]] },
  { name: 'Gulf of Mexico', spots: [[-90, 25.5]] },
  {
    name: 'Atlantic Ocean',
    spots: [
      [-40, 30],
      [-25, 0],
      [-60, 35],
      [-72, 31],
      [-20, 45],
      [-15, -25],
    ],
  },
  {
    name: 'Pacific Ocean',
    spots: [
      [-140, 20],
      [-160, 5],
      [-125, 15],
      [170, 20],
      [-120, -20],
      [160, -10],
      [-150, 40],
    ],
  },
  {
    name: 'Indian Ocean',
    spots: [
      [75, -15],
      [65, -5],
      [90, -25],
    ],
  },
  { name: 'Arctic Ocean', spots: [[0, 85]] },
  { name: 'Southern Ocean', spots: [[0, -62]] },
];
