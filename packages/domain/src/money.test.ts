import { describe, expect, it } from 'vitest';
import { eurosToCents, formatEuro } from './money.js';

describe('eurosToCents', () => {
  it.each([
    [0, 0],
    [12, 1200],
    [0.1, 10],
    [19.99, 1999],
    // 1.005 * 100 is 100.49999999999999 in binary floating point; it must still round up.
    [1.005, 101],
    [1.015, 102],
    [-1.005, -101],
    [-0.001, 0],
    [1234567.89, 123456789],
  ])('%d euros -> %i cents', (euros, cents) => {
    expect(eurosToCents(euros)).toBe(cents);
  });

  it.each([
    ['12', 1200],
    ['12,5', 1250],
    ['12.50', 1250],
    [' 1234,56 ', 123456],
    ['-0,01', -1],
    ['-0', 0],
  ])('parses %j', (text, cents) => {
    expect(eurosToCents(text)).toBe(cents);
  });

  it.each(['', '1.234,56', '12,345', 'abc', '€ 12', '1e3'])('rejects %j', (text) => {
    expect(() => eurosToCents(text)).toThrow(RangeError);
  });

  it('rejects non-finite and unsafe amounts', () => {
    expect(() => eurosToCents(Number.NaN)).toThrow(RangeError);
    expect(() => eurosToCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => eurosToCents(1e300)).toThrow(RangeError);
  });
});

describe('formatEuro', () => {
  // Intl puts a no-break space (U+00A0) between the symbol and the amount in nl-BE.
  it('formats Belgian Dutch by default', () => {
    expect(formatEuro(123456)).toBe('€\u00a01.234,56');
    expect(formatEuro(5)).toBe('€\u00a00,05');
    expect(formatEuro(-250)).toBe('€\u00a0-2,50');
  });

  it('takes another locale', () => {
    expect(formatEuro(123456, 'en-GB')).toBe('€1,234.56');
  });

  it('refuses fractional cents', () => {
    expect(() => formatEuro(1.5)).toThrow(RangeError);
  });
});
