import { describe, expect, it } from 'vitest';
import { euroToCents } from '../pages/ProgrammeNewPage';
import { EMPTY_RULES, rulesFromProgramme, rulesInput } from './EligibilityFields';

describe('eligibility rules form', () => {
  it('sends what the form holds: an empty headcount is no maximum, provinces split on commas', () => {
    expect(rulesInput(EMPTY_RULES)).toEqual({
      organisationKinds: [],
      maxEmployees: null,
      sizeClasses: [],
      requiresNoPreventionCommittee: false,
      provinces: [],
      naceSections: [],
    });
    expect(
      rulesInput({ ...EMPTY_RULES, maxEmployees: ' 49 ', provinces: 'Limburg, , Antwerpen ' }),
    ).toMatchObject({ maxEmployees: 49, provinces: ['Limburg', 'Antwerpen'] });
    // Not a number: the preview is skipped and the API refuses it with a typed error.
    expect(
      Number.isInteger(rulesInput({ ...EMPTY_RULES, maxEmployees: 'veel' }).maxEmployees),
    ).toBe(false);
  });

  it('reads a programme’s rules back into the form', () => {
    expect(
      rulesFromProgramme({
        organisationKinds: ['COMPANY'],
        maxEmployees: 49,
        sizeClasses: [],
        requiresNoPreventionCommittee: true,
        provinces: ['Limburg', 'Antwerpen'],
        naceSections: ['F', 'C'],
      }),
    ).toEqual({
      organisationKinds: ['COMPANY'],
      maxEmployees: '49',
      sizeClasses: [],
      requiresNoPreventionCommittee: true,
      provinces: 'Limburg, Antwerpen',
      naceSections: ['F', 'C'],
    });
  });

  it('sends the ticked sectors as sorted NACE section letters', () => {
    expect(rulesInput({ ...EMPTY_RULES, naceSections: ['F', 'C'] }).naceSections).toEqual([
      'C',
      'F',
    ]);
  });

  it('reads euro amounts as typed in Belgium', () => {
    expect(euroToCents('500')).toBe(50_000);
    expect(euroToCents('500,50')).toBe(50_050);
    expect(euroToCents(' ')).toBeNull();
    expect(euroToCents('vijf')).toBeNaN();
  });
});
