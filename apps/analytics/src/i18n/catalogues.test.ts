import { describe, expect, it } from 'vitest';
import en from './en.json';
import nlBE from './nl-BE.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

// Known, older differences: reason names come in Dutch from the API (English only translates
// the codes), and the RE-AIM measure names have no English catalogue entries yet.
const knownGaps = (key: string) =>
  key.startsWith('reasonCodes.') || key.startsWith('reAim.measures.');

describe('analytics message catalogues', () => {
  it('English has the same keys as Dutch (apart from the known gaps)', () => {
    expect(
      keys(en)
        .filter((k) => !knownGaps(k))
        .sort(),
    ).toEqual(
      keys(nlBE)
        .filter((k) => !knownGaps(k))
        .sort(),
    );
  });

  it('the funnel drill-down is in both languages, and no message is empty', () => {
    expect(keys(en.drill).sort()).toEqual(keys(nlBE.drill).sort());
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
