import { useApolloClient, useMutation } from '@apollo/client/react';
import { apiErrors, isNetworkError, SignInDocument } from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  ErrorSummary,
  PageHeader,
  TextField,
  useDocumentTitle,
} from '@werkgezond/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { type ShownProblem, serverFieldProblems, useProblemText } from '../forms/useFieldProblems';
import { type SignInValues, validateSignIn } from '../forms/validation';
import { landingPath, SIGN_UP_PATH } from '../navigation/apps';
import { rememberViewer } from '../session/session';
import { useViewer } from '../session/useViewer';

type FormError =
  | { kind: 'credentials' }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'network' }
  | { kind: 'unexpected' };

const FIELD_IDS: Record<keyof SignInValues, string> = {
  email: 'sign-in-email',
  password: 'sign-in-password',
};

export function SignInPage() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('signIn.title'));
  const problemText = useProblemText();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get('terug');
  const expired = params.has('verlopen');
  const { viewer } = useViewer();
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof SignInValues, ShownProblem>>>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [signIn, { loading }] = useMutation(SignInDocument);
  const formAlert = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (formError) formAlert.current?.focus();
  }, [formError]);

  if (viewer) return <Navigate to={landingPath(viewer.roles, returnTo)} replace />;
  // A referral partner's link (/aanmelden?via=<code>) is for companies that have no account
  // yet: it leads to the sign-up form, carrying the code.
  const via = params.get('via');
  if (via !== null)
    return <Navigate to={`${SIGN_UP_PATH}?via=${encodeURIComponent(via)}`} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSignIn(values);
    setProblems(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    try {
      const { data } = await signIn({
        variables: { input: { email: values.email.trim(), password: values.password } },
      });
      if (!data) throw new Error('Empty sign-in answer');
      rememberViewer(client, data.signIn);
      navigate(landingPath(data.signIn.roles, returnTo));
    } catch (error) {
      const errors = apiErrors(error);
      const codes = new Set(errors.map((e) => e.code));
      const rateLimited = errors.find((e) => e.code === 'RATE_LIMITED');
      const onFields = serverFieldProblems(errors, ['email', 'password'] as const);
      if (rateLimited)
        setFormError({ kind: 'rateLimited', seconds: rateLimited.retryAfterSeconds ?? 60 });
      else if (codes.has('UNAUTHENTICATED')) {
        setFormError({ kind: 'credentials' });
        setValues((v) => ({ ...v, password: '' }));
      } else if (Object.keys(onFields).length > 0) setProblems(onFields);
      else setFormError({ kind: isNetworkError(error) ? 'network' : 'unexpected' });
    }
  };

  const summary = (Object.keys(problems) as (keyof SignInValues)[]).map((field) => ({
    fieldId: FIELD_IDS[field],
    message: problemText(problems[field]) ?? '',
  }));

  return (
    <div className="wg-auth">
      <PageHeader title={t('signIn.title')} description={t('signIn.intro')} />
      {expired && !formError ? <Alert variant="info">{t('session.expired')}</Alert> : null}
      {formError ? (
        <div ref={formAlert} tabIndex={-1}>
          <FormErrorAlert error={formError} />
        </div>
      ) : null}
      <ErrorSummary title={t('signIn.errorSummary')} errors={summary} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={FIELD_IDS.email}
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          value={values.email}
          error={problemText(problems.email)}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
        <TextField
          id={FIELD_IDS.password}
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          error={problemText(problems.password)}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <Button type="submit" busy={loading} block>
          {loading ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
      <p>
        {t('signIn.noAccount')} <Link to={SIGN_UP_PATH}>{t('signIn.signUpLink')}</Link>
      </p>
    </div>
  );
}

function FormErrorAlert({ error }: { error: FormError }) {
  const { t } = useTranslation('shell');
  switch (error.kind) {
    case 'credentials':
      return (
        <Alert variant="error" title={t('signIn.wrongCredentialsTitle')}>
          <p>{t('signIn.wrongCredentials')}</p>
        </Alert>
      );
    case 'rateLimited':
      return (
        <Alert variant="error" title={t('signIn.rateLimitedTitle')}>
          <p>
            {error.seconds < 60
              ? t('signIn.rateLimitedSeconds', { count: error.seconds })
              : t('signIn.rateLimited', { count: Math.ceil(error.seconds / 60) })}
          </p>
        </Alert>
      );
    case 'network':
      return (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{t('ui:networkError')}</p>
        </Alert>
      );
    default:
      return (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{t('ui:unexpectedError')}</p>
        </Alert>
      );
  }
}
