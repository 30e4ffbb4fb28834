import { DROP_OFF_REASONS } from '@werkgezond/domain';
import type { TFunction } from 'i18next';

/** Why a company stopped (withdrawal, drop-out): the domain's drop-off reason codes. */
export const DROP_OFF_REASON_CODES: readonly string[] = DROP_OFF_REASONS;

/** Why a manager rejects an application (the API's list). */
export const REJECTION_REASON_CODES = [
  'NOT_ELIGIBLE_SIZE',
  'HAS_PREVENTION_COMMITTEE',
  'INCOMPLETE',
  'OTHER',
] as const;

/** A reason code in words; an unknown code is shown as it is. */
export function reasonLabel(t: TFunction, code: string): string {
  return t(`reasons.${code}`, { defaultValue: code });
}

export function reasonOptions(t: TFunction, codes: readonly string[]) {
  return codes.map((code) => ({ value: code, label: reasonLabel(t, code) }));
}
