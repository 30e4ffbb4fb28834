import { useQuery } from '@apollo/client/react';
import { AnalyticsFollowUpEffectDocument } from '@werkgezond/graphql-client';
import { Alert, Spinner } from '@werkgezond/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalyticsFormat } from '../../hooks/useAnalyticsFormat';
import { Table } from '../Table';

interface GroupRow {
  key: 'withReminder' | 'withoutReminder';
  approved: number;
  started: number;
  startRate: { value?: number | null; lower?: number | null; upper?: number | null };
}

/**
 * Start rate of approved applications with and without a follow-up reminder, with Wilson
 * intervals and Fisher's exact test. Labelled observational: managers remind the applications
 * that stall, so the groups are not comparable the way a randomised trial's would be.
 */
export function FollowUpEffectSection({
  programmeKey,
  years,
  fileName,
}: {
  programmeKey: string;
  years: readonly number[];
  fileName: string;
}) {
  const { t } = useTranslation('analytics');
  const format = useAnalyticsFormat();
  const id = `section-${useId()}`;
  const { data, loading, error } = useQuery(AnalyticsFollowUpEffectDocument, {
    variables: { input: { programmeKey, years: years.length ? [...years] : null } },
  });
  const effect = data?.followUpEffect;
  const rows: GroupRow[] = effect
    ? [
        { key: 'withReminder', ...effect.withReminder },
        { key: 'withoutReminder', ...effect.withoutReminder },
      ]
    : [];
  return (
    <section className="an-section" aria-labelledby={id}>
      <h2 id={id}>{t('followUpEffect.title')}</h2>
      <p className="an-lead">{t('followUpEffect.lead')}</p>
      <Alert variant="info" title={t('followUpEffect.observationalTitle')}>
        <p>{t('followUpEffect.observational')}</p>
      </Alert>
      {loading && !effect ? <Spinner label={t('followUpEffect.loading')} /> : null}
      {error && !effect ? <Alert variant="error" title={t('followUpEffect.error')} /> : null}
      {effect ? (
        <>
          <Table
            caption={t('followUpEffect.caption')}
            fileName={`${fileName}-opvolging`}
            rows={rows}
            getRowKey={(r) => r.key}
            columns={[
              {
                key: 'group',
                header: t('followUpEffect.group'),
                cell: (r) => t(`followUpEffect.${r.key}`),
                csv: (r) => r.key,
                rowHeader: true,
              },
              {
                key: 'approved',
                header: t('followUpEffect.approved'),
                cell: (r) => format.count(r.approved),
                csv: (r) => r.approved,
                align: 'end',
              },
              {
                key: 'started',
                header: t('followUpEffect.started'),
                cell: (r) => format.count(r.started),
                csv: (r) => r.started,
                align: 'end',
              },
              {
                key: 'rate',
                header: t('followUpEffect.startRate'),
                cell: (r) => format.rate(r.startRate),
                csv: (r) => r.startRate.value ?? null,
                align: 'end',
              },
              {
                key: 'lower',
                header: 'lower',
                csvOnly: true,
                cell: () => null,
                csv: (r) => r.startRate.lower ?? null,
              },
              {
                key: 'upper',
                header: 'upper',
                csvOnly: true,
                cell: () => null,
                csv: (r) => r.startRate.upper ?? null,
              },
            ]}
          />
          <p>
            {effect.pValue == null
              ? t('followUpEffect.noTest')
              : t('followUpEffect.fisher', { p: format.pValue(effect.pValue) })}
          </p>
        </>
      ) : null}
    </section>
  );
}
