import { useQuery } from '@apollo/client/react';
import {
  type ApplicationPage_ApplicationFragment,
  PortalApplicationDocument,
  PortalApplicationDossierDocument,
} from '@werkgezond/graphql-client';
import { Card, isoDate, PageHeader, Spinner, useDocumentTitle, useFormat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actsForApplicant, managesProgramme } from '../access';
import { ContactMoments } from '../components/ContactMoments';
import { DossierSummary } from '../components/DossierSummary';
import { Facts } from '../components/Facts';
import { NoticeBanner } from '../components/Notice';
import { isNotFound, QueryFailure } from '../components/QueryFailure';
import { StageBadge } from '../components/StageBadge';
import { StageTimeline } from '../components/StageTimeline';
import { CaseHandling } from '../manager/CaseHandling';
import { useViewer } from '../ViewerContext';
import { PortalNotFoundPage } from './PortalNotFoundPage';

const hasStage = (app: ApplicationPage_ApplicationFragment, key: string) =>
  app.programme.stages.some((s) => s.key === key);

/** When the application reached a stage (its first event of that stage), if it did. */
export const reachedAt = (app: ApplicationPage_ApplicationFragment, key: string) =>
  app.events.find((e) => e.stage === key)?.occurredAt ?? null;

export function applicationTitle(app: ApplicationPage_ApplicationFragment) {
  return `${app.programme.name} ${app.edition.year}`;
}

/**
 * One application: its facts, its timeline (and, for managers, the follow-up contacts beside
 * it), the coach and trajectory or the award dossier, what
 * the applicant can do next (resume, withdraw, submit the dossier) and, for the programme's
 * managers, the case handling. Someone else's application answers NOT_FOUND: the page then
 * shows nothing of it.
 */
export function ApplicationPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(PortalApplicationDocument, {
    variables: { id },
  });
  const app = data?.application;
  useDocumentTitle(app ? applicationTitle(app) : loading ? t('application.loading') : null);

  if (!app) {
    if (loading)
      return (
        <>
          <PageHeader title={t('application.title')} />
          <Spinner label={t('application.loading')} />
        </>
      );
    if (error && isNotFound(error))
      return (
        <PortalNotFoundPage
          title={t('application.notFoundTitle')}
          description={t('application.notFoundText')}
        />
      );
    return (
      <>
        <PageHeader title={t('application.errorTitle')} />
        <QueryFailure
          title={t('application.errorTitle')}
          error={error}
          onRetry={() => void refetch()}
        />
      </>
    );
  }
  return <ApplicationView app={app} onReload={() => void refetch()} />;
}

