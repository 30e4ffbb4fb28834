import { useQuery } from '@apollo/client/react';
import { AnalyticsFunnelSnapshotsDocument, type FunnelInput } from '@werkgezond/graphql-client';
import { Button, chartPalette, DISPLAY_TIME_ZONE, downloadCsv, INTL_LOCALE } from '@werkgezond/ui';
import { print } from 'graphql';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerOrder, defaultAnswerDates, defaultAnswerStages } from '../components/answer/order';
import { Chart } from '../components/Chart';
import {
  Choices,
  DateField,
  FilterGrid,
  FilterPanel,
  ProgrammeSelect,
  UnitSelect,
  YearChoices,
} from '../components/Filters';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { Table, type TableColumn } from '../components/Table';
import { type AnswerTable, answerCsv, answerXlsx, downloadBlob } from '../export/answerExport';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useStageName } from '../hooks/useLabels';
import { useProgrammeChoice } from '../hooks/useProgrammeChoice';
import { answerSpec } from '../url/specs';
import { useSearchState } from '../url/useSearchState';

const QUERY_TEXT = print(AnalyticsFunnelSnapshotsDocument);

/**
 * The answer to a parliamentary question: pick a programme, the stages and the dates, and get
 * the cumulative table (as in "2017 / 2018 / 2019 (t.e.m. juli)"), exportable as CSV and XLSX
 * with the query and the dates of the data written in.
 */
