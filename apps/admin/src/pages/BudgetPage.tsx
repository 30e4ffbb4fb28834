import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminBudgetDocument,
  type AdminBudgetQuery,
  AdminCreateBudgetAllocationDocument,
  AdminDeleteBudgetAllocationDocument,
  type AdminEditionFragment,
  AdminProgrammesDocument,
  AdminUpdateBudgetAllocationDocument,
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
  Stat,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';
import { NotFoundPage } from './NotFoundPage';
import { euroToCents } from './ProgrammeNewPage';

type BudgetData = AdminBudgetQuery['budget'];
type Allocation = BudgetData['allocations'][number];

export interface AllocationForm {
  id: string | null;
  sourceKey: string;
  year: string;
  editionId: string;
  amount: string;
  description: string;
}

export const EMPTY_ALLOCATION: AllocationForm = {
  id: null,
  sourceKey: '',
  year: '',
  editionId: '',
  amount: '',
  description: '',
};

/** What the form sends: an empty year is the whole programme; a call sets the year itself. */
export function allocationInput(form: AllocationForm) {
  const year = form.year.trim();
  return {
    fundingSourceKey: form.sourceKey,
    year: form.editionId || year === '' ? null : Number(year),
    editionId: form.editionId || null,
    amountCents: euroToCents(form.amount),
    description: form.description.trim(),
  };
}

/** An allocation back into the form, for editing. */
export function allocationForm(a: Allocation): AllocationForm {
  return {
    id: a.id,
    sourceKey: a.sourceKey,
    year: a.editionId || a.year === null || a.year === undefined ? '' : String(a.year),
    editionId: a.editionId ?? '',
    amount: String(a.amountCents / 100),
    description: a.description,
  };
}

