/**
 * Colours. Marks use the Okabe–Ito palette, which stays distinguishable
 * under the common colour-vision deficiencies, and every colour is paired
 * with a shape so nothing rests on hue alone. Armenia and Azerbaijan get the
 * same neutral land colour: no side is drawn in "enemy red", and the map
 * does not colour-code a conflict party at all.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const INK = {
  text: '#1F2328',
  muted: '#57606A',
  faint: '#8C959F',
  rule: '#D0D7DE',
  background: '#FFFFFF',
} as const;

export const MAP = {
  water: '#DCE9F2',
  waterText: '#4A7A9C',
  /** Countries the picture is about, both sides alike. */
  focusLand: '#EFE9DC',
  otherLand: '#F7F7F5',
  border: '#9AA0A6',
  focusBorder: '#6E7781',
  countryText: '#6E7781',
} as const;

/** Episode shading on the timeline: light, neutral, alternating so neighbours stay apart. */
export const EPISODE_TINTS = ['#E6EEF5', '#F3ECDD', '#E9F2EA', '#F1E8F0'] as const;