export function AnswerBuilderPage() {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const [state, setState] = useSearchState(answerSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const [retrievedAt, setRetrievedAt] = useState(() => new Date());
  const [xlsxBusy, setXlsxBusy] = useState(false);
  const [xlsxFailed, setXlsxFailed] = useState(false);

  const ordered = answerOrder(programme?.stages ?? []);
  const stageKeys = state.stages.length
    ? ordered.map((s) => s.key).filter((key) => state.stages.includes(key))
    : defaultAnswerStages(programme?.stages ?? []);
  const dates = state.at.length
    ? state.at
    : defaultAnswerDates((programme?.editions ?? []).map((e) => e.year));
  const input: FunnelInput = {
    programmeKey: programme?.key ?? '',
    unit: state.unit,
    years: state.years.length ? state.years : null,
  };
  const { data, loading, error, refetch } = useQuery(AnalyticsFunnelSnapshotsDocument, {
    skip: !programme || dates.length === 0,
    variables: { input, at: dates },
    notifyOnNetworkStatusChange: false,
  });
  const snapshots = data?.funnelSnapshots.snapshots ?? [];
  // The moment these data were read, written into the exports.
  useEffect(() => {
    if (data) setRetrievedAt(new Date());
  }, [data]);

  const dayMonth = new Intl.DateTimeFormat(INTL_LOCALE[f.locale], {
    day: 'numeric',
    month: 'long',
    timeZone: DISPLAY_TIME_ZONE,
  });
  const columnLabel = (date: string) => {
    const year = date.slice(0, 4);
    return date.endsWith('-12-31')
      ? year
      : t('answer.partialYear', { year, date: dayMonth.format(new Date(`${date}T12:00:00Z`)) });
  };
  const columns = snapshots.map((s) => ({ date: s.at, label: columnLabel(s.at) }));
  const rows = stageKeys.map((key) => {
    const def = ordered.find((s) => s.key === key);
    return {
      stage: key,
      label: stageName({ stage: key, label: def?.label ?? key }),
      values: snapshots.map(
        (s) => [...s.steps, ...s.exits].find((c) => c.stage === key)?.count ?? null,
      ),
    };
  });
  type Row = (typeof rows)[number];
  const title = t('answer.tableTitle', {
    programme: programme?.name ?? '',
    unit: t(`units.${state.unit}`).toLowerCase(),
  });
  const variables = { input, at: dates };
  const meta = [
    { label: t('filters.programme'), value: `${programme?.name ?? ''} (${programme?.key ?? ''})` },
    { label: t('filters.unit'), value: t(`units.${state.unit}`) },
    {
      label: t('filters.years'),
      value: state.years.length ? state.years.join(', ') : t('context.allYears'),
    },
    { label: t('answer.cumulative'), value: t('answer.cumulativeText') },
    {
      label: t('answer.dataDates'),
      value: dates.map((d) => t('answer.through', { date: d })).join('; '),
    },
    { label: t('answer.retrievedAt'), value: retrievedAt.toISOString() },
    {
      label: t('answer.query'),
      value: `funnelSnapshots(input: ${JSON.stringify(input)}, at: ${JSON.stringify(dates)})`,
    },
    { label: t('answer.link'), value: typeof window === 'undefined' ? '' : window.location.href },
  ];
  const table: AnswerTable = {
    title,
    meta,
    stageHeader: t('answer.stage'),
    columns,
    rows,
    query: QUERY_TEXT,
    variables,
    queryLabels: {
      sheet: t('answer.querySheet'),
      answerSheet: t('answer.answerSheet'),
      operation: t('answer.operation'),
      variables: t('answer.variables'),
    },
  };
  const fileName = `antwoord-${programme?.key ?? ''}-${dates.join('_')}`;
  const tableColumns: TableColumn<Row>[] = [
    {
      key: 'stage',
      header: t('answer.stage'),
      cell: (r) => r.label,
      csv: (r) => r.label,
      rowHeader: true,
    },
    ...columns.map((c, i) => ({
      key: c.date,
      header: c.label,
      cell: (r: Row) => f.count(r.values[i]),
      csv: (r: Row) => r.values[i],
      align: 'end' as const,
    })),
  ];
  const setDates = (next: string[]) => setState({ at: next });

  return (
    <PageFrame title={t('answer.title')} description={t('answer.description')} programmes={choice}>
      <FilterPanel label={t('answer.formLabel')}>
        <FilterGrid>
          <ProgrammeSelect
            programmes={choice.programmes}
            value={programme?.key ?? null}
            onChange={(key) => setState({ programme: key, stages: [], at: [], years: [] })}
          />
          <UnitSelect value={state.unit} onChange={(unit) => setState({ unit })} />
        </FilterGrid>
        <Choices
          legend={t('answer.stages')}
          name="stages"
          options={ordered.map((s) => ({
            value: s.key,
            label: stageName({ stage: s.key, label: s.label }),
          }))}
          value={stageKeys}
          onChange={(values) =>
            setState({ stages: ordered.map((s) => s.key).filter((k) => values.includes(k)) })
          }
        />
        <fieldset className="an-choices">
          <legend>{t('answer.dates')}</legend>
          <span className="wg-field__hint">{t('answer.datesHint')}</span>
          <ul className="an-date-list">
            {dates.map((date, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the field keeps focus while its date changes
              <li key={i}>
                <DateField
                  name={`at-${i + 1}`}
                  label={t('answer.dateLabel', { n: i + 1 })}
                  value={date}
                  onChange={(next) => {
                    if (!next) return;
                    setDates(dates.map((d, j) => (j === i ? next : d)));
                  }}
                />
                <Button
                  variant="ghost"
                  onClick={() => setDates(dates.filter((_, j) => j !== i))}
                  disabled={dates.length <= 1}
                  aria-label={t('answer.removeDateLabel', { n: i + 1, date })}
                >
                  {t('answer.removeDate')}
                </Button>
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            disabled={dates.length >= 8}
            onClick={() => {
              const last = dates.at(-1);
              const next = last
                ? `${Number(last.slice(0, 4)) + 1}${last.slice(4)}`
                : `${new Date().getFullYear()}-12-31`;
              setDates([...dates, next]);
            }}
          >
            {t('answer.addDate')}
          </Button>
        </fieldset>
        <YearChoices
          programme={programme}
          legend={t('answer.years')}
          value={state.years}
          onChange={(years) => setState({ years })}
        />
      </FilterPanel>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        loadingLabel={t('answer.loading')}
        errorTitle={t('answer.error')}
        onRetry={() => void refetch()}
        empty={rows.length === 0}
        emptyTitle={t('answer.emptyTitle')}
        emptyText={t('answer.empty')}
      >
        <section className="an-section an-answer" aria-labelledby="answer-title">
          <h2 id="answer-title">{t('answer.resultTitle')}</h2>
          <p className="an-lead">{t('answer.resultLead')}</p>
          <div className="an-actions">
            <Button
              variant="secondary"
              onClick={() => downloadCsv(`${fileName}.csv`, answerCsv(table))}
            >
              {t('answer.downloadCsv')}
            </Button>
            <Button
              variant="secondary"
              busy={xlsxBusy}
              onClick={async () => {
                setXlsxBusy(true);
                setXlsxFailed(false);
                try {
                  downloadBlob(`${fileName}.xlsx`, await answerXlsx(table));
                } catch (e) {
                  console.error('XLSX export failed', e);
                  setXlsxFailed(true);
                } finally {
                  setXlsxBusy(false);
                }
              }}
            >
              {t('answer.downloadXlsx')}
            </Button>
          </div>
          {xlsxFailed ? <p role="alert">{t('answer.xlsxFailed')}</p> : null}
          <Table
            caption={title}
            columns={tableColumns}
            rows={rows}
            getRowKey={(r) => r.stage}
            fileName={fileName}
            exportable={false}
          />
          <dl className="an-answer-meta">
            {meta
              .filter((m) => m.label !== t('answer.link'))
              .map((m) => (
                <div key={m.label}>
                  <dt>{m.label}</dt>
                  <dd>{m.label === t('answer.query') ? <code>{m.value}</code> : m.value}</dd>
                </div>
              ))}
          </dl>
          <Chart
            description={t('answer.chart', { title })}
            data={rows.map((r) => ({
              stage: r.label,
              ...Object.fromEntries(columns.map((c, i) => [c.date, r.values[i]])),
            }))}
            categoryKey="stage"
            series={columns.map((c, i) => ({
              key: c.date,
              name: c.label,
              color: chartPalette[i % chartPalette.length],
            }))}
            formatValue={(v) => f.count(v)}
            height={320}
          />
        </section>
      </QueryState>
    </PageFrame>
  );
}
