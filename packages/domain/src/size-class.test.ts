import { describe, expect, it } from 'vitest';
import { isSmallEnterprise, sizeClassOf } from './size-class.js';

describe('sizeClassOf', () => {
  it.each([
    [0, 'MICRO'],
    [9, 'MICRO'],
    [10, 'SMALL'],
    [49, 'SMALL'],
    [50, 'MEDIUM'],
    [249, 'MEDIUM'],
    [250, 'LARGE'],
    [12_000, 'LARGE'],
  ])('%i employees is %s', (employees, expected) => {
    expect(sizeClassOf(employees)).toBe(expected);
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('throws on %s', (employees) => {
    expect(() => sizeClassOf(employees)).toThrow(RangeError);
  });
});

describe('isSmallEnterprise', () => {
  it('means fewer than 50 employees', () => {
    expect(isSmallEnterprise(0)).toBe(true);
    expect(isSmallEnterprise(49)).toBe(true);
    expect(isSmallEnterprise(50)).toBe(false);
    expect(() => isSmallEnterprise(-3)).toThrow(RangeError);
  });
});
