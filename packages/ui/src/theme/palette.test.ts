import { describe, expect, it } from 'vitest';
import { chartPalette, OKABE_ITO, seriesColour } from './palette';

describe('chart palette', () => {
  it('is the eight Okabe–Ito colours, blue first', () => {
    expect(chartPalette).toHaveLength(8);
    expect(new Set(chartPalette)).toEqual(new Set(Object.values(OKABE_ITO)));
    expect(seriesColour(0)).toBe('#0072B2');
  });

  it('cycles for more series than colours', () => {
    expect(seriesColour(8)).toBe(seriesColour(0));
    expect(seriesColour(-1)).toBe(seriesColour(7));
  });
});
