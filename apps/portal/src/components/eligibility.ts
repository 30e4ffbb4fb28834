import type { Eligibility_VerdictFragment } from '@werkgezond/graphql-client';
import type { TFunction } from 'i18next';

/**
 * The API's eligibility reasons are written in Dutch for the applicant. In Dutch they are shown
 * as they are (they name the numbers); other languages get the reason code's translation.
 */
export function eligibilityReasonText(
  t: TFunction,
  language: string,
  reason: Eligibility_VerdictFragment['reasons'][number],
): string {
  if (language === 'nl-BE') return reason.message;
  return t(`eligibility.reasons.${reason.code}`, { defaultValue: reason.message });
}
