import { useMutation, useQuery } from '@apollo/client/react';
import { PortalToolboxDocument, RecordToolboxUseDocument } from '@werkgezond/graphql-client';
import { Alert, PageHeader, Spinner, useDocumentTitle, useFormat } from '@werkgezond/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actsForOrganisation } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure } from '../forms/serverErrors';
import { useViewer } from '../ViewerContext';
import { PortalNotFoundPage } from './PortalNotFoundPage';

/** Components whose steps the portal shows (i18n keys under toolbox.content.<key>). */
const WITH_CONTENT = new Set([
  'stappenplan-eigen-beleid',
  'stappenplan-samenwerking',
  'leidraad-leefstijladvies',
]);

interface Step {
  title: string;
  text: string;
}

/**
 * One toolbox component. Opening it records the company's use once per visit (the evaluation
 * counts use per company and component).
 */
export function ToolboxComponentPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const { programmeKey = '', componentKey = '' } = useParams();
  const acting = actsForOrganisation(viewer);
  const { data, error, loading, refetch } = useQuery(PortalToolboxDocument, {
    variables: { programmeKey, organisationId: viewer.organisation?.id ?? '' },
    skip: !acting,
  });
  const component = data?.programme.components.find(
    (c) => c.key === componentKey && c.kind === 'TOOLBOX',
  );
  useDocumentTitle(component?.name ?? t('toolbox.title'));
  if (!acting) return <RoleNotice title={t('toolbox.title')} />;
  if (loading && !data)
    return (
      <>
        <PageHeader title={t('toolbox.title')} />
        <Spinner label={t('toolbox.loading')} />
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader title={t('toolbox.title')} />
        <QueryFailure
          title={t('toolbox.errorTitle')}
          error={error}
          onRetry={() => void refetch()}
        />
      </>
    );
  if (!component) return <PortalNotFoundPage />;
  const steps = WITH_CONTENT.has(component.key)
    ? (t(`toolbox.content.${component.key}.steps`, { returnObjects: true }) as Step[])
    : [];
  return (
    <>
      <PageHeader title={component.name} description={component.description} />
      <UseRecorder programmeKey={programmeKey} componentKey={component.key} />
      {steps.length > 0 ? (
        <section className="wg-portal-section" aria-labelledby="toolbox-steps">
          <h2 id="toolbox-steps">{t(`toolbox.content.${component.key}.title`)}</h2>
          <p>{t(`toolbox.content.${component.key}.intro`)}</p>
          <ol className="wg-stack" style={{ paddingLeft: 'var(--wg-space-6)' }}>
            {steps.map((step) => (
              <li key={step.title}>
                <strong>{step.title}</strong>
                <br />
                {step.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <Link to="/toolbox">{t('toolbox.back')}</Link>
      </p>
    </>
  );
}

function UseRecorder({
  programmeKey,
  componentKey,
}: {
  programmeKey: string;
  componentKey: string;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const recorded = useRef<string | null>(null);
  const [record, { data, error }] = useMutation(RecordToolboxUseDocument, {
    refetchQueries: [PortalToolboxDocument],
  });
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    // Once per component visit, also under StrictMode's double effects.
    const key = `${programmeKey}/${componentKey}`;
    if (recorded.current === key) return;
    recorded.current = key;
    record({
      variables: { programmeKey, componentKey, organisationId: viewer.organisation?.id ?? '' },
    }).catch((e: unknown) => setFailed(describeFailure(e, t, () => undefined).form));
  }, [programmeKey, componentKey, record, viewer.organisation?.id, t]);
  if (failed || error)
    return <Alert variant="warning">{t('toolbox.notRecorded', { reason: failed ?? '' })}</Alert>;
  if (!data) return null;
  return (
    <p className="wg-muted" role="status">
      {t('toolbox.recorded', {
        date: data.recordToolboxUse.lastUsedAt
          ? format.dateTime(data.recordToolboxUse.lastUsedAt)
          : '',
      })}
    </p>
  );
}
