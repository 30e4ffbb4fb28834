import { describe, expect, it } from 'vitest';
import { meanInterval, studentTQuantile } from './statistics.js';

describe('studentTQuantile', () => {
  // Two-sided 95 % critical values of Student's t (any table, e.g. R's qt(0.975, df)).
  it.each([
    [1, 12.706205],
    [2, 4.302653],
    [3, 3.182446],
    [5, 2.570582],
    [10, 2.228139],
    [22, 2.073873],
    [30, 2.042272],
    [120, 1.97993],
  ])('df %i gives %f', (df, q) => {
    expect(studentTQuantile(0.95, df)).toBeCloseTo(q, 5);
  });

  it('gives the 99 % value too and refuses nonsense', () => {
    expect(studentTQuantile(0.99, 9)).toBeCloseTo(3.249836, 5);
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.95, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.95, 2.5)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('matches t.test on paired differences', () => {
    // R: x <- c(4, 7, 11, 2, 9, 5); t.test(x)$conf.int = 2.8422 9.8245 (mean 6.3333, sd 3.3267)
    const x = [4, 7, 11, 2, 9, 5];
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (x.length - 1));
    const ci = meanInterval(x.length, mean, sd);
    expect(ci.mean).toBeCloseTo(6.3333, 4);
    expect(ci.lower).toBeCloseTo(2.8422, 3);
    expect(ci.upper).toBeCloseTo(9.8245, 3);
  });

  it('has no interval below two observations and no mean without any', () => {
    expect(meanInterval(0, null, null)).toEqual({ n: 0, mean: null, lower: null, upper: null });
    expect(meanInterval(1, 3, null)).toEqual({ n: 1, mean: 3, lower: null, upper: null });
    expect(() => meanInterval(3, 1, -1)).toThrow(RangeError);
  });
});
