import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ExpenditureTable_ExpenditureFragment,
  ManagerExpendituresDocument,
  ManagerQueueOptionsDocument,
  RecordExpenditureDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorSummary,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isAdmin, isCaseHandler } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { parseEuroCents, todayInBelgium } from '../forms/validation';
import { useViewer } from '../ViewerContext';

export const EXPENDITURE_CATEGORIES = [
  'COACH_FEES',
  'PROCESS_GUIDANCE',
  'CAMPAIGN',
  'AWARD_ORGANISATION',
  'DEVELOPMENT',
  'ADMINISTRATION',
] as const;

export interface ExpenditureValues {
  programmeKey: string;
  category: string;
  amount: string;
  spentOn: string;
  description: string;
  fundingSourceKey: string;
}
type Field = keyof ExpenditureValues | 'applicationId';
const FIELDS: readonly Field[] = [
  'programmeKey',
  'category',
  'amount',
  'spentOn',
  'description',
  'fundingSourceKey',
  'applicationId',
];
const fieldId = (field: Field) => `expenditure-${field}`;

export function validateExpenditure(values: ExpenditureValues, today: string) {
  const found: Partial<Record<Field, { key: string; params?: Record<string, unknown> }>> = {};
  if (!values.programmeKey) found.programmeKey = { key: 'validation.chooseProgramme' };
  if (!(EXPENDITURE_CATEGORIES as readonly string[]).includes(values.category))
    found.category = { key: 'validation.chooseCategory' };
  const cents = parseEuroCents(values.amount);
  if (!values.amount.trim()) found.amount = { key: 'validation.amountRequired' };
  else if (cents === null) found.amount = { key: 'validation.amount' };
  else if (cents <= 0) found.amount = { key: 'validation.amountPositive' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.spentOn)) found.spentOn = { key: 'validation.date' };
  else if (values.spentOn > today) found.spentOn = { key: 'validation.dateNotFuture' };
  const description = values.description.trim();
  if (description.length < 3) found.description = { key: 'validation.descriptionRequired' };
  else if (description.length > 500)
    found.description = { key: 'validation.tooLong', params: { max: 500 } };
  return { found, cents };
}

/** A programme manager records spending (euro amounts, stored in cents) on their programme. */
export function ExpenditurePage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('expenditure.title');
  useDocumentTitle(title);
  if (!isCaseHandler(viewer)) return <RoleNotice title={title} />;
  return <ExpenditureView title={title} />;
}

function ExpenditureView({ title }: { title: string }) {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const [params] = useSearchParams();
  const options = useQuery(ManagerQueueOptionsDocument);
  const programmes = (options.data?.programmes ?? []).filter(
    (p) => isAdmin(viewer) || viewer.programmeKeys.includes(p.key),
  );
  const wanted = params.get('programma');
  const initialProgramme =
    programmes.find((p) => p.key === wanted)?.key ??
    (programmes.length === 1 ? programmes[0]?.key : '') ??
    '';

  let body: React.ReactNode;
  if (options.loading && !options.data) body = <Spinner label={t('expenditure.loading')} />;
  else if (!options.data)
    body = (
      <QueryFailure
        title={t('expenditure.errorTitle')}
        error={options.error}
        onRetry={() => void options.refetch()}
      />
    );
  else
    body = (
      <ExpenditureForm
        programmes={programmes.map((p) => ({ key: p.key, name: p.name }))}
        initialProgramme={initialProgramme}
        applicationId={params.get('aanvraag')}
      />
    );
  return (
    <>
      <PageHeader title={title} description={t('expenditure.lead')} />
      {body}
    </>
  );
}

