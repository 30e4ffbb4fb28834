/**
 * Programme eligibility as data: a programme edition stores its rules, and the portal and the
 * application service both run them through one function, so both give the same answer and
 * the same reasons.
 */
import { NACE_SECTION_LABELS } from './nace.js';
import { ORG_KIND_LABELS, type OrgKind } from './org-kind.js';
import { SIZE_CLASS_LABELS, type SizeClass, sizeClassOf } from './size-class.js';

/** Every field is optional: a rule that is absent does not restrict. */
export interface EligibilityRules {
  readonly kinds?: readonly OrgKind[];
  /** Inclusive maximum headcount ("fewer than 50" is 49). */
  readonly maxEmployees?: number;
  readonly sizeClasses?: readonly SizeClass[];
  /** The coaching programme targets companies without a prevention committee. */
  readonly requiresNoPreventionCommittee?: boolean;
  /** Allowed provinces, compared case-insensitively. */
  readonly provinces?: readonly string[];
  /** Allowed sectors: NACE section letters (A–U). */
  readonly naceSections?: readonly string[];
}

export interface EligibilityCandidate {
  readonly kind: OrgKind;
  readonly employeeCount: number;
  readonly hasPreventionCommittee: boolean;
  /** Null when unknown; a province rule then fails, since eligibility cannot be shown. */
  readonly province: string | null;
  /** NACE section letter; null or absent when unknown, and a sector rule then fails. */
  readonly naceSection?: string | null;
}

export type EligibilityReasonCode =
  | 'KIND'
  | 'TOO_LARGE'
  | 'SIZE_CLASS'
  | 'HAS_COMMITTEE'
  | 'REGION'
  | 'SECTOR';

export interface EligibilityReason {
  readonly code: EligibilityReasonCode;
  /** Dutch, ready to show to the applicant. */
  readonly message: string;
}

export interface EligibilityResult {
  readonly eligible: boolean;
  /** Every rule that fails, in a fixed order, so the applicant sees all problems at once. */
  readonly reasons: EligibilityReason[];
}

const sectionLabel = (s: string): string =>
  NACE_SECTION_LABELS[s] ? `${s} (${NACE_SECTION_LABELS[s]})` : s;

const sameProvince = (a: string, b: string): boolean =>
  a.trim().localeCompare(b.trim(), 'nl-BE', { sensitivity: 'base' }) === 0;

export function checkEligibility(
  rules: EligibilityRules,
  org: EligibilityCandidate,
): EligibilityResult {
  const reasons: EligibilityReason[] = [];
  const fail = (code: EligibilityReasonCode, message: string) => reasons.push({ code, message });

  if (rules.kinds !== undefined && !rules.kinds.includes(org.kind)) {
    const allowed = rules.kinds.map((k) => ORG_KIND_LABELS[k]).join(', ');
    fail(
      'KIND',
      `Dit programma staat niet open voor een ${ORG_KIND_LABELS[org.kind]} (wel voor: ${allowed}).`,
    );
  }
  // sizeClassOf also rejects impossible headcounts, whichever size rule is in force.
  const sizeClass = sizeClassOf(org.employeeCount);
  if (rules.maxEmployees !== undefined && org.employeeCount > rules.maxEmployees) {
    fail(
      'TOO_LARGE',
      `De organisatie telt ${org.employeeCount} werknemers; het maximum is ${rules.maxEmployees}.`,
    );
  }
  if (rules.sizeClasses !== undefined && !rules.sizeClasses.includes(sizeClass)) {
    const allowed = rules.sizeClasses.map((c) => SIZE_CLASS_LABELS[c]).join(', ');
    fail(
      'SIZE_CLASS',
      `Grootteklasse ${SIZE_CLASS_LABELS[sizeClass]} komt niet in aanmerking (wel: ${allowed}).`,
    );
  }
  if (rules.requiresNoPreventionCommittee === true && org.hasPreventionCommittee) {
    fail(
      'HAS_COMMITTEE',
      'De organisatie heeft een comité voor preventie en bescherming op het werk; ' +
        'dit programma richt zich op organisaties zonder comité.',
    );
  }
  if (rules.provinces !== undefined) {
    const { province } = org;
    const allowed = rules.provinces.join(', ');
    if (province === null) {
      fail('REGION', `De provincie van de organisatie is onbekend (toegelaten: ${allowed}).`);
    } else if (!rules.provinces.some((p) => sameProvince(p, province))) {
      fail('REGION', `${province} valt buiten het werkingsgebied (toegelaten: ${allowed}).`);
    }
  }
  if (rules.naceSections !== undefined) {
    const section = org.naceSection?.trim().toUpperCase() || null;
    const allowed = rules.naceSections.map(sectionLabel).join(', ');
    if (section === null) {
      fail(
        'SECTOR',
        `De sector van de organisatie is onbekend; vul de NACE-code aan (toegelaten: ${allowed}).`,
      );
    } else if (!rules.naceSections.some((s) => s.toUpperCase() === section)) {
      fail(
        'SECTOR',
        `Sector ${sectionLabel(section)} valt buiten dit programma (toegelaten: ${allowed}).`,
      );
    }
  }
  return { eligible: reasons.length === 0, reasons };
}
