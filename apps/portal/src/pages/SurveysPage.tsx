import { useQuery } from '@apollo/client/react';
import { PortalProgrammesDocument, PortalSurveysDocument } from '@werkgezond/graphql-client';
import {
  Card,
  EmptyState,
  isoDate,
  PageHeader,
  Spinner,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { actsForOrganisation } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { useViewer } from '../ViewerContext';

/** The evaluation surveys of every programme, with the organisation's response status. */
export function SurveysPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('surveys.title');
  useDocumentTitle(title);
  const acting = actsForOrganisation(viewer);
  const { data, error, loading, refetch } = useQuery(PortalProgrammesDocument, {
    variables: { organisationId: viewer.organisation?.id ?? '', withEligibility: false },
    skip: !acting,
  });
  if (!acting) return <RoleNotice title={title} />;
  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('surveys.loading')} />;
  else if (!data)
    body = (
      <QueryFailure title={t('surveys.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else
    body = (
      <div className="wg-card-list">
        {data.programmes.map((p) => (
          <ProgrammeSurveys key={p.key} programmeKey={p.key} programmeName={p.name} />
        ))}
      </div>
    );
  return (
    <>
      <PageHeader title={title} description={t('surveys.lead')} />
      {body}
    </>
  );
}

function ProgrammeSurveys({
  programmeKey,
  programmeName,
}: {
  programmeKey: string;
  programmeName: string;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(PortalSurveysDocument, {
    variables: { programmeKey, organisationId: viewer.organisation?.id ?? '' },
  });
  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('surveys.loading')} />;
  else if (!data)
    body = (
      <QueryFailure title={t('surveys.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else if (data.surveys.length === 0)
    body = (
      <EmptyState headingLevel={3} title={t('surveys.emptyTitle')}>
        {t('surveys.empty')}
      </EmptyState>
    );
  else
    body = (
      <ul className="wg-plain-list" style={{ listStyle: 'none', paddingLeft: 0 }}>
        {data.surveys.map((survey) => (
          <li key={survey.id} style={{ marginBottom: 'var(--wg-space-4)' }}>
            <h3 style={{ margin: 0, fontSize: '1.125rem' }}>{survey.title}</h3>
            <p style={{ margin: 'var(--wg-space-1) 0' }}>
              <span className={survey.isOpen ? 'wg-badge wg-badge--positive' : 'wg-badge'}>
                {survey.isOpen ? t('surveys.open') : t('surveys.closed')}
              </span>{' '}
              {survey.closesOn
                ? t('surveys.period', {
                    from: format.date(survey.opensOn, 'long'),
                    to: format.date(survey.closesOn, 'long'),
                  })
                : t('surveys.since', { from: format.date(survey.opensOn, 'long') })}
            </p>
            <p style={{ margin: 'var(--wg-space-1) 0' }}>
              {survey.response ? (
                <>
                  {t('surveys.answeredOn')}{' '}
                  <time dateTime={isoDate(survey.response.updatedAt)}>
                    {format.date(survey.response.updatedAt, 'long')}
                  </time>
                </>
              ) : (
                t('surveys.notAnswered')
              )}
            </p>
            <Link to={`/bevragingen/${encodeURIComponent(programmeKey)}/${survey.id}`}>
              {survey.isOpen
                ? survey.response
                  ? t('surveys.edit')
                  : t('surveys.answer')
                : t('surveys.view')}
              <span className="wg-visually-hidden">: {survey.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  return (
    <Card title={programmeName} asSection>
      {body}
    </Card>
  );
}
