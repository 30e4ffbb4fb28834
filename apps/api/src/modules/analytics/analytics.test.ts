import { describe, expect, it } from 'vitest';
import { compareValues, describeValue } from '../../semantic/dimensions.js';
import { unitFrom } from '../../semantic/units.js';
import { campaignYears } from './channel.service.js';
import { compareSteps } from './cohort.service.js';
import { eligibleCompanySql } from './re-aim.service.js';
import { NO_REASON_LABEL, reasonLabel } from './reasons.js';
import {
  assertAsOf,
  assertBreakdown,
  editionIdsForYears,
  filteredDimensions,
  type ProgrammeMeta,
  toIsoDate,
} from './scope.js';

const programme: ProgrammeMeta = {
  id: 'p',
  key: 'gezondheidscoaches',
  name: 'Gezondheidscoaches',
  steps: [],
  exits: [],
  editions: [
    { id: 'e18', year: 2018, name: '2018', opensOn: '2018-01-01', closesOn: '2018-12-31' },
    { id: 'e17', year: 2017, name: '2017', opensOn: '2017-12-06', closesOn: '2017-12-31' },
  ],
  channels: [],
  serviceProviders: [],
  rollup: { fresh: false, coversAsOf: true },
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('scope validation', () => {
  it('accepts dates as Date or YYYY-MM-DD and refuses anything else', () => {
    expect(toIsoDate(new Date('2019-07-31T00:00:00Z'), 'asOf')).toBe('2019-07-31');
    expect(toIsoDate('2019-07-31', 'asOf')).toBe('2019-07-31');
    expect(codeOf(() => toIsoDate('31/07/2019', 'asOf'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'asOf',
    });
  });

  it('allows at most two different breakdowns', () => {
    expect(assertBreakdown(['EDITION', 'CHANNEL'], 'f')).toEqual(['EDITION', 'CHANNEL']);
    expect(assertBreakdown(null, 'f')).toEqual([]);
    expect(codeOf(() => assertBreakdown(['EDITION', 'CHANNEL', 'SECTOR'], 'f'))?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => assertBreakdown(['SECTOR', 'SECTOR'], 'f'))?.code).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertBreakdown(['COLOUR' as never], 'f'))?.code).toBe('BAD_USER_INPUT');
  });

  it('maps years to editions and refuses unknown years', () => {
    expect(editionIdsForYears(programme, [2017, 2018], 'years')).toEqual(['e17', 'e18']);
    expect(editionIdsForYears(programme, [], 'years')).toBeNull();
    expect(codeOf(() => editionIdsForYears(programme, [2016], 'years'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'years',
    });
  });

  it('refuses an as-of date before the first edition opened', () => {
    expect(codeOf(() => assertAsOf(programme, '2017-12-06', 'asOf'))).toBeUndefined();
    expect(codeOf(() => assertAsOf(programme, '2017-12-05', 'asOf'))?.field).toBe('asOf');
    expect(codeOf(() => assertAsOf(programme, null, 'asOf'))).toBeUndefined();
  });

  it('knows which dimensions a filter restricts', () => {
    expect(
      filteredDimensions({ channels: ['prebes'], provinces: [], hasPreventionCommittee: [false] }),
    ).toEqual(['CHANNEL', 'HAS_PREVENTION_COMMITTEE']);
    expect(filteredDimensions(null)).toEqual([]);
  });
});

