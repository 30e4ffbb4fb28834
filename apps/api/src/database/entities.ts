import {
  ChangeLogEntity,
  FunnelCellEntity,
  FunnelLagEntity,
  RollupProgrammeEntity,
  RollupStateEntity,
} from '../modules/analytics/analytics.entity.js';
import {
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationMemberEntity,
  AttachmentEntity,
  ParticipationDossierEntity,
} from '../modules/application/application.entity.js';
import { AuditRecordEntity } from '../modules/audit/audit.entity.js';
import { RoleGrantEntity, SessionEntity, UserEntity } from '../modules/auth/user.entity.js';
import { CoachEntity } from '../modules/coach/coach.entity.js';
import { ApplicationContactEntity } from '../modules/follow-up/follow-up.entity.js';
import {
  BudgetAllocationEntity,
  ExpenditureEntity,
  FundingSourceEntity,
} from '../modules/funding/funding.entity.js';
import {
  ImportIssueEntity,
  ImportMappingEntity,
  ImportRecordEntity,
  ImportRunEntity,
} from '../modules/import/import.entity.js';
import { IndicatorMeasurementEntity } from '../modules/indicator/indicator.entity.js';
import { MailOutboxEntity } from '../modules/mail/mail.entity.js';
import {
  NetworkMembershipEntity,
  OrganisationEntity,
  OrganisationProfileChangeEntity,
} from '../modules/organisation/organisation.entity.js';
import { CampaignEntity, OutreachChannelEntity } from '../modules/outreach/outreach.entity.js';
import {
  EditionEntity,
  ProgrammeComponentEntity,
  ProgrammeEntity,
  StageDefinitionEntity,
  ToolboxUseEntity,
} from '../modules/programme/programme.entity.js';
import { PublishedFigureEntity } from '../modules/published-figure/published-figure.entity.js';
import {
  HealthPolicyScanEntity,
  ScanDomainEntity,
  ScanInstrumentEntity,
  ScanItemEntity,
} from '../modules/scan/scan.entity.js';
import { InvitationEntity } from '../modules/staff/invitation.entity.js';
import {
  SurveyEntity,
  SurveyQuestionEntity,
  SurveyResponseEntity,
} from '../modules/survey/survey.entity.js';
import { ResearchApiKeyEntity } from '../research/research-key.entity.js';
import { ResearchQueryLogEntity } from '../research/research-query-log.entity.js';

export const entities = [
  OrganisationEntity,
  NetworkMembershipEntity,
  ProgrammeEntity,
  ProgrammeComponentEntity,
  StageDefinitionEntity,
  EditionEntity,
  FundingSourceEntity,
  BudgetAllocationEntity,
  ExpenditureEntity,
  OutreachChannelEntity,
  CampaignEntity,
  CoachEntity,
  ApplicationEntity,
  ApplicationMemberEntity,
  ApplicationEventEntity,
  SurveyEntity,
  SurveyQuestionEntity,
  SurveyResponseEntity,
  IndicatorMeasurementEntity,
  PublishedFigureEntity,
  UserEntity,
  RoleGrantEntity,
  SessionEntity,
  OrganisationProfileChangeEntity,
  ParticipationDossierEntity,
  AttachmentEntity,
  ToolboxUseEntity,
  FunnelCellEntity,
  FunnelLagEntity,
  RollupStateEntity,
  RollupProgrammeEntity,
  ChangeLogEntity,
  ResearchApiKeyEntity,
  ScanInstrumentEntity,
  ScanDomainEntity,
  ScanItemEntity,
  HealthPolicyScanEntity,
  ResearchQueryLogEntity,
  AuditRecordEntity,
  InvitationEntity,
  MailOutboxEntity,
  ApplicationContactEntity,
  ImportRunEntity,
  ImportIssueEntity,
  ImportMappingEntity,
  ImportRecordEntity,
];
