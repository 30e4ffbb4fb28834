/**
 * Enterprise size classes by headcount, after the EU SME definition (headcount only: turnover
 * and balance sheet are not recorded). A "kleine onderneming" in the programmes' documents is
 * one with fewer than 50 employees.
 */
export type SizeClass = 'MICRO' | 'SMALL' | 'MEDIUM' | 'LARGE';

export const SIZE_CLASSES: readonly SizeClass[] = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, string>> = {
  MICRO: 'Micro-onderneming (< 10)',
  SMALL: 'Kleine onderneming (10–49)',
  MEDIUM: 'Middelgrote onderneming (50–249)',
  LARGE: 'Grote onderneming (250+)',
};

function assertHeadcount(employees: number): void {
  if (!Number.isInteger(employees) || employees < 0) {
    throw new RangeError(`Employee count must be a non-negative integer, got ${employees}`);
  }
}

export function sizeClassOf(employees: number): SizeClass {
  assertHeadcount(employees);
  if (employees < 10) return 'MICRO';
  if (employees < 50) return 'SMALL';
  if (employees < 250) return 'MEDIUM';
  return 'LARGE';
}

/** Fewer than 50 employees: micro and small enterprises, the coaching programme's target. */
export function isSmallEnterprise(employees: number): boolean {
  assertHeadcount(employees);
  return employees < 50;
}
