import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  type EligibilityCandidate,
  type EligibilityRules,
} from './eligibility.js';
import { naceSectionOf } from './nace.js';
import { FLEMISH_PROVINCES } from './org-kind.js';

// The coaching call: small companies without a prevention committee, in Flanders.
const coaching: EligibilityRules = {
  kinds: ['COMPANY', 'NETWORK'],
  maxEmployees: 49,
  requiresNoPreventionCommittee: true,
  provinces: FLEMISH_PROVINCES,
};

const bakery: EligibilityCandidate = {
  kind: 'COMPANY',
  employeeCount: 12,
  hasPreventionCommittee: false,
  province: 'Oost-Vlaanderen',
};

const codes = (rules: EligibilityRules, org: EligibilityCandidate) =>
  checkEligibility(rules, org).reasons.map((r) => r.code);

describe('checkEligibility', () => {
  it('accepts an organisation that meets every rule', () => {
    expect(checkEligibility(coaching, bakery)).toEqual({ eligible: true, reasons: [] });
  });

  it('treats absent rules as no restriction', () => {
    const huge = { ...bakery, kind: 'SERVICE_PROVIDER' as const, employeeCount: 4000 };
    expect(checkEligibility({}, { ...huge, hasPreventionCommittee: true, province: null })).toEqual(
      { eligible: true, reasons: [] },
    );
  });

  it('treats maxEmployees as inclusive', () => {
    expect(codes(coaching, { ...bakery, employeeCount: 49 })).toEqual([]);
    expect(codes(coaching, { ...bakery, employeeCount: 50 })).toEqual(['TOO_LARGE']);
  });

  it('explains each failure in Dutch', () => {
    const result = checkEligibility(coaching, { ...bakery, employeeCount: 80 });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      { code: 'TOO_LARGE', message: 'De organisatie telt 80 werknemers; het maximum is 49.' },
    ]);
    const committee = checkEligibility(coaching, { ...bakery, hasPreventionCommittee: true });
    expect(committee.reasons[0]?.code).toBe('HAS_COMMITTEE');
    expect(committee.reasons[0]?.message).toContain('comité voor preventie en bescherming');
  });

  it('checks the kind of organisation', () => {
    const result = checkEligibility(coaching, { ...bakery, kind: 'SERVICE_PROVIDER' });
    expect(result.reasons.map((r) => r.code)).toEqual(['KIND']);
    expect(result.reasons[0]?.message).toContain('dienstverlener');
  });

  it('checks size classes', () => {
    const rules: EligibilityRules = { sizeClasses: ['MICRO', 'SMALL'] };
    expect(codes(rules, { ...bakery, employeeCount: 9 })).toEqual([]);
    expect(codes(rules, { ...bakery, employeeCount: 250 })).toEqual(['SIZE_CLASS']);
  });

  it('compares provinces without regard to case, and fails unknown ones', () => {
    expect(codes(coaching, { ...bakery, province: 'west-vlaanderen ' })).toEqual([]);
    expect(codes(coaching, { ...bakery, province: 'Henegouwen' })).toEqual(['REGION']);
    expect(codes(coaching, { ...bakery, province: null })).toEqual(['REGION']);
  });

  it('lists every failed rule, in a fixed order', () => {
    const org: EligibilityCandidate = {
      kind: 'PROGRAMME_OPERATOR',
      employeeCount: 300,
      hasPreventionCommittee: true,
      province: 'Luik',
    };
    expect(codes({ ...coaching, sizeClasses: ['SMALL'] }, org)).toEqual([
      'KIND',
      'TOO_LARGE',
      'SIZE_CLASS',
      'HAS_COMMITTEE',
      'REGION',
    ]);
  });

  it('refuses impossible headcounts', () => {
    expect(() => checkEligibility(coaching, { ...bakery, employeeCount: -1 })).toThrow(RangeError);
  });

  it('checks the sector (NACE section), and fails an unknown one', () => {
    const industry: EligibilityRules = { naceSections: ['C', 'F'] };
    expect(codes(industry, { ...bakery, naceSection: 'C' })).toEqual([]);
    expect(codes(industry, { ...bakery, naceSection: 'f' })).toEqual([]);
    const shop = checkEligibility(industry, { ...bakery, naceSection: 'G' });
    expect(shop.reasons).toEqual([
      {
        code: 'SECTOR',
        message:
          'Sector G (Handel) valt buiten dit programma (toegelaten: C (Industrie), F (Bouw)).',
      },
    ]);
    expect(codes(industry, { ...bakery, naceSection: null })).toEqual(['SECTOR']);
    expect(codes(industry, bakery)).toEqual(['SECTOR']);
    // Sector comes after the other rules in the list of reasons.
    expect(
      codes({ ...coaching, ...industry }, { ...bakery, province: 'Nergens', naceSection: 'G' }),
    ).toEqual(['REGION', 'SECTOR']);
  });
});

describe('naceSectionOf', () => {
  it('maps the division of a NACE code to its section', () => {
    expect(naceSectionOf('10.71')).toBe('C');
    expect(naceSectionOf('4711')).toBe('G');
    expect(naceSectionOf('56.101')).toBe('I');
    expect(naceSectionOf('04.00')).toBeNull();
    expect(naceSectionOf('')).toBeNull();
    expect(naceSectionOf(null)).toBeNull();
  });
});
