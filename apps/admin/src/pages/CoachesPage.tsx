import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCoachRosterDocument,
  AdminCreateCoachDocument,
  AdminOrganisationsOfKindDocument,
  AdminProgrammesDocument,
  type AdminRosterEntryFragment,
  AdminUpdateCoachDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
} from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';
import { isAdmin, useViewer } from '../ViewerContext';

/** The coach roster of one programme, per service provider, with capacity and current load. */
export function CoachesPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('coaches.title'));
  const viewer = useViewer();
  const programmes = useQuery(AdminProgrammesDocument);
  const choices = (programmes.data?.programmes ?? []).filter(
    (p) => isAdmin(viewer) || viewer.programmeKeys.includes(p.key),
  );
  const [chosen, setChosen] = useState<string>('');
  const programmeKey =
    chosen || choices.find((p) => p.key === 'gezondheidscoaches')?.key || choices[0]?.key || '';
  const roster = useQuery(AdminCoachRosterDocument, {
    variables: { programmeKey },
    skip: !programmeKey,
    fetchPolicy: 'cache-and-network',
  });
  const [update, { loading: updating }] = useMutation(AdminUpdateCoachDocument, {
    refetchQueries: [AdminCoachRosterDocument],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const toggleActive = async (entry: AdminRosterEntryFragment) => {
    setProblem(null);
    setDone(null);
    try {
      await update({ variables: { input: { id: entry.coach.id, active: !entry.coach.active } } });
      setDone(
        t(entry.coach.active ? 'coaches.deactivated' : 'coaches.activated', {
          name: entry.coach.fullName,
        }),
      );
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const rows = [...(roster.data?.coachRoster ?? [])].sort(
    (a, b) =>
      (a.coach.serviceProvider?.name ?? '').localeCompare(b.coach.serviceProvider?.name ?? '') ||
      a.coach.fullName.localeCompare(b.coach.fullName),
  );
  const columns: DataTableColumn<AdminRosterEntryFragment>[] = [
    {
      key: 'name',
      header: t('coaches.columns.name'),
      rowHeader: true,
      cell: (r) => r.coach.fullName,
      csv: (r) => r.coach.fullName,
    },
    {
      key: 'provider',
      header: t('coaches.columns.provider'),
      cell: (r) => r.coach.serviceProvider?.name ?? '—',
      csv: (r) => r.coach.serviceProvider?.name ?? '',
    },
    {
      key: 'load',
      header: t('coaches.columns.load'),
      align: 'end',
      cell: (r) =>
        r.coach.capacity === null || r.coach.capacity === undefined
          ? t('coaches.loadNoLimit', { running: r.runningTrajectories })
          : t('coaches.load', { running: r.runningTrajectories, capacity: r.coach.capacity }),
      csv: (r) => r.runningTrajectories,
    },
    {
      key: 'status',
      header: t('coaches.columns.status'),
      cell: (r) =>
        !r.coach.active
          ? t('coaches.inactive')
          : r.available
            ? t('coaches.available')
            : t('coaches.full'),
    },
    {
      key: 'actions',
      header: t('coaches.columns.actions'),
      cell: (r) => (
        <span className="wg-admin-actions">
          <Button
            variant="secondary"
            busy={updating}
            onClick={() => toggleActive(r)}
            aria-label={t(r.coach.active ? 'coaches.deactivateNamed' : 'coaches.activateNamed', {
              name: r.coach.fullName,
            })}
          >
            {t(r.coach.active ? 'coaches.deactivate' : 'coaches.activate')}
          </Button>
        </span>
      ),
    },
  ];
  return (
    <div className="wg-stack">
      <PageHeader title={t('coaches.title')} description={t('coaches.intro')} />
      <SelectField
        name="programme"
        label={t('coaches.programme')}
        options={choices.map((p) => ({ value: p.key, label: p.name }))}
        value={programmeKey}
        onChange={(e) => setChosen(e.target.value)}
      />
      <ProblemAlert problem={problem} />
      {done ? <Alert variant="success" title={done} /> : null}
      {programmeKey ? <NewCoach programmeKey={programmeKey} onDone={setDone} /> : null}
      {rows.length ? <CapacityEditor rows={rows} onProblem={setProblem} onDone={setDone} /> : null}
      {roster.loading && !roster.data ? <Spinner label={t('loading')} /> : null}
      {roster.data ? (
        <DataTable
          caption={t('coaches.caption')}
          columns={columns}
          rows={rows}
          getRowKey={(r) => r.coach.id}
          csvFileName="coaches.csv"
          csvLabel={t('coaches.caption')}
          emptyMessage={t('coaches.empty')}
        />
      ) : null}
    </div>
  );
}

/** One form for the capacity of any coach on the roster (a form per row would crowd the table). */
function CapacityEditor({
  rows,
  onProblem,
  onDone,
}: {
  rows: AdminRosterEntryFragment[];
  onProblem: (p: ProblemState | null) => void;
  onDone: (text: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  const [coachId, setCoachId] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(AdminUpdateCoachDocument, {
    refetchQueries: [AdminCoachRosterDocument],
    awaitRefetchQueries: true,
  });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    onProblem(null);
    onDone(null);
    const coach = rows.find((r) => r.coach.id === coachId)?.coach;
    const capacity = Number(value);
    if (!coach || !Number.isInteger(capacity) || value.trim() === '') {
      setError(t('coaches.capacityInvalid'));
      return;
    }
    setError(null);
    try {
      await update({ variables: { input: { id: coach.id, capacity } } });
      onDone(t('coaches.capacitySaved', { name: coach.fullName }));
    } catch (failed) {
      onProblem(toProblem(failed));
    }
  };
  return (
    <Card title={t('coaches.changeCapacity')} asSection>
      <form className="wg-admin-inline-form" onSubmit={onSubmit} noValidate>
        <SelectField
          name="capacityCoach"
          label={t('coaches.columns.name')}
          placeholder={t('choose')}
          options={rows.map((r) => ({
            value: r.coach.id,
            label: `${r.coach.fullName} (${r.coach.serviceProvider?.name ?? '—'})`,
          }))}
          value={coachId}
          onChange={(e) => {
            setCoachId(e.target.value);
            const chosen = rows.find((r) => r.coach.id === e.target.value);
            setValue(String(chosen?.coach.capacity ?? ''));
          }}
        />
        <TextField
          name="newCapacity"
          label={t('coaches.capacity')}
          inputMode="numeric"
          value={value}
          error={error ?? undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" variant="secondary" busy={loading}>
          {t('coaches.saveCapacity')}
        </Button>
      </form>
    </Card>
  );
}

function NewCoach({
  programmeKey,
  onDone,
}: {
  programmeKey: string;
  onDone: (text: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  const providers = useQuery(AdminOrganisationsOfKindDocument, {
    variables: { kinds: ['SERVICE_PROVIDER'] },
  });
  const [create, { loading }] = useMutation(AdminCreateCoachDocument, {
    refetchQueries: [AdminCoachRosterDocument],
    awaitRefetchQueries: true,
  });
  const [form, setForm] = useState({ fullName: '', serviceProviderId: '', capacity: '' });
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });
  const fieldError = (name: string) =>
    problem?.field === `input.${name}` ? problem.message : undefined;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    onDone(null);
    if (!/^\d+$/.test(form.capacity.trim())) {
      setProblem({
        local: true,
        code: 'BAD_USER_INPUT',
        message: t('coaches.capacityInvalid'),
        field: 'input.capacity',
      });
      return;
    }
    try {
      await create({
        variables: {
          input: {
            programmeKey,
            fullName: form.fullName,
            serviceProviderId: form.serviceProviderId,
            capacity: Number(form.capacity),
          },
        },
      });
      onDone(t('coaches.created', { name: form.fullName }));
      setForm({ fullName: '', serviceProviderId: form.serviceProviderId, capacity: '' });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <Card title={t('coaches.new')} asSection>
      <ProblemAlert problem={problem} />
      <form className="wg-stack" onSubmit={onSubmit} noValidate>
        <TextField
          name="fullName"
          label={t('coaches.fullName')}
          required
          value={form.fullName}
          onChange={set('fullName')}
          error={fieldError('fullName')}
        />
        <SelectField
          name="serviceProviderId"
          label={t('coaches.provider')}
          required
          placeholder={t('choose')}
          options={(providers.data?.organisations.edges ?? []).map((e) => ({
            value: e.node.id,
            label: e.node.name,
          }))}
          value={form.serviceProviderId}
          onChange={set('serviceProviderId')}
          error={fieldError('serviceProviderId')}
        />
        <TextField
          name="capacity"
          label={t('coaches.capacity')}
          hint={t('coaches.capacityHint')}
          inputMode="numeric"
          required
          value={form.capacity}
          onChange={set('capacity')}
          error={fieldError('capacity')}
        />
        <div>
          <Button type="submit" busy={loading}>
            {t('coaches.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
