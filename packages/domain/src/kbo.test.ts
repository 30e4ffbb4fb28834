import { describe, expect, it } from 'vitest';
import { formatKbo, isValidKbo, kboCheckDigits, makeKbo, normaliseKbo } from './kbo.js';

describe('normaliseKbo', () => {
  it.each([
    ['0202.239.951', '0202239951'],
    ['0202 239 951', '0202239951'],
    ['BE0202239951', '0202239951'],
    ['be 0202.239.951', '0202239951'],
    ['  0202-239-951 ', '0202239951'],
    // Nine-digit numbers from before 2005 gain a leading zero.
    ['202.239.951', '0202239951'],
    ['202239951', '0202239951'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseKbo(input)).toBe(expected);
  });

  it.each(['', 'BE', '02022399511', '20223995', '0202.23A.951', 'NL0202239951', '0202_239_951'])(
    'rejects %j',
    (input) => {
      expect(normaliseKbo(input)).toBeNull();
    },
  );
});

describe('kboCheckDigits', () => {
  it('is 97 minus the remainder, zero-padded', () => {
    expect(kboCheckDigits('02022399')).toBe('51');
    expect(kboCheckDigits('00000096')).toBe('01');
    // A remainder of 0 gives 97, not 00.
    expect(kboCheckDigits('00000097')).toBe('97');
  });

  it('refuses anything but eight digits', () => {
    expect(() => kboCheckDigits('0202239')).toThrow(RangeError);
    expect(() => kboCheckDigits('0202239x')).toThrow(RangeError);
  });
});

describe('isValidKbo', () => {
  // 0202.239.951 is Proximus NV's number. The others were checked by hand against the rule
  // (97 - first eight digits mod 97 = last two), e.g. 04031707 mod 97 = 96 -> check 01.
  it.each([
    '0202.239.951',
    'BE 0202 239 951',
    '202239951',
    '0403.170.701',
    '0417.497.106',
    '0400.378.485',
    '1000.000.021',
  ])('accepts %s', (input) => {
    expect(isValidKbo(input)).toBe(true);
  });

  it.each([
    ['wrong check digits', '0202.239.952'],
    ['check digits swapped', '0202.239.915'],
    ['a changed digit', '0202.293.951'],
    ['eleven digits', '02022399510'],
    ['letters', '0202.239.95A'],
    // 2202.239.9xx carries the right check digits (22022399 mod 97 = 4 -> 93) but no
    // enterprise number starts with 2.
    ['starting with 2', '2202.239.993'],
    ['empty', ''],
  ])('rejects %s', (_why, input) => {
    expect(isValidKbo(input)).toBe(false);
  });
});

describe('formatKbo', () => {
  it('groups as 4.3.3', () => {
    expect(formatKbo('0123456749')).toBe('0123.456.749');
    expect(formatKbo('BE0202239951')).toBe('0202.239.951');
    expect(formatKbo('202239951')).toBe('0202.239.951');
  });

  it('throws on malformed input', () => {
    expect(() => formatKbo('12345')).toThrow(RangeError);
  });
});

describe('makeKbo', () => {
  it('builds valid, distinct numbers', () => {
    const made = [0, 1, 2, 96, 97, 12_345, 9_999_999, 10_000_000, 19_999_999].map(makeKbo);
    for (const kbo of made) {
      expect(kbo).toMatch(/^[01]\d{9}$/);
      expect(isValidKbo(kbo)).toBe(true);
    }
    expect(new Set(made).size).toBe(made.length);
    expect(makeKbo(2_022_399)).toBe('0202239951');
  });

  it('refuses sequences that would not start with 0 or 1', () => {
    expect(() => makeKbo(20_000_000)).toThrow(RangeError);
    expect(() => makeKbo(-1)).toThrow(RangeError);
    expect(() => makeKbo(1.5)).toThrow(RangeError);
  });
});
