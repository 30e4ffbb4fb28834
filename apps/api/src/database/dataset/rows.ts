import type {
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationMemberEntity,
} from '../../modules/application/application.entity.js';
import type { CoachEntity } from '../../modules/coach/coach.entity.js';
import type {
  BudgetAllocationEntity,
  ExpenditureEntity,
  FundingSourceEntity,
} from '../../modules/funding/funding.entity.js';
import type { IndicatorMeasurementEntity } from '../../modules/indicator/indicator.entity.js';
import type {
  NetworkMembershipEntity,
  OrganisationEntity,
} from '../../modules/organisation/organisation.entity.js';
import type {
  CampaignEntity,
  OutreachChannelEntity,
} from '../../modules/outreach/outreach.entity.js';
import type {
  EditionEntity,
  ProgrammeComponentEntity,
  ProgrammeEntity,
  StageDefinitionEntity,
} from '../../modules/programme/programme.entity.js';
import type { PublishedFigureEntity } from '../../modules/published-figure/published-figure.entity.js';
import type {
  HealthPolicyScanEntity,
  ScanDomainEntity,
  ScanInstrumentEntity,
  ScanItemEntity,
} from '../../modules/scan/scan.entity.js';
import type {
  SurveyEntity,
  SurveyQuestionEntity,
  SurveyResponseEntity,
} from '../../modules/survey/survey.entity.js';

/*
 * Dataset rows are the entities' column properties without relations, so a renamed or added
 * column breaks the generator at compile time instead of loading nulls.
 */
/** Referral attribution starts empty: nobody in the dataset signed up through a tracked link. */
export type OrganisationRow = Omit<OrganisationEntity, 'firstTouchChannelId' | 'firstTouchChannel'>;
export type NetworkMembershipRow = Omit<NetworkMembershipEntity, 'network' | 'member'>;
/** Follow-up thresholds keep their column defaults; coaches' contact is not in the dataset. */
export type ProgrammeRow = Omit<
  ProgrammeEntity,
  'operator' | 'followUpStartDays' | 'followUpProgressDays'
>;
export type ProgrammeComponentRow = Omit<ProgrammeComponentEntity, 'programme'>;
export type StageDefinitionRow = Omit<StageDefinitionEntity, 'programme'>;
export type EditionRow = Omit<EditionEntity, 'programme'>;
export type FundingSourceRow = Omit<FundingSourceEntity, 'organisation'>;
export type BudgetAllocationRow = Omit<
  BudgetAllocationEntity,
  'programme' | 'fundingSource' | 'edition'
>;
export type ExpenditureRow = Omit<ExpenditureEntity, 'programme' | 'fundingSource'>;
export type OutreachChannelRow = Omit<
  OutreachChannelEntity,
  'organisation' | 'referralCode' | 'referralIssuedAt'
>;
export type CampaignRow = Omit<CampaignEntity, 'channel' | 'programme'>;
/** capacity and active keep their column defaults (no limit recorded, active); no contact. */
export type CoachRow = Omit<
  CoachEntity,
  'programme' | 'serviceProvider' | 'capacity' | 'active' | 'email' | 'phone'
>;
export type ApplicationRow = Omit<
  ApplicationEntity,
  'programme' | 'edition' | 'organisation' | 'channel' | 'coach'
>;
export type ApplicationMemberRow = Omit<ApplicationMemberEntity, 'application' | 'organisation'>;
/** The id is an identity column the database assigns. */
export type ApplicationEventRow = Omit<ApplicationEventEntity, 'id' | 'application'>;
export type SurveyRow = Omit<SurveyEntity, 'programme' | 'edition'>;
export type SurveyQuestionRow = Omit<SurveyQuestionEntity, 'survey'>;
export type SurveyResponseRow = Omit<SurveyResponseEntity, 'survey' | 'organisation'>;
export type IndicatorMeasurementRow = Omit<IndicatorMeasurementEntity, 'organisation'>;
export type ScanInstrumentRow = ScanInstrumentEntity;
export type ScanDomainRow = Omit<ScanDomainEntity, 'instrument'>;
export type ScanItemRow = Omit<ScanItemEntity, 'instrument'>;
export type HealthPolicyScanRow = Omit<
  HealthPolicyScanEntity,
  'organisation' | 'instrument' | 'indicatorMeasurement'
>;
export type PublishedFigureRow = PublishedFigureEntity;

export interface DatasetTables {
  organisation: OrganisationRow[];
  network_membership: NetworkMembershipRow[];
  programme: ProgrammeRow[];
  programme_component: ProgrammeComponentRow[];
  stage_definition: StageDefinitionRow[];
  edition: EditionRow[];
  funding_source: FundingSourceRow[];
  budget_allocation: BudgetAllocationRow[];
  outreach_channel: OutreachChannelRow[];
  campaign: CampaignRow[];
  coach: CoachRow[];
  application: ApplicationRow[];
  application_member: ApplicationMemberRow[];
  application_event: ApplicationEventRow[];
  expenditure: ExpenditureRow[];
  survey: SurveyRow[];
  survey_question: SurveyQuestionRow[];
  survey_response: SurveyResponseRow[];
  indicator_measurement: IndicatorMeasurementRow[];
  scan_instrument: ScanInstrumentRow[];
  scan_domain: ScanDomainRow[];
  scan_item: ScanItemRow[];
  health_policy_scan: HealthPolicyScanRow[];
  published_figure: PublishedFigureRow[];
}

