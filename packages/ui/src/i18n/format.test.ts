import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber, formatPercent, isoDate } from './format';

// Intl uses narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for nl-BE and en', () => {
  it('groups thousands the Belgian and the English way', () => {
    expect(formatNumber(1234567.5, 'nl-BE')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('writes percentages', () => {
    expect(plain(formatPercent(0.923, 'nl-BE', 1))).toBe('92,3%');
    expect(formatPercent(0.923, 'en', 1)).toBe('92.3%');
  });

  it('turns cents into euros', () => {
    expect(plain(formatMoney(123456, 'nl-BE'))).toBe('€ 1.234,56');
    expect(formatMoney(123456, 'en')).toBe('€1,234.56');
    expect(plain(formatMoney(25852550, 'nl-BE', 'EUR', true))).toBe('€ 258.526');
  });

  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2019-07-31', 'nl-BE', 'long')).toBe('31 juli 2019');
    expect(formatDate('2019-07-31', 'en', 'long')).toBe('31 July 2019');
    expect(formatDate('2019-07-31', 'nl-BE', 'short')).toBe('31/07/2019');
  });

  it('shows timestamps in Belgian time', () => {
    // 23:30 UTC on 31 July is already 1 August in Brussels (UTC+2 in summer).
    expect(formatDate('2019-07-31T23:30:00Z', 'nl-BE', 'long')).toBe('1 augustus 2019');
    expect(isoDate('2019-07-31T23:30:00Z')).toBe('2019-08-01');
    expect(isoDate('2019-07-31')).toBe('2019-07-31');
  });
});
