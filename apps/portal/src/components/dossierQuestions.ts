/** The award dossier's structured questions, in the order the form asks them (the API's keys). */
export const DOSSIER_QUESTIONS = [
  'healthPolicyVision',
  'actionsTaken',
  'employeeInvolvement',
  'collaboration',
  'results',
] as const;

export type DossierQuestion = (typeof DOSSIER_QUESTIONS)[number];

export const MAX_ANSWER_LENGTH = 5000;

/** Attachments: the API's limits, checked in the browser first. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const ATTACHMENT_TYPES: readonly { extensions: string[]; mediaType: string }[] = [
  { extensions: ['pdf'], mediaType: 'application/pdf' },
  { extensions: ['png'], mediaType: 'image/png' },
  { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg' },
  {
    extensions: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    extensions: ['xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
];

export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((type) => [
  ...type.extensions.map((e) => `.${e}`),
  type.mediaType,
]).join(',');

/** Size and type checks before uploading: an i18n key, or null when the file may be sent. */
export function attachmentProblem(file: {
  name: string;
  size: number;
  type: string;
}): string | null {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const known = ATTACHMENT_TYPES.some(
    (type) =>
      type.extensions.includes(extension) || (file.type !== '' && type.mediaType === file.type),
  );
  if (!known) return 'dossier.fileType';
  if (file.size === 0) return 'dossier.fileEmpty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'dossier.fileTooLarge';
  return null;
}

/** A file size for people: 12 kB, 3,4 MB. */
export function fileSize(
  bytes: number,
  format: (n: number, o?: Intl.NumberFormatOptions) => string,
) {
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${format(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
}