export type TableName = keyof DatasetTables;
export type RowOf<T extends TableName> = DatasetTables[T][number];

/** A slice of the dataset; the loader writes its tables in TABLE_ORDER. */
export type DatasetChunk = { [T in TableName]?: DatasetTables[T] };

type Columns = { [T in TableName]: readonly (keyof RowOf<T> & string)[] };

/**
 * Insert order (parents before children, so foreign keys hold after every chunk) and the
 * column list of each table, as row property names; SQL names are their snake_case.
 */
export const TABLE_COLUMNS: Columns = {
  organisation: [
    'id',
    'kind',
    'kboNumber',
    'name',
    'employeeCount',
    'sizeClass',
    'naceCode',
    'naceSection',
    'province',
    'municipality',
    'postalCode',
    'businessPark',
    'hasPreventionCommittee',
    'createdAt',
  ],
  network_membership: ['networkId', 'memberId', 'joinedOn'],
  programme: [
    'id',
    'key',
    'name',
    'description',
    'operatorId',
    'eligibility',
    'employerContributionCents',
    'approvedOn',
    'launchedOn',
  ],
  programme_component: ['id', 'programmeId', 'key', 'kind', 'name', 'description', 'position'],
  stage_definition: [
    'id',
    'programmeId',
    'key',
    'label',
    'kind',
    'position',
    'requiresStep',
    'beforeStep',
  ],
  edition: ['id', 'programmeId', 'year', 'name', 'opensOn', 'closesOn', 'status'],
  funding_source: ['id', 'key', 'name', 'organisationId'],
  budget_allocation: [
    'id',
    'programmeId',
    'fundingSourceId',
    'year',
    'editionId',
    'amountCents',
    'description',
  ],
  outreach_channel: ['id', 'key', 'name', 'kind', 'organisationId'],
  campaign: ['id', 'channelId', 'programmeId', 'name', 'agency', 'startsOn', 'endsOn', 'costCents'],
  coach: ['id', 'programmeId', 'serviceProviderId', 'fullName', 'activeFrom', 'activeUntil'],
  application: [
    'id',
    'programmeId',
    'editionId',
    'organisationId',
    'registrationType',
    'channelId',
    'coachId',
    'companyCount',
    'idempotencyKey',
    'createdAt',
    'version',
    'stage1At',
    'stage2At',
    'stage3At',
    'stage4At',
    'exitStage',
    'exitAt',
    'exitReason',
  ],
  application_member: ['applicationId', 'organisationId'],
  application_event: [
    'applicationId',
    'stage',
    'occurredAt',
    'actor',
    'reasonCode',
    'reasonText',
    'recordedAt',
  ],
  expenditure: [
    'id',
    'programmeId',
    'fundingSourceId',
    'editionId',
    'category',
    'amountCents',
    'spentOn',
    'applicationId',
    'description',
  ],
  survey: [
    'id',
    'key',
    'programmeId',
    'editionId',
    'title',
    'opensOn',
    'closesOn',
    'status',
    'moment',
    'currentVersion',
  ],
  survey_question: [
    'id',
    'surveyId',
    'version',
    'key',
    'text',
    'required',
    'kind',
    'options',
    'componentKey',
    'position',
  ],
  survey_response: [
    'id',
    'surveyId',
    'organisationId',
    'version',
    'answers',
    'submittedAt',
    'updatedAt',
  ],
  indicator_measurement: ['id', 'organisationId', 'measuredOn', 'score', 'source'],
  scan_instrument: ['id', 'key', 'version', 'title', 'titleEn', 'levels', 'publishedOn'],
  scan_domain: ['id', 'instrumentId', 'key', 'label', 'labelEn', 'suggestions', 'position'],
  scan_item: [
    'id',
    'instrumentId',
    'domainKey',
    'key',
    'text',
    'textEn',
    'maxPoints',
    'required',
    'position',
  ],
  health_policy_scan: [
    'id',
    'organisationId',
    'instrumentId',
    'status',
    'answers',
    'score',
    'domainScores',
    'startedAt',
    'updatedAt',
    'submittedAt',
    'indicatorMeasurementId',
  ],
  published_figure: [
    'id',
    'programmeKey',
    'metric',
    'period',
    'valueNumber',
    'valueText',
    'check',
    'checkRule',
    'speaker',
    'sourceDocument',
  ],
};

export const TABLE_ORDER = Object.keys(TABLE_COLUMNS) as TableName[];

/** stage1At → stage1_at, kboNumber → kbo_number. */
export function columnName(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function emptyTables(): DatasetTables {
  const t = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_ORDER) t[name] = [];
  return t as unknown as DatasetTables;
}
