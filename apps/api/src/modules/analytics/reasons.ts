import { DROP_OFF_REASON_LABELS, type DropOffReason } from '@werkgezond/domain';

/** Rejection reasons programme managers record (stage REJECTED). */
const REJECTION_LABELS: Readonly<Record<string, string>> = {
  HAS_PREVENTION_COMMITTEE: 'Heeft een comité voor preventie en bescherming',
  NOT_ELIGIBLE_SIZE: 'Onderneming te groot',
  INCOMPLETE: 'Aanvraag onvolledig',
  NOT_ELIGIBLE: 'Niet in aanmerking',
};

export const NO_REASON_LABEL = 'Geen reden geregistreerd';

/** Dutch label of a drop-off or rejection reason code; the code itself when unknown. */
export function reasonLabel(code: string | null): string {
  if (code === null) return NO_REASON_LABEL;
  return DROP_OFF_REASON_LABELS[code as DropOffReason] ?? REJECTION_LABELS[code] ?? code;
}
