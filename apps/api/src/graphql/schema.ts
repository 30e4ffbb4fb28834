import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver.js';
import { FollowUpEffectResolver } from '../modules/analytics/follow-up-effect.resolver.js';
import { PublishedFigureReconciliationResolver } from '../modules/analytics/reconciliation.resolver.js';
import { ApplicationResolver } from '../modules/application/application.resolver.js';
import { ApplicationLifecycleResolver } from '../modules/application/application-lifecycle.resolver.js';
import { DossierResolver } from '../modules/application/dossier.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { CoachResolver } from '../modules/coach/coach.resolver.js';
import { CoachAdminResolver } from '../modules/coach/coach-admin.resolver.js';
import { FollowUpResolver } from '../modules/follow-up/follow-up.resolver.js';
import { FundingResolver } from '../modules/funding/funding.resolver.js';
import { ImportResolver } from '../modules/import/import.resolver.js';
import { MailResolver } from '../modules/mail/mail.resolver.js';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver.js';
import { OutreachResolver } from '../modules/outreach/outreach.resolver.js';
import { ProgrammeResolver } from '../modules/programme/programme.resolver.js';
import { ProgrammeAdminResolver } from '../modules/programme/programme-admin.resolver.js';
import { PublishedFigureResolver } from '../modules/published-figure/published-figure.resolver.js';
import { ScanResolver } from '../modules/scan/scan.resolver.js';
import { StaffResolver } from '../modules/staff/staff.resolver.js';
import { SurveyResolver } from '../modules/survey/survey.resolver.js';
import { SurveyAdminResolver } from '../modules/survey/survey-admin.resolver.js';
import { ResearchKeyResolver } from '../research/research-key.resolver.js';
import { authChecker } from './policy.js';
import { answerPreloaded } from './preloaded.js';

export const resolvers = [
  AuthResolver,
  ProgrammeResolver,
  OrganisationResolver,
  ApplicationResolver,
  ApplicationLifecycleResolver,
  DossierResolver,
  SurveyResolver,
  ScanResolver,
  CoachResolver,
  OutreachResolver,
  FundingResolver,
  ImportResolver,
  PublishedFigureResolver,
  ResearchKeyResolver,
  AnalyticsResolver,
  PublishedFigureReconciliationResolver,
  // Back office (issue 11)
  ProgrammeAdminResolver,
  CoachAdminResolver,
  SurveyAdminResolver,
  StaffResolver,
  AuditResolver,
  MailResolver,
  FollowUpResolver,
  FollowUpEffectResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global, so rebuilding gains nothing. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...resolvers],
    validate: false,
    authChecker,
    authMode: 'error',
  }).then(answerPreloaded);
  return cached;
}
