import type {
  FigureReconciliation_SummaryFragment,
  PublishedFiguresTable_FigureFragment,
} from '@werkgezond/graphql-client';
import { Alert } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Table, type TableColumn } from './Table';

type Figure = PublishedFiguresTable_FigureFragment;

/** A published value as text: lists (JSON arrays in the reference file) become "a, b, c". */
export function publishedValue(value: string): string {
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(String).join(', ');
    } catch {
      // not JSON: show as is
    }
  }
  return value;
}

export function MatchBadge({ figure }: { figure: Figure }) {
  const { t } = useTranslation('analytics');
  if (figure.matches == null || figure.computedValue == null)
    return <span className="an-badge an-badge--none">– {t('figures.notComputable')}</span>;
  return figure.matches ? (
    <span className="an-badge an-badge--ok">✓ {t('figures.matches')}</span>
  ) : (
    <span className="an-badge an-badge--differs">≠ {t('figures.differs')}</span>
  );
}

export interface PublishedFiguresTableProps {
  caption: string;
  figures: readonly Figure[];
  summary: FigureReconciliation_SummaryFragment;
  fileName: string;
}

/**
 * Every figure the source documents publish next to the value the data give, with whether
 * they match, who said it (question or answer) and in which document. Differences are listed
 * first in a warning, so an analyst sees them before reading the table.
 */
export function PublishedFiguresTable({
  caption,
  figures,
  summary,
  fileName,
}: PublishedFiguresTableProps) {
  const { t } = useTranslation('analytics');
  const speaker = (f: Figure) =>
    f.speaker === 'question'
      ? t('overview.speakerQuestion')
      : f.speaker === 'answer'
        ? t('overview.speakerAnswer')
        : f.speaker.startsWith('question')
          ? `${t('overview.speakerQuestion')} (${f.speaker.replace(/^question\s*\(?|\)$/g, '')})`
          : f.speaker;
  const differing = figures.filter((f) => f.matches === false);
  const columns: TableColumn<Figure>[] = [
    {
      key: 'metric',
      header: t('overview.metric'),
      cell: (f) => f.metric,
      csv: (f) => f.metric,
      rowHeader: true,
    },
    { key: 'period', header: t('overview.period'), cell: (f) => f.period, csv: (f) => f.period },
    {
      key: 'value',
      header: t('figures.published'),
      cell: (f) => publishedValue(f.value),
      csv: (f) => publishedValue(f.value),
    },
    {
      key: 'computed',
      header: t('figures.computed'),
      cell: (f) =>
        f.computedValue == null ? (
          '–'
        ) : (
          <>
            <div>{f.computedValue}</div>
            {f.computedBy ? <div className="an-code an-muted">{f.computedBy}</div> : null}
          </>
        ),
      csv: (f) => f.computedValue,
    },
    {
      key: 'computedBy',
      header: t('figures.computedBy'),
      cell: () => null,
      csv: (f) => f.computedBy,
      csvOnly: true,
    },
    {
      key: 'matches',
      header: t('figures.comparison'),
      cell: (f) => <MatchBadge figure={f} />,
      csv: (f) => (f.matches == null ? '' : f.matches ? 'match' : 'differs'),
    },
    {
      key: 'check',
      header: t('figures.check'),
      cell: (f) => (f.check === 'CLAIM' ? t('figures.claim') : t('figures.exact')),
      csv: (f) => f.check,
    },
    {
      key: 'checkRule',
      header: t('figures.checkRule'),
      cell: () => null,
      csv: (f) => f.checkRule,
      csvOnly: true,
    },
    {
      key: 'source',
      header: t('overview.speaker'),
      cell: (f) => (
        <>
          <div>{speaker(f)}</div>
          <code className="an-code">{f.sourceDocument}</code>
        </>
      ),
      csv: (f) => `${f.speaker} · ${f.sourceDocument}`,
    },
    { key: 'id', header: 'id', cell: () => null, csv: (f) => f.id, csvOnly: true },
  ];
  return (
    <>
      <p>
        {t('figures.summary', {
          total: figures.length,
          matched: summary.matched,
          differing: summary.differing,
          notComputable: summary.notComputable,
        })}
      </p>
      {differing.length > 0 ? (
        <Alert variant="warning" title={t('figures.differingTitle', { count: differing.length })}>
          <ul>
            {differing.map((f) => (
              <li key={f.id}>
                {t('figures.differingItem', {
                  metric: f.metric,
                  period: f.period,
                  published: publishedValue(f.value),
                  computed: f.computedValue,
                  speaker: speaker(f),
                  source: f.sourceDocument,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Table
        caption={caption}
        columns={columns}
        rows={figures}
        getRowKey={(f) => f.id}
        fileName={fileName}
        emptyMessage={t('overview.figuresEmpty')}
      />
    </>
  );
}
