import { describe, expect, it } from 'vitest';
import { parseEventDate } from './import.events.js';
import { guessMapping, mappingProblems } from './import.fields.js';
import { rowHash } from './import.pipeline.js';

describe('parseEventDate', () => {
  it('reads ISO dates, Belgian dates and timestamps', () => {
    expect(parseEventDate('2018-03-01')?.toISOString()).toBe('2018-03-01T12:00:00.000Z');
    expect(parseEventDate('5/2/2018')?.toISOString()).toBe('2018-02-05T12:00:00.000Z');
    expect(parseEventDate('2018-03-01T08:17:00.000Z')?.toISOString()).toBe(
      '2018-03-01T08:17:00.000Z',
    );
    expect(parseEventDate('2018-03-01 09:00+01:00')?.toISOString()).toBe(
      '2018-03-01T08:00:00.000Z',
    );
  });
  it('refuses what is not a date', () => {
    for (const bad of [
      '',
      'gisteren',
      '2018-02-30',
      '31/02/2019',
      '2018-03-01T08:00',
      '20180301',
    ]) {
      expect(parseEventDate(bad), bad).toBeNull();
    }
  });
});

describe('column mapping', () => {
  it('maps field keys and Dutch headers, and says what is missing', () => {
    const mapping = guessMapping('ORGANISATIONS', [
      'KBO-nummer',
      'Naam',
      'Gemeente',
      'Iets anders',
    ]);
    expect(mapping).toEqual({ kboNumber: 'KBO-nummer', name: 'Naam', municipality: 'Gemeente' });
    expect(mappingProblems('ORGANISATIONS', ['KBO-nummer', 'Naam'], mapping)).toEqual([
      'The file has no column "Gemeente"',
    ]);
    expect(mappingProblems('STAGE_EVENTS', ['x'], { stage: 'x', bogus: 'x' })).toEqual([
      'Unknown field "bogus"',
      'Map a column to "reference"',
      'Map a column to "occurredAt"',
    ]);
  });
});

describe('rowHash', () => {
  it('does not depend on the order of the columns', () => {
    expect(rowHash({ a: '1', b: '2' })).toBe(rowHash({ b: '2', a: '1' }));
    expect(rowHash({ a: '1', b: '2' })).not.toBe(rowHash({ a: '1', b: '3' }));
  });
});
