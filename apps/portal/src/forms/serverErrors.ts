import { type ApiError, apiErrors, isNetworkError } from '@werkgezond/graphql-client';
import type { TFunction } from 'i18next';

/**
 * The API answers in English. Known messages get a translated text (matched on the field and
 * the message); anything else shows the server's own words, so nothing is ever hidden.
 */
const KNOWN: readonly { field?: RegExp; message: RegExp; key: string }[] = [
  { field: /kboNumber$/, message: /another organisation/i, key: 'errors.kboTaken' },
  { field: /kboNumber$/, message: /not a valid kbo/i, key: 'errors.kboInvalid' },
  { field: /kboNumber$/, message: /not a company/i, key: 'errors.kboNotCompany' },
  { field: /\.name$/, message: /enter the (company )?name/i, key: 'errors.nameRequired' },
  { field: /naceCode$/, message: /nace/i, key: 'errors.naceCode' },
  { field: /employeeCount$/, message: /negative/i, key: 'errors.employeeCount' },
  { field: /reasonCode$/, message: /reason/i, key: 'errors.reasonRequired' },
  { field: /memberOrganisationIds$/, message: /at least one/i, key: 'errors.membersRequired' },
  {
    field: /memberOrganisationIds$/,
    message: /members of your network/i,
    key: 'errors.membersOwnNetwork',
  },
  { field: /organisationId$/, message: /.*/, key: 'errors.notEligible' },
  {
    field: /(programmeKey|editionId)$/,
    message: /no open (round|call)|does not take applications/i,
    key: 'errors.noOpenRound',
  },
  { field: /channelKey$/, message: /unknown channel/i, key: 'errors.unknownChannel' },
  { field: /applicationId$/, message: /no longer be edited/i, key: 'errors.alreadySubmitted' },
  {
    field: /applicationId$/,
    message: /already been submitted/i,
    key: 'errors.dossierAlreadySubmitted',
  },
  { field: /answers\.\w+$/, message: /answer every question/i, key: 'errors.answerRequired' },
  { field: /answers$/, message: /required question/i, key: 'errors.answerRequired' },
  { field: /value$/, message: /at most \d+ characters/i, key: 'errors.tooLong' },
  { field: /value$/, message: /whole number from/i, key: 'errors.scaleRange' },
  { field: /points$/, message: /whole number of points/i, key: 'errors.scanPoints' },
  { field: /value$/, message: /yes or no/i, key: 'errors.yesNo' },
  { field: /value$/, message: /choose one of/i, key: 'errors.choice' },
  { field: /surveyId$/, message: /closed/i, key: 'errors.surveyClosed' },
  { field: /coachId$/, message: /after approval/i, key: 'errors.coachAfterApproval' },
  { field: /coachId$/, message: /does not work/i, key: 'errors.coachOtherProgramme' },
  { field: /coachId$/, message: /already runs/i, key: 'errors.coachFull' },
  { field: /coachId$/, message: /not active/i, key: 'errors.coachInactive' },
  { field: /stage$/, message: /cannot follow/i, key: 'errors.stageNotAllowed' },
  { field: /amountCents$/, message: /more than 0/i, key: 'errors.amountPositive' },
  { field: /amountCents$/, message: /whole cents/i, key: 'errors.amountCents' },
  { field: /spentOn$/, message: /future/i, key: 'errors.dateNotFuture' },
  { field: /spentOn$/, message: /date like/i, key: 'errors.date' },
  { field: /description$/, message: /describe/i, key: 'errors.descriptionRequired' },
  { field: /fundingSourceKey$/, message: /unknown funding/i, key: 'errors.unknownFundingSource' },
];

/** The translated message for a server error, or its own text. */
export function translateApiError(error: ApiError, t: TFunction): string {
  if (error.code === 'CONFLICT') return t('errors.conflict');
  if (error.code === 'NOT_FOUND') return t('ui:notFoundError');
  if (error.code === 'FORBIDDEN') return t('ui:forbiddenError');
  if (error.code === 'UNAUTHENTICATED') return t('errors.unauthenticated');
  if (error.code === 'BAD_USER_INPUT') {
    const known = KNOWN.find(
      (k) =>
        (!k.field || (error.field && k.field.test(error.field))) && k.message.test(error.message),
    );
    if (known) return t(known.key, { defaultValue: error.message });
  }
  return error.message;
}

export interface SubmitFailure<F extends string> {
  /** Messages that belong next to a field of the form. */
  fields: Partial<Record<F, string>>;
  /** A message for the whole form (network, conflict, a field the form does not show). */
  form: string | null;
  conflict: boolean;
  notFound: boolean;
}

/**
 * Sorts a failed mutation's errors onto the form's fields. `fieldFor` maps the server's field
 * path ("input.kboNumber", "input.newMembers.0.name") to a field of the form, or undefined.
 */
export function describeFailure<F extends string>(
  error: unknown,
  t: TFunction,
  fieldFor: (path: string) => F | undefined,
): SubmitFailure<F> {
  const errors = apiErrors(error);
  const failure: SubmitFailure<F> = {
    fields: {},
    form: null,
    conflict: errors.some((e) => e.code === 'CONFLICT'),
    notFound: errors.some((e) => e.code === 'NOT_FOUND'),
  };
  if (errors.length === 0) {
    failure.form = isNetworkError(error) ? t('ui:networkError') : t('ui:unexpectedError');
    return failure;
  }
  for (const e of errors) {
    const field = e.code === 'BAD_USER_INPUT' && e.field ? fieldFor(e.field) : undefined;
    if (field && !failure.fields[field]) failure.fields[field] = translateApiError(e, t);
    else if (!failure.form) failure.form = translateApiError(e, t);
  }
  return failure;
}

/** The path without its leading "input." (e.g. "newMembers.0.kboNumber"). */
export const inputPath = (path: string) => path.replace(/^input\./, '');
