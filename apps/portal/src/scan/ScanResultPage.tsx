import { useQuery } from '@apollo/client/react';
import {
  apiErrors,
  PortalScanResultDocument,
  type ScanResult_ResultFragment,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Card,
  DataTable,
  PageHeader,
  Spinner,
  Stat,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { actsForOrganisation } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { PortalNotFoundPage } from '../pages/PortalNotFoundPage';
import { useViewer } from '../ViewerContext';
import { pick } from './scanText';

// Recharts is large: only the result page loads it, in its own chunk.
const DomainChart = lazy(() => import('./DomainChart'));

/** A submitted scan: overall and domain scores, change, peers and suggestions. */
export function ScanResultPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const { id = '' } = useParams();
  const acting = actsForOrganisation(viewer) && viewer.roles.includes('PARTICIPANT');
  useDocumentTitle(t('scan.resultTitle'));
  const { data, error, loading, refetch } = useQuery(PortalScanResultDocument, {
    variables: { scanId: id },
    skip: !acting,
  });
  if (!acting) return <RoleNotice title={t('scan.title')} />;
  if (loading && !data)
    return (
      <>
        <PageHeader title={t('scan.resultTitle')} />
        <Spinner label={t('scan.loading')} />
      </>
    );
  if (!data) {
    // An id that is malformed, unknown, someone else's or a draft: there is no result to show.
    const missing = apiErrors(error).some(
      (e) => e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT',
    );
    if (missing)
      return (
        <PortalNotFoundPage title={t('scan.notFoundTitle')} description={t('scan.notFoundText')} />
      );
    return (
      <>
        <PageHeader title={t('scan.resultTitle')} />
        <QueryFailure title={t('scan.errorTitle')} error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  return <ScanResult result={data.healthPolicyScanResult} />;
}

function ScanResult({ result }: { result: ScanResult_ResultFragment }) {
  const { t, i18n } = useTranslation('portal');
  const format = useFormat();
  const location = useLocation();
  const lang = i18n.language;
  const n = (v: number | null | undefined) =>
    v == null ? '—' : format.number(v, { maximumFractionDigits: 1 });
  const signed = (v: number | null | undefined) =>
    v == null
      ? '—'
      : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${format.number(Math.abs(v), { maximumFractionDigits: 1 })}`;
  const date = String(result.scan.submittedAt ?? '').slice(0, 10);
  const peers = result.peers;
  const groupText = peers
    ? t(`scan.peerGroups.${peers.group}`, {
        size: peers.sizeClass
          ? t(`sizeClasses.${peers.sizeClass}`, { defaultValue: peers.sizeClass })
          : '',
        sector: peers.sector ?? '',
        province: peers.province ?? '',
      })
    : '';
  const justSubmitted = (location.state as { justSubmitted?: boolean } | null)?.justSubmitted;
  return (
    <>
      <PageHeader
        title={t('scan.resultTitle')}
        description={t('scan.resultLead', { date: format.date(date) })}
      />
      {justSubmitted ? <Alert variant="success">{t('scan.submitted')}</Alert> : null}
      <div className="wg-grid">
        <Stat label={t('scan.overall')} value={`${n(result.scan.score)} / 100`} />
        <Stat
          label={t('scan.change')}
          value={result.previous ? signed(result.change) : t('scan.firstScan')}
        />
        {peers ? <Stat label={t('scan.peerMedian')} value={n(peers.median)} /> : null}
      </div>
      {result.previous ? (
        <p>
          {t('scan.changeText', {
            previous: n(result.previous.score),
            date: format.date(String(result.previous.submittedAt ?? '').slice(0, 10)),
            change: signed(result.change),
          })}
        </p>
      ) : null}

      <section aria-labelledby="scan-domains" className="wg-stack">
        <h2 id="scan-domains">{t('scan.domainsTitle')}</h2>
        <div role="img" aria-label={t('scan.chartDescription')} style={{ height: 360 }}>
          <Suspense fallback={<Spinner hideLabel />}>
            <DomainChart
              rows={result.domains.map((d) => ({
                domain: pick(lang, d.label, d.labelEn),
                score: d.score ?? 0,
                previous: d.previousScore,
              }))}
              scoreName={t('scan.thisScan')}
              previousName={result.previous ? t('scan.previousScan') : null}
            />
          </Suspense>
        </div>
        <DataTable
          caption={t('scan.domainsCaption')}
          columns={[
            {
              key: 'domain',
              header: t('scan.domain'),
              rowHeader: true,
              cell: (d) => pick(lang, d.label, d.labelEn),
            },
            { key: 'score', header: t('scan.score'), align: 'end', cell: (d) => n(d.score) },
            ...(result.previous
              ? [
                  {
                    key: 'previous',
                    header: t('scan.previousScan'),
                    align: 'end' as const,
                    cell: (d: (typeof result.domains)[number]) => n(d.previousScore),
                  },
                  {
                    key: 'change',
                    header: t('scan.change'),
                    align: 'end' as const,
                    cell: (d: (typeof result.domains)[number]) => signed(d.change),
                  },
                ]
              : []),
          ]}
          rows={result.domains}
          getRowKey={(d) => d.key}
        />
      </section>

      <Card title={t('scan.peersTitle')} asSection>
        {peers ? (
          <>
            <p>
              {t('scan.peersText', {
                group: groupText,
                companies: format.number(peers.companies),
                below: format.percent(peers.shareBelow),
              })}
            </p>
            <DataTable
              caption={t('scan.peersCaption', { group: groupText })}
              columns={[
                { key: 'label', header: t('scan.measure'), rowHeader: true, cell: (r) => r.label },
                { key: 'value', header: t('scan.score'), align: 'end', cell: (r) => n(r.value) },
              ]}
              rows={[
                { label: t('scan.yourScore'), value: result.scan.score },
                { label: t('scan.p25'), value: peers.p25 },
                { label: t('scan.median'), value: peers.median },
                { label: t('scan.p75'), value: peers.p75 },
                { label: t('scan.mean'), value: peers.mean },
              ]}
              getRowKey={(r) => r.label}
            />
          </>
        ) : (
          <p>{t('scan.noPeers')}</p>
        )}
      </Card>

      <section aria-labelledby="scan-suggestions" className="wg-stack">
        <h2 id="scan-suggestions">{t('scan.suggestionsTitle')}</h2>
        {result.suggestions.length ? (
          <ul className="wg-stack">
            {result.suggestions.map((s) => (
              <li key={`${s.domainKey}-${s.componentKey}-${s.text}`}>
                <strong>
                  {pick(
                    lang,
                    result.domains.find((d) => d.key === s.domainKey)?.label ?? '',
                    result.domains.find((d) => d.key === s.domainKey)?.labelEn ?? '',
                  )}
                  :
                </strong>{' '}
                {pick(lang, s.text, s.textEn)}{' '}
                <Link
                  to={`/toolbox/${encodeURIComponent(s.programmeKey)}/${encodeURIComponent(s.componentKey)}`}
                >
                  {t('scan.openComponent', { name: s.componentName ?? s.componentKey })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('scan.noSuggestions')}</p>
        )}
      </section>
      <p>
        <Link to="/scan">{t('scan.back')}</Link>
      </p>
    </>
  );
}
