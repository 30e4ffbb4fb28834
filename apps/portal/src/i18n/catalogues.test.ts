import { describe, expect, it } from 'vitest';
import en from './en.json';
import nlBE from './nl-BE.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('message catalogues', () => {
  it('English is complete: the same keys as Dutch', () => {
    expect(keys(en).sort()).toEqual(keys(nlBE).sort());
  });

  it('no message is empty', () => {
    const empty = (catalogue: unknown) =>
      keys(catalogue).filter((k) => {
        const value = k
          .split('.')
          .reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(nlBE)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
