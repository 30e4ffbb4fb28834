import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv(['naam', 'opmerking'], [['Bakkerij "De Zon", Gent', 'regel 1\nregel 2']])).toBe(
      'naam,opmerking\r\n"Bakkerij ""De Zon"", Gent","regel 1\nregel 2"',
    );
  });

  it('writes empty cells for null and undefined', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 0]])).toBe('a,b,c\r\n,,0');
  });

  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['x'], [['=SUM(A1:A9)'], ['-5'], [-5]])).toBe("x\r\n'=SUM(A1:A9)\r\n'-5\r\n-5");
  });
});
