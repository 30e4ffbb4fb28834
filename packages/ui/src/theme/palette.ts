/**
 * Okabe & Ito (2008), "Color Universal Design": eight colours that stay distinguishable for
 * people with protanopia, deuteranopia and tritanopia. Charts take series colours in this
 * order; never rely on colour alone (label the series, and show the same data as a table).
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  skyBlue: '#56B4E9',
  vermillion: '#D55E00',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Series colours in the order charts use them (matches --wg-chart-1 … --wg-chart-8). */
export const chartPalette: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

/** The colour of the n-th series (0-based), cycling through the palette. */
export function seriesColour(index: number): string {
  const size = chartPalette.length;
  return chartPalette[((index % size) + size) % size] as string;
}