/** Allocations per source and year beside what was spent, with the form to change them. */
export function BudgetPage() {
  const { t } = useTranslation('admin');
  const { key = '' } = useParams();
  const programmes = useQuery(AdminProgrammesDocument);
  const programme = programmes.data?.programmes.find((p) => p.key === key);
  const budget = useQuery(AdminBudgetDocument, {
    variables: { programmeKey: key },
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(programme ? t('budget.titleOf', { name: programme.name }) : t('budget.title'));
  if ((programmes.loading && !programmes.data) || (budget.loading && !budget.data))
    return <Spinner label={t('loading')} />;
  if (programmes.error && !programmes.data)
    return <ProblemAlert problem={toProblem(programmes.error)} />;
  if (!programme) return <NotFoundPage />;
  return (
    <div className="wg-stack">
      <PageHeader
        title={t('budget.titleOf', { name: programme.name })}
        description={<Link to={`/programmas/${programme.key}`}>{t('budget.back')}</Link>}
      />
      {budget.error && !budget.data ? <ProblemAlert problem={toProblem(budget.error)} /> : null}
      {budget.data ? (
        <BudgetView
          programmeKey={programme.key}
          budget={budget.data.budget}
          sources={budget.data.fundingSources}
          editions={programme.editions}
        />
      ) : null}
    </div>
  );
}

function BudgetView({
  programmeKey,
  budget,
  sources,
  editions,
}: {
  programmeKey: string;
  budget: BudgetData;
  sources: AdminBudgetQuery['fundingSources'];
  editions: AdminEditionFragment[];
}) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const refetch = { refetchQueries: [AdminBudgetDocument], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(AdminCreateBudgetAllocationDocument, refetch);
  const [update, { loading: updating }] = useMutation(AdminUpdateBudgetAllocationDocument, refetch);
  const [remove, { loading: removing }] = useMutation(AdminDeleteBudgetAllocationDocument, refetch);
  const [form, setForm] = useState<AllocationForm>(EMPTY_ALLOCATION);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (name: keyof AllocationForm) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });
  const fieldError = (name: string) =>
    problem?.field === `input.${name}` ? problem.message : undefined;
  const ratio = (spent: number, allocated: number) =>
    allocated > 0 ? format.percent(spent / allocated, 1) : '—';
  const yearLabel = (year: number | null | undefined) =>
    year === null || year === undefined ? t('budget.wholeProgramme') : String(year);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const input = allocationInput(form);
    if (input.amountCents === null || Number.isNaN(input.amountCents)) {
      setProblem({
        local: true,
        code: 'BAD_USER_INPUT',
        message: t('budget.amountInvalid'),
        field: 'input.amountCents',
      });
      return;
    }
    if (input.year !== null && !Number.isInteger(input.year)) {
      setProblem({
        local: true,
        code: 'BAD_USER_INPUT',
        message: t('budget.yearInvalid'),
        field: 'input.year',
      });
      return;
    }
    const values = { ...input, amountCents: input.amountCents };
    try {
      if (form.id) {
        await update({ variables: { input: { id: form.id, ...values } } });
        setDone(t('budget.updated'));
      } else {
        await create({ variables: { input: { programmeKey, ...values } } });
        setDone(t('budget.created'));
      }
      setForm(EMPTY_ALLOCATION);
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  const onDelete = async (a: Allocation) => {
    setProblem(null);
    setDone(null);
    try {
      await remove({ variables: { id: a.id } });
      setConfirming(null);
      if (form.id === a.id) setForm(EMPTY_ALLOCATION);
      setDone(t('budget.deleted'));
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const allocationColumns: DataTableColumn<Allocation>[] = [
    {
      key: 'year',
      header: t('budget.columns.year'),
      rowHeader: true,
      cell: (a) => yearLabel(a.year),
      csv: (a) => a.year ?? '',
    },
    {
      key: 'source',
      header: t('budget.columns.source'),
      cell: (a) => a.sourceName,
      csv: (a) => a.sourceKey,
    },
    {
      key: 'call',
      header: t('budget.columns.call'),
      cell: (a) => editions.find((e) => e.id === a.editionId)?.name ?? '—',
    },
    { key: 'description', header: t('budget.columns.description'), cell: (a) => a.description },
    {
      key: 'amount',
      header: t('budget.columns.amount'),
      align: 'end',
      cell: (a) => format.money(a.amountCents),
      csv: (a) => a.amountCents / 100,
    },
    {
      key: 'actions',
      header: t('budget.columns.actions'),
      cell: (a) => {
        const label = `${a.sourceName} ${yearLabel(a.year)}`;
        return confirming === a.id ? (
          <span className="wg-admin-actions">
            <Button
              variant="danger"
              busy={removing}
              onClick={() => onDelete(a)}
              aria-label={t('budget.confirmDeleteNamed', { name: label })}
            >
              {t('budget.confirmDelete')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('budget.cancel')}
            </Button>
          </span>
        ) : (
          <span className="wg-admin-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setProblem(null);
                setDone(null);
                setForm(allocationForm(a));
                document.getElementById('budget-form-heading')?.focus();
              }}
              aria-label={t('budget.editNamed', { name: label })}
            >
              {t('budget.edit')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setConfirming(a.id)}
              aria-label={t('budget.deleteNamed', { name: label })}
            >
              {t('budget.delete')}
            </Button>
          </span>
        );
      },
    },
  ];
  type Total = { key: string; label: string; allocatedCents: number; spentCents: number };
  const totalColumns = (first: string): DataTableColumn<Total>[] => [
    { key: 'label', header: first, rowHeader: true, cell: (r) => r.label },
    {
      key: 'allocated',
      header: t('budget.columns.allocated'),
      align: 'end',
      cell: (r) => format.money(r.allocatedCents),
      csv: (r) => r.allocatedCents / 100,
    },
    {
      key: 'spent',
      header: t('budget.columns.spent'),
      align: 'end',
      cell: (r) => format.money(r.spentCents),
      csv: (r) => r.spentCents / 100,
    },
    {
      key: 'utilisation',
      header: t('budget.columns.utilisation'),
      align: 'end',
      cell: (r) => ratio(r.spentCents, r.allocatedCents),
    },
  ];
  const bySource: Total[] = budget.bySource.map((s) => ({ ...s, label: s.name }));
  const byYear: Total[] = budget.byYear.map((y) => ({
    key: String(y.year ?? 'all'),
    label: yearLabel(y.year),
    allocatedCents: y.allocatedCents,
    spentCents: y.spentCents,
  }));

  return (
    <>
      <Card title={t('budget.summary')} asSection>
        <div className="wg-admin-stats">
          <Stat label={t('budget.allocated')} value={format.money(budget.allocatedToDateCents)} />
          <Stat label={t('budget.spent')} value={format.money(budget.spentToDateCents)} />
          <Stat label={t('budget.remaining')} value={format.money(budget.remainingCents)} />
          <Stat
            label={t('budget.utilisation')}
            value={
              budget.utilisation === null || budget.utilisation === undefined
                ? '—'
                : format.percent(budget.utilisation, 1)
            }
          />
        </div>
      </Card>
      <Card title={t('budget.allocations')} asSection>
        <ProblemAlert problem={problem} />
        {done ? <Alert variant="success" title={done} /> : null}
        <DataTable
          caption={t('budget.allocationsCaption')}
          columns={allocationColumns}
          rows={budget.allocations}
          getRowKey={(a) => a.id}
          emptyMessage={t('budget.empty')}
        />
        <form
          className="wg-stack"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="budget-form-heading"
        >
          <h3 id="budget-form-heading" tabIndex={-1}>
            {form.id ? t('budget.editTitle') : t('budget.newTitle')}
          </h3>
          <SelectField
            name="fundingSource"
            label={t('budget.source')}
            required
            options={[
              { value: '', label: t('budget.chooseSource') },
              ...sources.map((s) => ({ value: s.key, label: s.name })),
            ]}
            value={form.sourceKey}
            onChange={set('sourceKey')}
            error={fieldError('fundingSourceKey')}
          />
          <SelectField
            name="edition"
            label={t('budget.call')}
            options={[
              { value: '', label: t('budget.noCall') },
              ...[...editions]
                .sort((a, b) => b.year - a.year)
                .map((e) => ({ value: e.id, label: `${e.year} · ${e.name}` })),
            ]}
            value={form.editionId}
            onChange={set('editionId')}
            error={fieldError('editionId')}
          />
          {form.editionId ? null : (
            <TextField
              name="year"
              label={t('budget.year')}
              hint={t('budget.yearHint')}
              inputMode="numeric"
              value={form.year}
              onChange={set('year')}
              error={fieldError('year')}
            />
          )}
          <TextField
            name="amount"
            label={t('budget.amount')}
            inputMode="decimal"
            required
            value={form.amount}
            onChange={set('amount')}
            error={fieldError('amountCents')}
          />
          <TextField
            name="allocationDescription"
            label={t('budget.description')}
            value={form.description}
            onChange={set('description')}
            error={fieldError('description')}
          />
          <div className="wg-admin-actions">
            <Button type="submit" busy={creating || updating}>
              {form.id ? t('budget.save') : t('budget.add')}
            </Button>
            {form.id ? (
              <Button variant="secondary" onClick={() => setForm(EMPTY_ALLOCATION)}>
                {t('budget.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
      <Card title={t('budget.bySource')} asSection>
        <DataTable
          caption={t('budget.bySourceCaption')}
          columns={totalColumns(t('budget.columns.source'))}
          rows={bySource}
          getRowKey={(r) => r.key}
          emptyMessage={t('budget.emptyTotals')}
        />
      </Card>
      <Card title={t('budget.byYear')} asSection>
        <DataTable
          caption={t('budget.byYearCaption')}
          columns={totalColumns(t('budget.columns.year'))}
          rows={byYear}
          getRowKey={(r) => r.key}
          emptyMessage={t('budget.emptyTotals')}
        />
      </Card>
    </>
  );
}