function ApplicationView({
  app,
  onReload,
}: {
  app: ApplicationPage_ApplicationFragment;
  onReload: () => void;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const isApplicant = actsForApplicant(viewer, app.organisation.id);
  const isManager = managesProgramme(viewer, app.programme.key);
  const isDraft = !app.submittedAt;
  const canWithdraw = isApplicant && app.nextStages.some((s) => s.key === 'WITHDRAWN');
  const isAward = hasStage(app, 'PARTICIPATED');
  const hasTrajectory = hasStage(app, 'STARTED');

  const date = (value: string | null | undefined) =>
    value ? <time dateTime={isoDate(value)}>{format.date(value, 'long')}</time> : t('common.none');

  return (
    <>
      <PageHeader
        title={applicationTitle(app)}
        description={t('application.lead', { organisation: app.organisation.name })}
      />
      <NoticeBanner />
      {isDraft && isApplicant ? (
        <Card title={t('application.draftTitle')}>
          <p className="wg-card__lead">{t('application.draftText')}</p>
          <Link className="wg-button wg-button--primary" to={`/aanvragen/${app.id}/bewerken`}>
            {t('application.resume')}
          </Link>
        </Card>
      ) : null}
      <div className="wg-portal-two" style={{ marginTop: 'var(--wg-space-4)' }}>
        <div>
          <section className="wg-portal-section" aria-labelledby="application-timeline">
            <h2 id="application-timeline">{t('application.timelineTitle')}</h2>
            <StageTimeline
              events={app.events}
              stages={app.programme.stages}
              currentStage={app.currentStage ?? null}
            />
          </section>
          {isManager && !isDraft ? (
            <section className="wg-portal-section" aria-labelledby="application-contacts">
              <h2 id="application-contacts">{t('application.contactsTitle')}</h2>
              <p className="wg-muted">{t('contacts.lead')}</p>
              <ContactMoments contacts={app.contacts} />
            </section>
          ) : null}
          {isAward && (isApplicant || isManager) && !isDraft ? (
            <DossierBlock app={app} isApplicant={isApplicant} />
          ) : null}
          {app.registrationType === 'GROUP' ? (
            <section className="wg-portal-section" aria-labelledby="application-members">
              <h2 id="application-members">
                {t('application.membersTitle', { count: app.members.length })}
              </h2>
              {app.members.length ? (
                <ul className="wg-plain-list">
                  {app.members.map((member) => (
                    <li key={member.id}>{member.name}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('application.noMembers')}</p>
              )}
            </section>
          ) : null}
        </div>
        <div className="wg-stack">
          <Card title={t('application.factsTitle')}>
            <Facts
              facts={[
                {
                  term: t('application.facts.stage'),
                  value: <StageBadge stage={app.currentStage} />,
                },
                { term: t('application.facts.programme'), value: app.programme.name },
                { term: t('application.facts.edition'), value: app.edition.year },
                { term: t('application.facts.applicant'), value: app.organisation.name },
                {
                  term: t('application.facts.registration'),
                  value:
                    app.registrationType === 'GROUP'
                      ? t('applications.registration.GROUP', { count: app.companyCount })
                      : t('applications.registration.INDIVIDUAL'),
                },
                {
                  term: t('application.facts.channel'),
                  value: app.channel?.name ?? t('application.noChannel'),
                },
                { term: t('application.facts.submittedAt'), value: date(app.submittedAt) },
                ...(hasStage(app, 'APPROVED')
                  ? [
                      {
                        term: t('application.facts.leadTime'),
                        value:
                          app.decisionLeadTimeDays === null ||
                          app.decisionLeadTimeDays === undefined
                            ? t('application.undecided')
                            : t('common.days', {
                                count: app.decisionLeadTimeDays,
                                formatted: format.number(app.decisionLeadTimeDays, {
                                  maximumFractionDigits: 1,
                                }),
                              }),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {hasTrajectory && !isDraft ? (
            <Card title={t('application.coachTitle')}>
              {app.coach ? (
                <p className="wg-card__lead">
                  <strong>{app.coach.fullName}</strong>
                  {app.coach.serviceProvider ? (
                    <>
                      <br />
                      {app.coach.serviceProvider.name}
                    </>
                  ) : null}
                </p>
              ) : (
                <p className="wg-card__lead">{t('application.noCoach')}</p>
              )}
              <Facts
                facts={[
                  {
                    term: t('application.facts.approvedAt'),
                    value: date(reachedAt(app, 'APPROVED')),
                  },
                  {
                    term: t('application.facts.startedAt'),
                    value: date(reachedAt(app, 'STARTED')),
                  },
                  {
                    term: t('application.facts.completedAt'),
                    value: date(reachedAt(app, 'COMPLETED')),
                  },
                ]}
              />
            </Card>
          ) : null}
          {canWithdraw ? (
            <Card title={t('application.withdrawTitle')}>
              <p className="wg-card__lead">{t('application.withdrawText')}</p>
              <Link
                className="wg-button wg-button--secondary"
                to={`/aanvragen/${app.id}/intrekken`}
              >
                {t('application.withdraw')}
              </Link>
            </Card>
          ) : null}
        </div>
      </div>
      {isManager && !isDraft ? <CaseHandling app={app} onReload={onReload} /> : null}
      <p>
        <Link to="/">{t('application.back')}</Link>
      </p>
    </>
  );
}

function DossierBlock({
  app,
  isApplicant,
}: {
  app: ApplicationPage_ApplicationFragment;
  isApplicant: boolean;
}) {
  const { t } = useTranslation('portal');
  const { data, error, loading, refetch } = useQuery(PortalApplicationDossierDocument, {
    variables: { id: app.id },
  });
  const canSubmitDossier = isApplicant && app.nextStages.some((s) => s.key === 'PARTICIPATED');
  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('dossier.loading')} />;
  else if (!data)
    body = (
      <QueryFailure title={t('dossier.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else
    body = (
      <DossierSummary
        application={data.application}
        submittedStage={app.events.some((e) => e.stage === 'PARTICIPATED')}
      />
    );
  return (
    <section className="wg-portal-section" aria-labelledby="application-dossier">
      <h2 id="application-dossier">{t('dossier.title')}</h2>
      {body}
      {canSubmitDossier ? (
        <Link className="wg-button wg-button--primary" to={`/aanvragen/${app.id}/dossier`}>
          {data?.application.dossier ? t('dossier.continue') : t('dossier.start')}
        </Link>
      ) : null}
    </section>
  );
}
