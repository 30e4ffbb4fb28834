import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCreateEditionDocument,
  type AdminEditionFragment,
  AdminOrganisationsOfKindDocument,
  type AdminProgrammeFragment,
  AdminProgrammesDocument,
  AdminUpdateEditionDocument,
  AdminUpdateProgrammeDocument,
  type EditionStatus,
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
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  type ComponentRow,
  ComponentsFields,
  componentsFromProgramme,
  componentsInput,
} from '../components/ComponentsFields';
import {
  EligibilityFields,
  type RulesForm,
  rulesFromProgramme,
  rulesInput,
} from '../components/EligibilityFields';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';
import { StagesForm } from '../components/StagesForm';
import { NotFoundPage } from './NotFoundPage';
import { euroToCents } from './ProgrammeNewPage';

/** One programme: its details and rules, its stages and its calls (editions). */
export function ProgrammePage() {
  const { t } = useTranslation('admin');
  const { key } = useParams();
  const location = useLocation();
  const { data, loading, error } = useQuery(AdminProgrammesDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const programme = data?.programmes.find((p) => p.key === key);
  useDocumentTitle(programme?.name ?? t('programmes.title'));
  if (loading && !data) return <Spinner label={t('loading')} />;
  if (error && !data) return <ProblemAlert problem={toProblem(error)} />;
  if (!programme) return <NotFoundPage />;
  return (
    <div className="wg-stack">
      <PageHeader
        title={programme.name}
        description={
          <>
            <code>{programme.key}</code> ·{' '}
            <Link to={`/programmas/${programme.key}/budget`}>{t('budget.link')}</Link>
          </>
        }
      />
      {(location.state as { created?: boolean } | null)?.created ? (
        <Alert variant="success" title={t('programme.created')} />
      ) : null}
      <CallsSection programmeKey={programme.key} editions={programme.editions} />
      <DetailsForm programme={programme} />
      <StagesForm key={programme.stages.map((s) => s.label).join('|')} programme={programme} />
    </div>
  );
}

function CallsSection({
  programmeKey,
  editions,
}: {
  programmeKey: string;
  editions: AdminEditionFragment[];
}) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [update, { loading: updating }] = useMutation(AdminUpdateEditionDocument);
  const [create, { loading: creating }] = useMutation(AdminCreateEditionDocument, {
    refetchQueries: [AdminProgrammesDocument],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [form, setForm] = useState({
    year: '',
    name: '',
    opensOn: '',
    closesOn: '',
    status: 'DRAFT' as EditionStatus,
  });
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });
  const fieldError = (name: string) =>
    problem?.field === `input.${name}` ? problem.message : undefined;

  const setStatus = async (edition: AdminEditionFragment, status: EditionStatus) => {
    setProblem(null);
    setDone(null);
    try {
      await update({ variables: { input: { id: edition.id, status } } });
      setDone(t(`calls.statusChanged.${status}`, { name: edition.name }));
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const year = Number(form.year);
    if (!Number.isInteger(year) || !form.opensOn) {
      setProblem({
        local: true,
        code: 'BAD_USER_INPUT',
        message: t('calls.yearAndOpensRequired'),
        field: form.opensOn ? 'input.year' : 'input.opensOn',
      });
      return;
    }
    try {
      await create({
        variables: {
          input: {
            programmeKey,
            year,
            name: form.name,
            opensOn: form.opensOn,
            closesOn: form.closesOn || null,
            status: form.status,
          },
        },
      });
      setDone(t('calls.created', { name: form.name }));
      setForm({ year: '', name: '', opensOn: '', closesOn: '', status: 'DRAFT' });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const columns: DataTableColumn<AdminEditionFragment>[] = [
    { key: 'year', header: t('calls.columns.year'), rowHeader: true, cell: (e) => e.year },
    { key: 'name', header: t('calls.columns.name'), cell: (e) => e.name },
    {
      key: 'period',
      header: t('calls.columns.period'),
      cell: (e) =>
        e.closesOn
          ? t('calls.period', { from: format.date(e.opensOn), to: format.date(e.closesOn) })
          : t('calls.since', { from: format.date(e.opensOn) }),
    },
    {
      key: 'status',
      header: t('calls.columns.status'),
      cell: (e) => (
        <>
          {t(`callStatus.${e.status}`)}
          {e.acceptsApplications ? ` · ${t('calls.acceptsToday')}` : ''}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('calls.columns.actions'),
      cell: (e) =>
        e.status === 'OPEN' ? (
          <Button
            variant="secondary"
            busy={updating}
            onClick={() => setStatus(e, 'CLOSED')}
            aria-label={t('calls.closeNamed', { name: e.name })}
          >
            {t('calls.close')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            busy={updating}
            onClick={() => setStatus(e, 'OPEN')}
            aria-label={t('calls.openNamed', { name: e.name })}
          >
            {t('calls.open')}
          </Button>
        ),
    },
  ];
  return (
    <Card title={t('calls.title')} asSection>
      <p>{t('calls.intro')}</p>
      <ProblemAlert problem={problem} />
      {done ? <Alert variant="success" title={done} /> : null}
      <DataTable
        caption={t('calls.caption')}
        columns={columns}
        rows={[...editions].sort((a, b) => b.year - a.year)}
        getRowKey={(e) => e.id}
        emptyMessage={t('calls.empty')}
      />
      <form className="wg-stack" onSubmit={onCreate} noValidate aria-labelledby="new-call-heading">
        <h3 id="new-call-heading">{t('calls.new')}</h3>
        <TextField
          name="year"
          label={t('calls.year')}
          inputMode="numeric"
          required
          value={form.year}
          onChange={set('year')}
          error={fieldError('year')}
        />
        <TextField
          name="callName"
          label={t('calls.name')}
          required
          value={form.name}
          onChange={set('name')}
          error={fieldError('name')}
        />
        <TextField
          name="opensOn"
          type="date"
          label={t('calls.opensOn')}
          required
          value={form.opensOn}
          onChange={set('opensOn')}
          error={fieldError('opensOn')}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('calls.closesOn')}
          value={form.closesOn}
          onChange={set('closesOn')}
          error={fieldError('closesOn')}
        />
        <SelectField
          name="status"
          label={t('calls.status')}
          options={(['DRAFT', 'OPEN', 'CLOSED'] as const).map((s) => ({
            value: s,
            label: t(`callStatus.${s}`),
          }))}
          value={form.status}
          onChange={set('status')}
        />
        <div>
          <Button type="submit" busy={creating}>
            {t('calls.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function DetailsForm({ programme }: { programme: AdminProgrammeFragment }) {
  const { t } = useTranslation('admin');
  const [update, { loading }] = useMutation(AdminUpdateProgrammeDocument);
  const operators = useQuery(AdminOrganisationsOfKindDocument, {
    variables: { kinds: ['PROGRAMME_OPERATOR', 'SERVICE_PROVIDER'] },
  });
  const [form, setForm] = useState({
    name: '',
    description: '',
    contribution: '',
    operatorId: '',
  });
  const [components, setComponents] = useState<ComponentRow[]>(() =>
    componentsFromProgramme(programme.components),
  );
  const [rules, setRules] = useState<RulesForm>(rulesFromProgramme(programme.eligibility));
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setForm({
      name: programme.name,
      description: programme.description,
      operatorId: programme.operator?.id ?? '',
      contribution:
        programme.employerContributionCents === null ||
        programme.employerContributionCents === undefined
          ? ''
          : String(programme.employerContributionCents / 100),
    });
    setComponents(componentsFromProgramme(programme.components));
  }, [programme]);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });
  const fieldError = (name: string) =>
    problem?.field === `input.${name}` ? problem.message : undefined;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const cents = euroToCents(form.contribution);
    if (Number.isNaN(cents)) {
      setProblem({
        local: true,
        code: 'BAD_USER_INPUT',
        message: t('programmeNew.contributionInvalid'),
        field: 'input.employerContributionCents',
      });
      return;
    }
    try {
      await update({
        variables: {
          input: {
            key: programme.key,
            name: form.name,
            description: form.description,
            ...(cents === null
              ? { clearEmployerContribution: true }
              : { employerContributionCents: cents }),
            eligibility: rulesInput(rules),
            components: componentsInput(components),
            ...(form.operatorId ? { operatorId: form.operatorId } : {}),
          },
        },
      });
      setSaved(true);
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  // The current operator stays in the list even when the search above does not return it.
  const operatorOptions = [
    ...(operators.data?.organisations.edges ?? []).map((e) => ({
      value: e.node.id,
      label: e.node.name,
    })),
    ...(programme.operator &&
    !operators.data?.organisations.edges.some((e) => e.node.id === programme.operator?.id)
      ? [{ value: programme.operator.id, label: programme.operator.name }]
      : []),
  ];
  return (
    <Card title={t('programme.details')} asSection>
      <ProblemAlert problem={problem} />
      {saved ? <Alert variant="success" title={t('programme.saved')} /> : null}
      <form className="wg-stack" onSubmit={onSubmit} noValidate>
        <TextField
          name="name"
          label={t('programme.name')}
          required
          value={form.name}
          onChange={set('name')}
          error={fieldError('name')}
        />
        <TextField
          name="description"
          label={t('programme.description')}
          value={form.description}
          onChange={set('description')}
        />
        <SelectField
          name="operatorId"
          label={t('programme.operator')}
          required
          placeholder={t('choose')}
          options={operatorOptions}
          value={form.operatorId}
          onChange={set('operatorId')}
          error={fieldError('operatorId')}
        />
        <TextField
          name="contribution"
          label={t('programme.contribution')}
          hint={t('programme.contributionHint')}
          inputMode="decimal"
          value={form.contribution}
          onChange={set('contribution')}
          error={fieldError('employerContributionCents')}
        />
        <EligibilityFields
          value={rules}
          onChange={setRules}
          error={fieldError('eligibility.maxEmployees')}
        />
        <ComponentsFields value={components} onChange={setComponents} fieldError={fieldError} />
        <div>
          <Button type="submit" busy={loading}>
            {t('programme.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
