import { useQuery } from '@apollo/client/react';
import { PortalProgrammesDocument, PortalToolboxDocument } from '@werkgezond/graphql-client';
import {
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

/** The online toolbox: the programmes' TOOLBOX components, with when the company last used each. */
export function ToolboxPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('toolbox.title');
  useDocumentTitle(title);
  const acting = actsForOrganisation(viewer);
  const { data, error, loading, refetch } = useQuery(PortalProgrammesDocument, {
    variables: { organisationId: viewer.organisation?.id ?? '', withEligibility: false },
    skip: !acting,
  });
  if (!acting) return <RoleNotice title={title} />;
  const withToolbox =
    data?.programmes.filter((p) => p.components.some((c) => c.kind === 'TOOLBOX')) ?? [];
  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('toolbox.loading')} />;
  else if (!data)
    body = (
      <QueryFailure title={t('toolbox.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else if (withToolbox.length === 0)
    body = <EmptyState title={t('toolbox.emptyTitle')}>{t('toolbox.empty')}</EmptyState>;
  else body = withToolbox.map((p) => <ProgrammeToolbox key={p.key} programmeKey={p.key} />);
  return (
    <>
      <PageHeader title={title} description={t('toolbox.lead')} />
      {body}
    </>
  );
}

function ProgrammeToolbox({ programmeKey }: { programmeKey: string }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(PortalToolboxDocument, {
    variables: { programmeKey, organisationId: viewer.organisation?.id ?? '' },
  });
  if (loading && !data) return <Spinner label={t('toolbox.loading')} />;
  if (!data)
    return (
      <QueryFailure title={t('toolbox.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  const programme = data.programme;
  const lastUse = new Map(programme.toolboxUse.map((u) => [u.componentKey, u.lastUsedAt]));
  return (
    <section aria-labelledby={`toolbox-${programme.key}`} className="wg-portal-section">
      <h2 id={`toolbox-${programme.key}`}>
        {t('toolbox.ofProgramme', { programme: programme.name })}
      </h2>
      <div className="wg-grid">
        {programme.components
          .filter((c) => c.kind === 'TOOLBOX')
          .map((component) => {
            const used = lastUse.get(component.key);
            return (
              <div className="wg-card" key={component.key}>
                <h3 className="wg-card__title" style={{ marginTop: 0 }}>
                  {component.name}
                </h3>
                <p>{component.description}</p>
                <p className="wg-muted">
                  {used ? (
                    <>
                      {t('toolbox.lastUsed')}{' '}
                      <time dateTime={isoDate(used)}>{format.date(used, 'long')}</time>
                    </>
                  ) : (
                    t('toolbox.notUsed')
                  )}
                </p>
                <Link
                  className="wg-button wg-button--secondary"
                  to={`/toolbox/${encodeURIComponent(programme.key)}/${encodeURIComponent(component.key)}`}
                >
                  {t('toolbox.open')}
                  <span className="wg-visually-hidden">: {component.name}</span>
                </Link>
              </div>
            );
          })}
      </div>
    </section>
  );
}
