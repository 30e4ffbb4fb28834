import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict';

const comparison = (pValue: number, tooSmall = false) => ({
  baselineRate: 0.5,
  cohortRate: 0.6,
  difference: 0.1,
  pValue,
  test: 'FISHER' as const,
  tooSmall,
});

describe('verdictOf', () => {
  it('concludes only below the significance level', () => {
    expect(verdictOf(comparison(0.01))).toBe('significant');
    expect(verdictOf(comparison(0.05))).toBe('noDifference');
    expect(verdictOf(comparison(0.43))).toBe('noDifference');
  });

  it('refuses to conclude on a group that is too small, whatever the p-value', () => {
    expect(verdictOf(comparison(0.0001, true))).toBe('tooSmall');
  });

  it('says so when there is nothing to compare', () => {
    expect(verdictOf(null)).toBe('none');
  });
});