describe('dimensions', () => {
  const sources = {
    editions: new Map([['e18', { year: 2018, name: 'Gezondheidscoaches 2018' }]]),
    channels: new Map([['prebes', 'Prebes – mailing']]),
    serviceProviders: new Map([['sp1', 'Idewe']]),
  };

  it('describes values with stable keys and Dutch labels', () => {
    expect(describeValue('EDITION', 'e18', sources)).toEqual({
      dimension: 'EDITION',
      key: '2018',
      label: 'Gezondheidscoaches 2018',
    });
    expect(describeValue('SECTOR', 'C', sources).label).toBe('Industrie');
    expect(describeValue('SIZE_CLASS', 'SMALL', sources).label).toMatch(/Kleine onderneming/);
    expect(describeValue('SERVICE_PROVIDER', 'sp1', sources).label).toBe('Idewe');
    expect(describeValue('PROVINCE', null, sources)).toEqual({
      dimension: 'PROVINCE',
      key: null,
      label: 'Onbekend',
    });
  });

  it('orders size classes by size, editions by year, unknown last', () => {
    const size = (k: string | null) => describeValue('SIZE_CLASS', k, sources);
    const sorted = [size('LARGE'), size(null), size('MICRO'), size('SMALL')]
      .sort(compareValues)
      .map((v) => v.key);
    expect(sorted).toEqual(['MICRO', 'SMALL', 'LARGE', null]);
    const ed = (y: string) => ({ dimension: 'EDITION' as const, key: y, label: y });
    expect([ed('2019'), ed('2017')].sort(compareValues).map((v) => v.key)).toEqual([
      '2017',
      '2019',
    ]);
  });

  it('counts companies through group members, and drops groups without members', () => {
    const { from, where } = unitFrom({
      unit: 'COMPANIES',
      org: true,
      channel: false,
      coach: false,
    });
    expect(from).toContain("a.registration_type = 'GROUP' AND m.application_id = a.id");
    expect(where).toEqual(["(a.registration_type <> 'GROUP' OR m.organisation_id IS NOT NULL)"]);
    expect(unitFrom({ unit: 'APPLICATIONS', org: false, channel: false, coach: false })).toEqual({
      from: 'application a',
      where: [],
    });
  });
});

describe('compareSteps', () => {
  const step = (stage: string, count: number) => ({
    stage,
    label: stage,
    position: 0,
    count,
    fromPrevious: null,
    fromFirst: { value: null, lower: null, upper: null },
    dropOff: null,
    exited: null,
    inProgress: null,
    medianDaysFromPrevious: null,
    p90DaysFromPrevious: null,
  });

  it('compares conversion from the previous and the first step with the baseline', () => {
    const cohort = [step('A', 32), step('B', 16)];
    const baseline = [step('A', 29), step('B', 22)];
    const [first, second] = compareSteps(cohort, baseline, 10);
    expect(first).toEqual({ stage: 'A', label: 'A', fromPrevious: null, fromFirst: null });
    expect(second!.fromPrevious!.difference).toBeCloseTo(16 / 32 - 22 / 29, 12);
    expect(second!.fromPrevious!.cohortRate).toBe(0.5);
    expect(second!.fromFirst!.tooSmall).toBe(false);
    expect(
      compareSteps([step('A', 4), step('B', 1)], baseline, 10)[1]!.fromPrevious!.tooSmall,
    ).toBe(true);
  });
});

describe('small helpers', () => {
  it('lists every calendar year a campaign ran in', () => {
    expect(
      campaignYears([
        { startsOn: '2018-11-05', endsOn: '2019-01-31' },
        { startsOn: '2018-03-05', endsOn: '2018-04-27' },
      ]),
    ).toEqual([2018, 2019]);
    expect(campaignYears([])).toEqual([]);
  });

  it('labels reasons in Dutch and says when none was recorded', () => {
    expect(reasonLabel('OTHER_PRIORITIES')).toBe('Andere prioriteiten');
    expect(reasonLabel('HAS_PREVENTION_COMMITTEE')).toMatch(/comité/);
    expect(reasonLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(reasonLabel(null)).toBe(NO_REASON_LABEL);
  });

  it('turns eligibility rules into bound SQL conditions', () => {
    const params: unknown[] = [];
    const sql = eligibleCompanySql(
      {
        kinds: ['COMPANY'],
        maxEmployees: 49,
        requiresNoPreventionCommittee: true,
        provinces: [' Limburg '],
      },
      params,
    );
    expect(sql).toBe(
      "o.kind = 'COMPANY' AND o.employee_count <= $1 AND NOT o.has_prevention_committee AND lower(trim(o.province)) = ANY($2::text[])",
    );
    expect(params).toEqual([49, ['limburg']]);
    expect(eligibleCompanySql({ kinds: ['NETWORK'] }, [])).toContain('false');
  });
});
