import { describe, expect, it } from 'vitest';
import {
  boolListParam,
  dateListParam,
  dateParam,
  enumParam,
  intListParam,
  intParam,
  isIsoDate,
  listParam,
  readParams,
  textParam,
  writeParams,
} from './params';
import { funnelSpec } from './specs';

describe('URL parameters', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDate('2019-07-31')).toBe(true);
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('31/07/2019')).toBe(false);
    expect(dateParam().parse('2019-13-01')).toBeNull();
    expect(dateParam().parse('2018-12-31')).toBe('2018-12-31');
  });

  it('reads what it understands and falls back on the rest', () => {
    expect(enumParam(['APPLICATIONS', 'COMPANIES'], 'APPLICATIONS').parse('SOMETHING')).toBe(
      'APPLICATIONS',
    );
    expect(intParam(14, { min: 1, max: 365 }).parse('400')).toBe(14);
    expect(intParam(14, { min: 1, max: 365 }).parse('30')).toBe(30);
    expect(intListParam().parse('2019,x,2017,2017')).toEqual([2017, 2019]);
    expect(listParam({ allowed: ['A', 'B', 'C'] }).parse('C,Z,A')).toEqual(['A', 'C']);
    expect(listParam({ allowed: ['A', 'B', 'C'], sorted: false, max: 2 }).parse('C,A,B')).toEqual([
      'C',
      'A',
    ]);
    expect(boolListParam().parse('no,yes')).toEqual([true, false]);
    expect(dateListParam().parse('2019-07-31,2017-12-31,nope,2017-12-31')).toEqual([
      '2017-12-31',
      '2019-07-31',
    ]);
    expect(textParam().parse('  ')).toBeNull();
  });

  it('leaves defaults out of the URL', () => {
    expect(
      enumParam(['APPLICATIONS', 'COMPANIES'], 'APPLICATIONS').serialize('APPLICATIONS'),
    ).toBeNull();
    expect(intParam(14).serialize(14)).toBeNull();
    expect(intListParam().serialize([])).toBeNull();
    expect(boolListParam().serialize([false])).toBe('no');
  });

  it('writes the same view as the same query string, whatever the order of choices', () => {
    const a = readParams(
      funnelSpec,
      new URLSearchParams('years=2019,2018&programme=gezondheidscoaches&asOf=2019-07-31'),
    );
    const b = readParams(
      funnelSpec,
      new URLSearchParams('asOf=2019-07-31&programme=gezondheidscoaches&years=2018,2019'),
    );
    expect(writeParams(funnelSpec, a).toString()).toBe(writeParams(funnelSpec, b).toString());
    expect(writeParams(funnelSpec, a).toString()).toBe(
      'programme=gezondheidscoaches&asOf=2019-07-31&years=2018%2C2019',
    );
  });

  it('keeps the order of the breakdowns (the first splits, the second splits within)', () => {
    const values = readParams(
      funnelSpec,
      new URLSearchParams('breakdown=SIZE_CLASS,EDITION,CHANNEL'),
    );
    expect(values.breakdown).toEqual(['SIZE_CLASS', 'EDITION']);
    expect(writeParams(funnelSpec, values).get('breakdown')).toBe('SIZE_CLASS,EDITION');
  });

  it('keeps parameters it does not own', () => {
    const current = new URLSearchParams('other=1&programme=nv-gezond');
    const values = readParams(funnelSpec, current);
    expect(writeParams(funnelSpec, { ...values, unit: 'COMPANIES' }, current).toString()).toBe(
      'programme=nv-gezond&unit=COMPANIES&other=1',
    );
  });
});
