import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  AcceptInvitationDocument,
  apiErrors,
  InvitationPreviewDocument,
  isNetworkError,
} from '@werkgezond/graphql-client';
import { Alert, Button, PageHeader, Spinner, TextField, useDocumentTitle } from '@werkgezond/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { homePath } from '../navigation/apps';
import { rememberViewer } from '../session/session';

const MIN_PASSWORD = 12;

/**
 * The one-time link of a staff invitation (/uitnodiging?token=…): shows who is invited, then
 * the invitee sets a name and password and is signed in. A used or expired link says so.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('invitation.title'));
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery(InvitationPreviewDocument, {
    variables: { token },
    skip: !token,
    fetchPolicy: 'network-only',
  });
  const [accept, { loading }] = useMutation(AcceptInvitationDocument);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ name?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!name.trim()) found.name = t('invitation.nameRequired');
    if (password.length < MIN_PASSWORD)
      found.password = t('invitation.passwordShort', { min: MIN_PASSWORD });
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    try {
      const { data } = await accept({
        variables: { input: { token, displayName: name.trim(), password } },
      });
      if (!data) throw new Error('Empty answer');
      rememberViewer(client, data.acceptInvitation);
      navigate(homePath(data.acceptInvitation.roles));
    } catch (error) {
      const first = apiErrors(error)[0];
      if (first?.code === 'NOT_FOUND') setFailure(t('invitation.invalid'));
      else if (first?.field?.endsWith('password'))
        setProblems({ password: t('invitation.passwordShort', { min: MIN_PASSWORD }) });
      else setFailure(isNetworkError(error) ? t('invitation.network') : t('ui:unexpectedError'));
    }
  };

  if (!token || (preview.error && !preview.data)) {
    return (
      <div className="wg-auth">
        <PageHeader title={t('invitation.title')} />
        <Alert variant="error" title={t('invitation.invalidTitle')}>
          <p>{t('invitation.invalid')}</p>
        </Alert>
      </div>
    );
  }
  if (!preview.data) return <Spinner label={t('invitation.checking')} />;
  const invitation = preview.data.invitation;
  return (
    <div className="wg-auth">
      <PageHeader
        title={t('invitation.title')}
        description={t('invitation.intro', {
          email: invitation.email,
          roles: invitation.roles.map((r) => t(`invitation.roles.${r}`)).join(', '),
        })}
      />
      {failure ? (
        <div ref={failureRef} tabIndex={-1}>
          <Alert variant="error" title={t('invitation.failedTitle')}>
            <p>{failure}</p>
          </Alert>
        </div>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="invitation-email"
          name="email"
          label={t('invitation.email')}
          value={invitation.email}
          readOnly
          autoComplete="username"
        />
        <TextField
          id="invitation-name"
          name="displayName"
          label={t('invitation.name')}
          autoComplete="name"
          required
          value={name}
          error={problems.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="invitation-password"
          name="password"
          type="password"
          label={t('invitation.password')}
          hint={t('invitation.passwordHint', { min: MIN_PASSWORD })}
          autoComplete="new-password"
          required
          value={password}
          error={problems.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" busy={loading}>
          {t('invitation.submit')}
        </Button>
      </form>
    </div>
  );
}