function ExpenditureForm({
  programmes,
  initialProgramme,
  applicationId: initialApplicationId,
}: {
  programmes: { key: string; name: string }[];
  initialProgramme: string;
  applicationId: string | null;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const today = todayInBelgium();
  const [values, setValues] = useState<ExpenditureValues>({
    programmeKey: initialProgramme,
    category: '',
    amount: '',
    spentOn: today,
    description: '',
    fundingSourceKey: '',
  });
  const [applicationId, setApplicationId] = useState<string | null>(initialApplicationId);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [summaryFields, setSummaryFields] = useState<Field[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const inFlight = useRef(false);
  const spending = useQuery(ManagerExpendituresDocument, {
    variables: { programmeKey: values.programmeKey },
    skip: !values.programmeKey,
  });
  const [recordExpenditure, { loading }] = useMutation(RecordExpenditureDocument, {
    refetchQueries: [ManagerExpendituresDocument],
  });
  const sources = new Map<string, string>();
  for (const a of spending.data?.funding.allocations ?? [])
    sources.set(a.source.key, a.source.name);

  const set = (key: keyof ExpenditureValues) => (e: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: e.target.value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const { found, cents } = validateExpenditure(values, today);
    const shown: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const problem = found[field];
      if (problem) shown[field] = t(problem.key, problem.params);
    }
    setProblems(shown);
    setSummaryFields(Object.keys(shown) as Field[]);
    setFormError(null);
    setRecorded(null);
    if (Object.keys(shown).length > 0 || cents === null) return;
    inFlight.current = true;
    try {
      const result = await recordExpenditure({
        variables: {
          input: {
            programmeKey: values.programmeKey,
            category: values.category as (typeof EXPENDITURE_CATEGORIES)[number],
            amountCents: cents,
            spentOn: values.spentOn,
            description: values.description.trim(),
            fundingSourceKey: values.fundingSourceKey || null,
            applicationId,
          },
        },
      });
      const saved = result.data?.recordExpenditure;
      setRecorded(
        t('expenditure.recorded', {
          amount: format.money(saved?.amountCents ?? cents),
          date: format.date(saved?.spentOn ?? values.spentOn, 'long'),
        }),
      );
      setValues((current) => ({ ...current, amount: '', description: '' }));
    } catch (error) {
      const failure = describeFailure<Field>(error, t, (path) => {
        const field = inputPath(path);
        if (field === 'amountCents') return 'amount';
        return (FIELDS as readonly string[]).includes(field) ? (field as Field) : undefined;
      });
      setProblems(failure.fields);
      setSummaryFields(Object.keys(failure.fields) as Field[]);
      setFormError(failure.form);
    } finally {
      inFlight.current = false;
    }
  };

  const summary = summaryFields
    .filter((f) => problems[f])
    .map((f) => ({ fieldId: fieldId(f), message: problems[f] ?? '' }));

  return (
    <div className="wg-stack">
      <form
        noValidate
        onSubmit={onSubmit}
        className="wg-card wg-form-column"
        aria-labelledby="expenditure-form"
      >
        <h2 id="expenditure-form" className="wg-card__title">
          {t('expenditure.formTitle')}
        </h2>
        {recorded ? <Alert variant="success">{recorded}</Alert> : null}
        {formError ? (
          <Alert variant="error" title={t('ui:errorTitle')}>
            <p>{formError}</p>
          </Alert>
        ) : null}
        <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
        <SelectField
          id={fieldId('programmeKey')}
          name="programmeKey"
          label={t('expenditure.programme')}
          placeholder={t('common.choose')}
          options={programmes.map((p) => ({ value: p.key, label: p.name }))}
          value={values.programmeKey}
          error={problems.programmeKey}
          required
          onChange={(e) => {
            setValues((c) => ({ ...c, programmeKey: e.target.value, fundingSourceKey: '' }));
            setApplicationId(null);
          }}
        />
        {applicationId ? (
          <p id={fieldId('applicationId')}>
            {t('expenditure.forApplication')}{' '}
            <Link to={`/aanvragen/${applicationId}`}>{t('expenditure.applicationLink')}</Link>{' '}
            <Button variant="ghost" onClick={() => setApplicationId(null)}>
              {t('expenditure.unlink')}
            </Button>
            {problems.applicationId ? (
              <span className="wg-field__error" style={{ display: 'block' }}>
                {problems.applicationId}
              </span>
            ) : null}
          </p>
        ) : null}
        <SelectField
          id={fieldId('category')}
          name="category"
          label={t('expenditure.category')}
          placeholder={t('common.choose')}
          options={EXPENDITURE_CATEGORIES.map((c) => ({
            value: c,
            label: t(`expenditureCategories.${c}`),
          }))}
          value={values.category}
          error={problems.category}
          required
          onChange={set('category')}
        />
        <TextField
          id={fieldId('amount')}
          name="amount"
          label={t('expenditure.amount')}
          hint={t('expenditure.amountHint')}
          inputMode="decimal"
          value={values.amount}
          error={problems.amount}
          required
          onChange={set('amount')}
        />
        <TextField
          id={fieldId('spentOn')}
          name="spentOn"
          type="date"
          label={t('expenditure.spentOn')}
          max={today}
          value={values.spentOn}
          error={problems.spentOn}
          required
          onChange={set('spentOn')}
        />
        <TextField
          id={fieldId('description')}
          name="description"
          label={t('expenditure.description')}
          value={values.description}
          error={problems.description}
          required
          onChange={set('description')}
        />
        <SelectField
          id={fieldId('fundingSourceKey')}
          name="fundingSourceKey"
          label={t('expenditure.fundingSource')}
          placeholder={t('expenditure.noFundingSource')}
          options={[...sources].map(([value, label]) => ({ value, label }))}
          value={values.fundingSourceKey}
          error={problems.fundingSourceKey}
          onChange={set('fundingSourceKey')}
        />
        <Button type="submit" busy={loading}>
          {t('expenditure.submit')}
        </Button>
      </form>
      <RecentExpenditures
        programmeName={programmes.find((p) => p.key === values.programmeKey)?.name ?? null}
        loading={spending.loading && !spending.data}
        error={spending.data ? undefined : spending.error}
        onRetry={() => void spending.refetch()}
        rows={spending.data?.expenditures.edges.map((e) => e.node) ?? []}
        total={spending.data?.expenditures.totalCount ?? 0}
      />
    </div>
  );
}

function RecentExpenditures({
  programmeName,
  loading,
  error,
  onRetry,
  rows,
  total,
}: {
  programmeName: string | null;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  rows: ExpenditureTable_ExpenditureFragment[];
  total: number;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const columns: DataTableColumn<ExpenditureTable_ExpenditureFragment>[] = [
    {
      key: 'spentOn',
      header: t('expenditure.columns.spentOn'),
      cell: (e) => <time dateTime={e.spentOn}>{format.date(e.spentOn)}</time>,
      csv: (e) => e.spentOn,
    },
    {
      key: 'description',
      header: t('expenditure.columns.description'),
      cell: (e) => e.description,
      csv: (e) => e.description,
      rowHeader: true,
    },
    {
      key: 'category',
      header: t('expenditure.columns.category'),
      cell: (e) => t(`expenditureCategories.${e.category}`),
      csv: (e) => e.category,
    },
    {
      key: 'amount',
      header: t('expenditure.columns.amount'),
      cell: (e) => format.money(e.amountCents),
      csv: (e) => e.amountCents / 100,
      align: 'end',
    },
  ];
  let body: React.ReactNode;
  if (!programmeName) body = <p className="wg-card__lead">{t('expenditure.pickProgramme')}</p>;
  else if (loading) body = <Spinner label={t('expenditure.loadingRecent')} />;
  else if (error)
    body = <QueryFailure title={t('expenditure.recentError')} error={error} onRetry={onRetry} />;
  else if (rows.length === 0)
    body = (
      <EmptyState headingLevel={3} title={t('expenditure.emptyTitle')}>
        {t('expenditure.empty')}
      </EmptyState>
    );
  else
    body = (
      <DataTable
        caption={t('expenditure.caption', {
          programme: programmeName,
          shown: rows.length,
          count: total,
        })}
        columns={columns}
        rows={rows}
        getRowKey={(e) => e.id}
      />
    );
  return (
    <section className="wg-card" aria-labelledby="expenditure-recent">
      <h2 id="expenditure-recent" className="wg-card__title">
        {t('expenditure.recentTitle')}
      </h2>
      {body}
    </section>
  );
}
