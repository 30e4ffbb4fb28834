import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FLEMISH_PROVINCES } from '@werkgezond/domain';
import {
  apiErrors,
  isNetworkError,
  SignUpDocument,
  SignUpReferralDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  PageHeader,
  SelectField,
  TextField,
  useDocumentTitle,
} from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { type ShownProblem, serverFieldProblems, useProblemText } from '../forms/useFieldProblems';
import {
  EMPTY_SIGN_UP,
  kboProblem,
  type SignUpValues,
  toSignUpInput,
  validateSignUp,
} from '../forms/validation';
import { homePath, SIGN_IN_PATH } from '../navigation/apps';
import { rememberViewer } from '../session/session';
import { useViewer } from '../session/useViewer';

type Field = Exclude<keyof SignUpValues, 'hasPreventionCommittee'> | 'hasPreventionCommittee';

const FIELDS: readonly Field[] = [
  'organisationName',
  'kboNumber',
  'employeeCount',
  'municipality',
  'province',
  'naceCode',
  'hasPreventionCommittee',
  'displayName',
  'email',
  'password',
];

const fieldId = (field: Field) => `sign-up-${field}`;

const BRUSSELS = 'Brussels Hoofdstedelijk Gewest';

export function SignUpPage() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('signUp.title'));
  const problemText = useProblemText();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [values, setValues] = useState<SignUpValues>(EMPTY_SIGN_UP);
  const [problems, setProblems] = useState<Partial<Record<Field, ShownProblem>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The summary lists the problems of the last submit; a field checked on blur only shows its
  // own message, so focus is never pulled away while typing.
  const [submittedProblems, setSubmittedProblems] = useState<Partial<Record<Field, ShownProblem>>>(
    {},
  );
  const [signUp, { loading }] = useMutation(SignUpDocument);
  // A referral link (/aanmelden?via=<code>): the channel is named before the company signs up;
  // an unknown or revoked code is said so and left out, the sign-up itself goes on.
  const [params] = useSearchParams();
  const via = params.get('via')?.trim() || null;
  const referralQuery = useQuery(SignUpReferralDocument, {
    variables: { code: via ?? '' },
    skip: !via,
  });
  const referral = referralQuery.data?.referralLink ?? null;
  const referralUnknown =
    !!via && !referralQuery.loading && (!!referralQuery.error || (referralQuery.data && !referral));

  if (viewer) return <Navigate to={homePath(viewer.roles)} replace />;

  const set = <K extends keyof SignUpValues>(key: K, value: SignUpValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSignUp(values);
    setProblems(found);
    setSubmittedProblems(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    try {
      const { data } = await signUp({
        variables: {
          input: { ...toSignUpInput(values), ...(referral ? { via: referral.code } : {}) },
        },
      });
      if (!data) throw new Error('Empty sign-up answer');
      rememberViewer(client, data.signUp);
      navigate(homePath(data.signUp.roles));
    } catch (error) {
      const errors = apiErrors(error);
      const onFields = serverFieldProblems(errors, FIELDS);
      if (Object.keys(onFields).length > 0) {
        setProblems(onFields);
        setSubmittedProblems(onFields);
      } else if (errors.some((e) => e.code === 'CONFLICT')) setFormError(t('signUp.conflict'));
      else setFormError(isNetworkError(error) ? t('ui:networkError') : t('ui:unexpectedError'));
    }
  };

  const summary = FIELDS.filter((field) => submittedProblems[field] && problems[field]).map(
    (field) => ({
      fieldId: fieldId(field),
      message: problemText(problems[field]) ?? '',
    }),
  );

  const text = (field: Exclude<Field, 'hasPreventionCommittee'>) => ({
    id: fieldId(field),
    name: field,
    value: values[field],
    error: problemText(problems[field]),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  return (
    <div className="wg-auth wg-auth--wide">
      <PageHeader title={t('signUp.title')} description={t('signUp.intro')} />
      {referral ? (
        <Alert
          variant="info"
          title={t('signUp.referralKnown', { channel: referral.channelName })}
        />
      ) : null}
      {referralUnknown ? (
        <Alert variant="warning" title={t('signUp.referralUnknownTitle')}>
          <p>{t('signUp.referralUnknown')}</p>
        </Alert>
      ) : null}
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={t('signUp.errorSummary')} errors={summary} />
      <form noValidate onSubmit={onSubmit}>
        <fieldset className="wg-fieldset">
          <legend>{t('signUp.organisationLegend')}</legend>
          <TextField
            {...text('organisationName')}
            label={t('signUp.organisationName')}
            autoComplete="organization"
            required
          />
          <TextField
            {...text('kboNumber')}
            label={t('signUp.kboNumber')}
            hint={t('signUp.kboHint')}
            inputMode="numeric"
            spellCheck={false}
            required
            onBlur={() => {
              // Check the number as soon as the field is left, not only on submit.
              if (!values.kboNumber.trim()) return;
              const problem = kboProblem(values.kboNumber);
              setProblems((current) => {
                const { kboNumber: _previous, ...rest } = current;
                return problem ? { ...rest, kboNumber: problem } : rest;
              });
            }}
          />
          <TextField
            {...text('employeeCount')}
            label={t('signUp.employeeCount')}
            hint={t('signUp.employeeCountHint')}
            inputMode="numeric"
            required
          />
          <TextField
            {...text('municipality')}
            label={t('signUp.municipality')}
            autoComplete="address-level2"
          />
          <SelectField
            {...text('province')}
            label={t('signUp.province')}
            placeholder={t('signUp.provincePlaceholder')}
            options={[
              ...FLEMISH_PROVINCES.map((province) => ({ value: province, label: province })),
              { value: BRUSSELS, label: t('signUp.provinceBrussels') },
            ]}
          />
          <TextField
            {...text('naceCode')}
            label={t('signUp.naceCode')}
            hint={t('signUp.naceHint')}
            spellCheck={false}
          />
          <Checkbox
            id={fieldId('hasPreventionCommittee')}
            name="hasPreventionCommittee"
            label={t('signUp.hasPreventionCommittee')}
            hint={t('signUp.hasPreventionCommitteeHint')}
            checked={values.hasPreventionCommittee}
            error={problemText(problems.hasPreventionCommittee)}
            onChange={(e) => set('hasPreventionCommittee', e.target.checked)}
          />
        </fieldset>
        <fieldset className="wg-fieldset">
          <legend>{t('signUp.accountLegend')}</legend>
          <TextField
            {...text('displayName')}
            label={t('signUp.displayName')}
            autoComplete="name"
            required
          />
          <TextField
            {...text('email')}
            label={t('signUp.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            required
          />
          <TextField
            {...text('password')}
            label={t('signUp.password')}
            hint={t('signUp.passwordHint')}
            type="password"
            autoComplete="new-password"
            required
          />
        </fieldset>
        <Button type="submit" busy={loading}>
          {loading ? t('signUp.submitting') : t('signUp.submit')}
        </Button>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to={SIGN_IN_PATH}>{t('signUp.signInLink')}</Link>
      </p>
    </div>
  );
}
