import { useQuery } from '@apollo/client/react';
import {
  type Eligibility_VerdictFragment,
  PortalProgrammesDocument,
  type ProgrammeCard_ProgrammeFragment,
} from '@werkgezond/graphql-client';
import {
  Alert,
  EmptyState,
  PageHeader,
  Spinner,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { actsForOrganisation } from '../access';
import { eligibilityReasonText } from '../components/eligibility';
import { QueryFailure } from '../components/QueryFailure';
import { useViewer } from '../ViewerContext';

/**
 * The programmes with their components and, for a company or network, whether it may take part
 * and why not, as the API's eligibility check says.
 */
export function ProgrammesPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  useDocumentTitle(t('programmes.title'));
  const acting = actsForOrganisation(viewer);
  const { data, error, loading, refetch } = useQuery(PortalProgrammesDocument, {
    variables: { organisationId: viewer.organisation?.id ?? '', withEligibility: acting },
  });

  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('programmes.loading')} />;
  else if (!data)
    body = (
      <QueryFailure
        title={t('programmes.errorTitle')}
        error={error}
        onRetry={() => void refetch()}
      />
    );
  else if (data.programmes.length === 0)
    body = <EmptyState title={t('programmes.emptyTitle')}>{t('programmes.empty')}</EmptyState>;
  else
    body = (
      <div className="wg-card-list">
        {data.programmes.map((programme) => (
          <ProgrammeCard
            key={programme.id}
            programme={programme}
            verdict={'eligibilityFor' in programme ? (programme.eligibilityFor ?? null) : null}
            canApply={acting}
          />
        ))}
      </div>
    );

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        description={
          acting && viewer.organisation
            ? t('programmes.leadOrganisation', { organisation: viewer.organisation.name })
            : t('programmes.lead')
        }
      />
      {body}
    </>
  );
}

function ProgrammeCard({
  programme,
  verdict,
  canApply,
}: {
  programme: ProgrammeCard_ProgrammeFragment;
  verdict: Eligibility_VerdictFragment | null;
  canApply: boolean;
}) {
  const { t, i18n } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const headingId = `programme-${programme.key}`;
  const rules = programme.eligibility;
  const ruleLines = [
    rules.organisationKinds.length
      ? t('programmes.rules.kinds', {
          kinds: rules.organisationKinds
            .map((k) => t(`organisationKinds.${k}`, { defaultValue: k }))
            .join(', '),
        })
      : null,
    rules.maxEmployees !== null && rules.maxEmployees !== undefined
      ? t('programmes.rules.maxEmployees', { max: rules.maxEmployees })
      : null,
    rules.requiresNoPreventionCommittee ? t('programmes.rules.noCommittee') : null,
    rules.provinces.length
      ? t('programmes.rules.provinces', { provinces: rules.provinces.join(', ') })
      : null,
  ].filter((line): line is string => line !== null);
  const hasToolbox = programme.components.some((c) => c.kind === 'TOOLBOX');
  // A network registers groups; the eligibility verdict is about the applicant itself.
  // Only an open call takes applications (the back office opens and closes calls).
  const mayApply =
    !!programme.openCall &&
    canApply &&
    (verdict?.eligible || viewer.roles.includes('NETWORK_COORDINATOR'));

  return (
    <section className="wg-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="wg-card__title">
        {programme.name}
      </h2>
      <p className="wg-card__lead">{programme.description}</p>
      <p>
        {programme.openCall
          ? programme.openCall.closesOn
            ? t('programmes.openCallUntil', {
                name: programme.openCall.name,
                date: format.date(programme.openCall.closesOn, 'long'),
              })
            : t('programmes.openCall', { name: programme.openCall.name })
          : t('programmes.noOpenCall')}
      </p>
      {programme.employerContributionCents ? (
        <p>
          {t('programmes.contribution', {
            amount: format.money(programme.employerContributionCents),
          })}
        </p>
      ) : null}
      <h3>{t('programmes.components')}</h3>
      <ul className="wg-plain-list">
        {programme.components.map((component) => (
          <li key={component.key}>
            <strong>{component.name}</strong>{' '}
            <span className="wg-muted">
              ({t(`componentKinds.${component.kind}`, { defaultValue: component.kind })})
            </span>
            <br />
            {component.description}
          </li>
        ))}
      </ul>
      <h3>{t('programmes.whoTitle')}</h3>
      {ruleLines.length ? (
        <ul className="wg-plain-list">
          {ruleLines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>{t('programmes.rules.open')}</p>
      )}
      {verdict ? (
        verdict.eligible ? (
          <Alert
            variant="success"
            title={t('eligibility.eligible', { programme: programme.name })}
          />
        ) : (
          <Alert
            variant="warning"
            title={t('eligibility.notEligible', { programme: programme.name })}
          >
            <ul className="wg-plain-list">
              {verdict.reasons.map((reason) => (
                <li key={reason.code}>{eligibilityReasonText(t, i18n.language, reason)}</li>
              ))}
            </ul>
            <p>
              {viewer.roles.includes('NETWORK_COORDINATOR')
                ? `${t('eligibility.networkGroup')} `
                : ''}
              <Link to="/profiel">{t('eligibility.checkProfile')}</Link>
            </p>
          </Alert>
        )
      ) : null}
      <div className="wg-form-actions">
        {mayApply ? (
          <Link
            className="wg-button wg-button--primary"
            to={`/aanvragen/nieuw?programma=${encodeURIComponent(programme.key)}`}
          >
            {t('programmes.apply')}
            <span className="wg-visually-hidden"> {programme.name}</span>
          </Link>
        ) : null}
        {hasToolbox && canApply ? <Link to="/toolbox">{t('programmes.toToolbox')}</Link> : null}
      </div>
    </section>
  );
}
