import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminDeactivateUserDocument,
  type AdminInvitationFragment,
  AdminInviteUserDocument,
  AdminProgrammesDocument,
  AdminReactivateUserDocument,
  AdminRevokeInvitationDocument,
  AdminSetUserRolesDocument,
  AdminStaffDocument,
  type AdminStaffUserFragment,
  type StaffRole,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DataTable,
  type DataTableColumn,
  PageHeader,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';
import { useViewer } from '../ViewerContext';

const STAFF_ROLES: StaffRole[] = ['PROGRAMME_MANAGER', 'ANALYST', 'ADMIN'];

/** Role checkboxes and, for a programme manager, the programmes managed. */
function RolesFields({
  idPrefix,
  roles,
  programmeKeys,
  onChange,
}: {
  idPrefix: string;
  roles: StaffRole[];
  programmeKeys: string[];
  onChange: (roles: StaffRole[], programmeKeys: string[]) => void;
}) {
  const { t } = useTranslation('admin');
  const programmes = useQuery(AdminProgrammesDocument);
  const toggle = <T,>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return (
    <>
      <fieldset className="wg-admin-inline">
        <legend>{t('users.roles')}</legend>
        {STAFF_ROLES.map((r) => (
          <Checkbox
            key={r}
            id={`${idPrefix}-role-${r}`}
            name={`${idPrefix}-role-${r}`}
            label={t(`roles.${r}`)}
            checked={roles.includes(r)}
            onChange={() => onChange(toggle(roles, r), programmeKeys)}
          />
        ))}
      </fieldset>
      {roles.includes('PROGRAMME_MANAGER') ? (
        <fieldset className="wg-admin-inline">
          <legend>{t('users.programmes')}</legend>
          {(programmes.data?.programmes ?? []).map((p) => (
            <Checkbox
              key={p.key}
              id={`${idPrefix}-programme-${p.key}`}
              name={`${idPrefix}-programme-${p.key}`}
              label={p.name}
              checked={programmeKeys.includes(p.key)}
              onChange={() => onChange(roles, toggle(programmeKeys, p.key))}
            />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

/** Staff accounts (ADMIN): invite with a one-time link, change roles, deactivate. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('users.title'));
  const format = useFormat();
  const viewer = useViewer();
  const { data, loading, error } = useQuery(AdminStaffDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [deactivate] = useMutation(AdminDeactivateUserDocument);
  const [reactivate] = useMutation(AdminReactivateUserDocument);
  const [revoke] = useMutation(AdminRevokeInvitationDocument, {
    refetchQueries: [AdminStaffDocument],
  });
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminStaffUserFragment | null>(null);

  const act = async (run: () => Promise<unknown>, message: string) => {
    setProblem(null);
    setDone(null);
    try {
      await run();
      setDone(message);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  const columns: DataTableColumn<AdminStaffUserFragment>[] = [
    {
      key: 'email',
      header: t('users.columns.email'),
      rowHeader: true,
      cell: (u) => u.email,
      csv: (u) => u.email,
    },
    {
      key: 'name',
      header: t('users.columns.name'),
      cell: (u) => u.displayName,
      csv: (u) => u.displayName,
    },
    {
      key: 'roles',
      header: t('users.columns.roles'),
      cell: (u) =>
        u.roles.map((r) => t(`roles.${r}`)).join(', ') +
        (u.programmeKeys.length ? ` (${u.programmeKeys.join(', ')})` : ''),
      csv: (u) => u.roles.join(' '),
    },
    {
      key: 'status',
      header: t('users.columns.status'),
      cell: (u) => (u.active ? t('users.active') : t('users.inactive')),
      csv: (u) => (u.active ? 'active' : 'inactive'),
    },
    {
      key: 'actions',
      header: t('users.columns.actions'),
      cell: (u) => (
        <span className="wg-admin-actions">
          <Button
            variant="secondary"
            onClick={() => setEditing(u)}
            aria-label={t('users.editRolesNamed', { email: u.email })}
          >
            {t('users.editRoles')}
          </Button>
          {u.id === viewer.id ? null : u.active ? (
            <Button
              variant="danger"
              aria-label={t('users.deactivateNamed', { email: u.email })}
              onClick={() =>
                act(
                  () => deactivate({ variables: { userId: u.id } }),
                  t('users.deactivated', { email: u.email }),
                )
              }
            >
              {t('users.deactivate')}
            </Button>
          ) : (
            <Button
              variant="secondary"
              aria-label={t('users.reactivateNamed', { email: u.email })}
              onClick={() =>
                act(
                  () => reactivate({ variables: { userId: u.id } }),
                  t('users.reactivated', { email: u.email }),
                )
              }
            >
              {t('users.reactivate')}
            </Button>
          )}
        </span>
      ),
    },
  ];
  const invitationColumns: DataTableColumn<AdminInvitationFragment>[] = [
    { key: 'email', header: t('users.columns.email'), rowHeader: true, cell: (i) => i.email },
    {
      key: 'roles',
      header: t('users.columns.roles'),
      cell: (i) => i.roles.map((r) => t(`roles.${r}`)).join(', '),
    },
    {
      key: 'expires',
      header: t('users.columns.expires'),
      cell: (i) => format.dateTime(i.expiresAt),
    },
    {
      key: 'actions',
      header: t('users.columns.actions'),
      cell: (i) => (
        <Button
          variant="secondary"
          aria-label={t('users.revokeNamed', { email: i.email })}
          onClick={() =>
            act(() => revoke({ variables: { id: i.id } }), t('users.revoked', { email: i.email }))
          }
        >
          {t('users.revoke')}
        </Button>
      ),
    },
  ];
  return (
    <div className="wg-stack">
      <PageHeader title={t('users.title')} description={t('users.intro')} />
      <ProblemAlert problem={problem ?? (error ? toProblem(error) : null)} />
      {done ? <Alert variant="success" title={done} /> : null}
      <InviteForm />
      {loading && !data ? <Spinner label={t('loading')} /> : null}
      {editing ? (
        <EditRoles
          key={editing.id}
          user={editing}
          onClose={(message) => {
            setEditing(null);
            if (message) setDone(message);
          }}
        />
      ) : null}
      {data ? (
        <>
          <DataTable
            caption={t('users.caption')}
            columns={columns}
            rows={data.staffUsers}
            getRowKey={(u) => u.id}
            csvFileName="gebruikers.csv"
            csvLabel={t('users.caption')}
          />
          <DataTable
            caption={t('users.invitationsCaption')}
            columns={invitationColumns}
            rows={data.pendingInvitations}
            getRowKey={(i) => i.id}
            emptyMessage={t('users.noInvitations')}
          />
        </>
      ) : null}
    </div>
  );
}

function InviteForm() {
  const { t } = useTranslation('admin');
  const [invite, { loading }] = useMutation(AdminInviteUserDocument, {
    refetchQueries: [AdminStaffDocument],
  });
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(['ANALYST']);
  const [programmeKeys, setProgrammeKeys] = useState<string[]>([]);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const linkRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (link) linkRef.current?.focus();
  }, [link]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setLink(null);
    try {
      const result = await invite({ variables: { input: { email, roles, programmeKeys } } });
      const answer = result.data?.inviteUser;
      if (!answer) throw new Error('Empty answer');
      setLink({
        url: new URL(answer.acceptPath, window.location.origin).href,
        email: answer.invitation.email,
      });
      setEmail('');
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  const fieldError = (name: string) =>
    problem?.field === `input.${name}` ? problem.message : undefined;
  return (
    <Card title={t('users.invite')} asSection>
      <ProblemAlert problem={problem} />
      {link ? (
        <div ref={linkRef} tabIndex={-1}>
          <Alert variant="success" title={t('users.invited', { email: link.email })}>
            <p>{t('users.linkOnce')}</p>
            <TextField
              name="invitationLink"
              id="invitation-link"
              label={t('users.link')}
              readOnly
              value={link.url}
              onFocus={(e) => e.target.select()}
            />
          </Alert>
        </div>
      ) : null}
      <form className="wg-stack" onSubmit={onSubmit} noValidate>
        <TextField
          name="email"
          type="email"
          label={t('users.email')}
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError('email')}
        />
        <RolesFields
          idPrefix="invite"
          roles={roles}
          programmeKeys={programmeKeys}
          onChange={(r, p) => {
            setRoles(r);
            setProgrammeKeys(p);
          }}
        />
        <div>
          <Button type="submit" busy={loading}>
            {t('users.sendInvite')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function EditRoles({
  user,
  onClose,
}: {
  user: AdminStaffUserFragment;
  onClose: (message: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  const [save, { loading }] = useMutation(AdminSetUserRolesDocument);
  const staff = (user.roles as string[]).filter((r): r is StaffRole =>
    (STAFF_ROLES as string[]).includes(r),
  );
  const [roles, setRoles] = useState<StaffRole[]>(staff);
  const [programmeKeys, setProgrammeKeys] = useState<string[]>(user.programmeKeys);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await save({ variables: { input: { userId: user.id, roles, programmeKeys } } });
      onClose(t('users.rolesSaved', { email: user.email }));
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <div ref={ref} tabIndex={-1}>
      <Card title={t('users.editRolesFor', { email: user.email })} asSection>
        <ProblemAlert problem={problem} />
        <form className="wg-stack" onSubmit={onSubmit} noValidate>
          <RolesFields
            idPrefix={`edit-${user.id}`}
            roles={roles}
            programmeKeys={programmeKeys}
            onChange={(r, p) => {
              setRoles(r);
              setProgrammeKeys(p);
            }}
          />
          <div className="wg-admin-actions">
            <Button type="submit" busy={loading}>
              {t('users.saveRoles')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => onClose(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
