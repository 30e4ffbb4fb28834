/**
 * GraphQL types of the disclosure-safe analytics queries (funnel, snapshots, cohorts, channels,
 * lead time, drop-off). Names follow the evaluator API (/graphql) with a Research prefix where a
 * type differs: every count is a CountCell, every statistic a RateCell or StatCell, dates are
 * month ends and there is no free text.
 */
import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProportionTestEnum } from '../modules/analytics/cohort.types.js';
import { CountCell, ProtectionInfo, RateCell, StatCell } from './research.types.js';

export const RESEARCH_FUNNEL_DIMENSIONS = [
  'EDITION',
  'CHANNEL',
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'REGISTRATION_TYPE',
  'HAS_PREVENTION_COMMITTEE',
] as const;
export type ResearchFunnelDimension = (typeof RESEARCH_FUNNEL_DIMENSIONS)[number];
export const ResearchFunnelDimensionEnum = Object.fromEntries(
  RESEARCH_FUNNEL_DIMENSIONS.map((d) => [d, d]),
);
registerEnumType(ResearchFunnelDimensionEnum, {
  name: 'ResearchFunnelDimension',
  description:
    'A breakdown of the funnel (the dimensions of the evaluator API, without service providers: ' +
    'they are organisations). Company attributes are each counted company’s own.',
  valuesConfig: {
    EDITION: { description: 'Edition (entry cohort); key: the year.' },
    CHANNEL: { description: 'First-touch outreach channel.' },
    SIZE_CLASS: { description: 'MICRO, SMALL, MEDIUM, LARGE.' },
    SECTOR: { description: 'NACE section letter A–U.' },
    PROVINCE: { description: 'Province.' },
    REGISTRATION_TYPE: { description: 'INDIVIDUAL or GROUP.' },
    HAS_PREVENTION_COMMITTEE: { description: '"true" / "false".' },
  },
});

export const RESEARCH_UNITS = ['APPLICATIONS', 'COMPANIES'] as const;
export type ResearchUnit = (typeof RESEARCH_UNITS)[number];
export const ResearchUnitEnum = Object.fromEntries(RESEARCH_UNITS.map((u) => [u, u]));
registerEnumType(ResearchUnitEnum, {
  name: 'ResearchUnit',
  description:
    'What the counts count. Which numbers are withheld does not depend on it: the pattern rests ' +
    'on the companies behind each cell, so the two units cannot be played off against each other.',
  valuesConfig: {
    APPLICATIONS: {
      description:
        'Applications (registrations). With a breakdown by a company attribute, a group ' +
        'registration counts once in every group one of its companies falls in.',
    },
    COMPANIES: {
      description:
        'Companies per application: a group registration counts every company it represents; ' +
        'a company with applications in several editions counts once per application.',
    },
  },
});

@InputType({
  description:
    'Restrict to these values per dimension; an empty or missing list does not restrict. The ' +
    'population guard applies (POPULATION_TOO_SMALL, see ResearchFilter).',
})
export class ResearchFunnelFilter {
  @Field(() => [Int], { nullable: true, description: 'Edition years.' }) editions?: number[] | null;
  @Field(() => [String], { nullable: true }) channels?: string[] | null;
  @Field(() => [String], { nullable: true }) sizeClasses?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'NACE section letters.' })
  sectors?: string[] | null;
  @Field(() => [String], { nullable: true }) provinces?: string[] | null;
  @Field(() => [String], { nullable: true }) registrationTypes?: string[] | null;
  @Field(() => [Boolean], { nullable: true }) hasPreventionCommittee?: boolean[] | null;
}

const AS_OF =
  'The last day of a month (Brussels calendar; other days are refused). Year ends are the ' +
  'reference dates; at other month ends only numbers unchanged since the year end before or ' +
  'until the year end after are shown (DIFFERENCING). Null: everything recorded.';

@InputType()
export class ResearchFunnelInput {
  @Field(() => String, { description: 'nv-gezond or gezondheidscoaches.' }) programmeKey!: string;
  @Field(() => [Int], { nullable: true, description: 'Editions (entry cohorts) by year.' })
  years?: number[] | null;
  @Field(() => GraphQLDate, { nullable: true, description: AS_OF }) asOf?: Date | null;
  @Field(() => ResearchUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
  unit?: ResearchUnit | null;
  @Field(() => [ResearchFunnelDimensionEnum], { nullable: true, description: 'At most two.' })
  breakdownBy?: ResearchFunnelDimension[] | null;
  @Field(() => ResearchFunnelFilter, { nullable: true }) filter?: ResearchFunnelFilter | null;
}

@ObjectType({ description: 'The value of one breakdown dimension for a group.' })
export class ResearchGroupKey {
  @Field(() => ResearchFunnelDimensionEnum) dimension!: ResearchFunnelDimension;
  @Field(() => String, { nullable: true, description: 'Null = unknown.' }) key!: string | null;
  @Field(() => String) label!: string;
}

@ObjectType({ description: 'One funnel step: units that reached it by the date (cumulative).' })
export class ResearchFunnelStep {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) position!: number;
  @Field(() => CountCell, { description: 'Units that reached this step.' }) count!: CountCell;
  @Field(() => RateCell, { nullable: true, description: 'Conversion from the previous step.' })
  fromPrevious!: RateCell | null;
  @Field(() => RateCell, { description: 'Conversion from the first step.' }) fromFirst!: RateCell;
  @Field(() => CountCell, {
    nullable: true,
    description: 'Previous step minus this one (DERIVED when either is withheld).',
  })
  dropOff!: CountCell | null;
  @Field(() => CountCell, {
    nullable: true,
    description:
      'Of the drop-off: units that left through an exit at the previous step. Derived from the ' +
      'published reason counts (programme level only; DERIVED in groups or when one is withheld).',
  })
  exited!: CountCell | null;
  @Field(() => CountCell, {
    nullable: true,
    description:
      'Of the drop-off: units still at the previous step (drop-off minus exited; DERIVED when ' +
      'either is).',
  })
  inProgress!: CountCell | null;
  @Field(() => StatCell, {
    nullable: true,
    description: 'Median whole days from the previous step.',
  })
  medianDaysFromPrevious!: StatCell | null;
  @Field(() => StatCell, { nullable: true, description: '90th percentile of those days.' })
  p90DaysFromPrevious!: StatCell | null;
}

@ObjectType({ description: 'A reason code recorded with an exit (no free text).' })
export class ResearchReasonCount {
  @Field(() => String, { nullable: true, description: 'Reason code; null: none recorded.' })
  reason!: string | null;
  @Field(() => CountCell) count!: CountCell;
  @Field(() => RateCell, { description: 'Share of the units that left.' }) share!: RateCell;
}

@ObjectType({ description: 'A negative exit (rejected, withdrawn, dropped out) by the date.' })
export class ResearchFunnelExit {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => CountCell) count!: CountCell;
  @Field(() => [ResearchReasonCount], {
    description: 'Reason codes, at the programme level only (empty in groups).',
  })
  reasons!: ResearchReasonCount[];
}

@ObjectType({ description: 'The funnel of one breakdown group.' })
export class ResearchFunnelGroup {
  @Field(() => [ResearchGroupKey]) key!: ResearchGroupKey[];
  @Field(() => [ResearchFunnelStep]) steps!: ResearchFunnelStep[];
  @Field(() => [ResearchFunnelExit]) exits!: ResearchFunnelExit[];
}

@ObjectType({
  description:
    'A programme funnel at a month end, every number under disclosure control; groups form a ' +
    'complete table (zeros included) that agrees with the answers with fewer breakdowns.',
})
export class ResearchFunnel {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) programmeName!: string;
  @Field(() => ResearchUnitEnum) unit!: ResearchUnit;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => [ResearchFunnelDimensionEnum]) breakdownBy!: ResearchFunnelDimension[];
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => [GraphQLDate], { description: 'The reference dates (year ends) of the programme.' })
  referenceDates!: string[];
  @Field(() => [ResearchFunnelStep]) steps!: ResearchFunnelStep[];
  @Field(() => [ResearchFunnelExit]) exits!: ResearchFunnelExit[];
  @Field(() => [ResearchFunnelGroup]) groups!: ResearchFunnelGroup[];
}

@ObjectType()
export class ResearchStageCount {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => CountCell) count!: CountCell;
}

@ObjectType()
export class ResearchSnapshotGroup {
  @Field(() => [ResearchGroupKey]) key!: ResearchGroupKey[];
  @Field(() => [ResearchStageCount]) steps!: ResearchStageCount[];
  @Field(() => [ResearchStageCount]) exits!: ResearchStageCount[];
}

@ObjectType({ description: 'Cumulative counts per step and exit through the end of a month.' })
export class ResearchFunnelSnapshot {
  @Field(() => GraphQLDate) at!: string;
  @Field(() => Boolean, { description: 'A reference date (year end, or after the last event).' })
  reference!: boolean;
  @Field(() => [ResearchStageCount]) steps!: ResearchStageCount[];
  @Field(() => [ResearchStageCount]) exits!: ResearchStageCount[];
  @Field(() => [ResearchSnapshotGroup]) groups!: ResearchSnapshotGroup[];
}

@ObjectType({ description: 'The table of a parliamentary answer: one column per month end.' })
export class ResearchFunnelSnapshots {
  @Field(() => String) programmeKey!: string;
  @Field(() => ResearchUnitEnum) unit!: ResearchUnit;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => [ResearchFunnelDimensionEnum]) breakdownBy!: ResearchFunnelDimension[];
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => [ResearchFunnelSnapshot], { description: 'In date order.' })
  snapshots!: ResearchFunnelSnapshot[];
}

// ---------------------------------------------------------------------------------------------
// Cohorts

@InputType({ description: 'A cohort: a label of your choice (echoed back) and a filter.' })
export class ResearchCohortInput {
  @Field(() => String) label!: string;
  @Field(() => ResearchFunnelFilter, { nullable: true }) filter?: ResearchFunnelFilter | null;
}

@InputType()
export class ResearchCohortComparisonInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => [ResearchCohortInput], { description: 'At most 6.' })
  cohorts!: ResearchCohortInput[];
  @Field(() => String, { nullable: true, description: 'Baseline label (default: the first).' })
  baseline?: string | null;
  @Field(() => [Int], { nullable: true }) years?: number[] | null;
  @Field(() => GraphQLDate, { nullable: true, description: AS_OF }) asOf?: Date | null;
  @Field(() => ResearchUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
  unit?: ResearchUnit | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Groups smaller than this are flagged too small; never below the threshold.',
  })
  minGroupSize?: number | null;
}

@ObjectType({
  description:
    'A cohort rate against the baseline rate; withheld (DERIVED) with any withheld count.',
})
export class ResearchProportionComparison {
  @Field(() => Float, { nullable: true }) cohortRate!: number | null;
  @Field(() => Float, { nullable: true }) baselineRate!: number | null;
  @Field(() => Float, { nullable: true }) difference!: number | null;
  @Field(() => Float, { nullable: true }) pValue!: number | null;
  @Field(() => ProportionTestEnum, { nullable: true }) test!: 'FISHER' | 'CHI_SQUARE' | null;
  @Field(() => Boolean, { nullable: true }) tooSmall!: boolean | null;
  @Field(() => Boolean) suppressed!: boolean;
  @Field(() => String, { nullable: true, description: 'DERIVED when withheld.' })
  reason!: string | null;
}

@ObjectType()
export class ResearchStepComparison {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => ResearchProportionComparison, { nullable: true })
  fromPrevious!: ResearchProportionComparison | null;
  @Field(() => ResearchProportionComparison, { nullable: true })
  fromFirst!: ResearchProportionComparison | null;
}

@ObjectType()
export class ResearchCohortResult {
  @Field(() => String) label!: string;
  @Field(() => Boolean) isBaseline!: boolean;
  @Field(() => [ResearchFunnelStep]) steps!: ResearchFunnelStep[];
  @Field(() => [ResearchStepComparison], { nullable: true, description: 'Null for the baseline.' })
  comparisons!: ResearchStepComparison[] | null;
}

@ObjectType({ description: 'Funnel rates per cohort against a baseline.' })
export class ResearchCohortComparison {
  @Field(() => String) programmeKey!: string;
  @Field(() => ResearchUnitEnum) unit!: ResearchUnit;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => String) baseline!: string;
  @Field(() => Int) minGroupSize!: number;
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => [ResearchCohortResult]) cohorts!: ResearchCohortResult[];
}

// ---------------------------------------------------------------------------------------------
// Channels

@InputType()
export class ResearchChannelPerformanceInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => [Int], { nullable: true }) years?: number[] | null;
  @Field(() => GraphQLDate, { nullable: true, description: AS_OF }) asOf?: Date | null;
  @Field(() => ResearchUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
  unit?: ResearchUnit | null;
  @Field(() => ResearchFunnelFilter, { nullable: true }) filter?: ResearchFunnelFilter | null;
}

@ObjectType()
export class ResearchChannelStep {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => CountCell) count!: CountCell;
  @Field(() => RateCell) fromFirst!: RateCell;
  @Field(() => StatCell, { description: 'Campaign cost per unit at this step, in cents.' })
  costPerUnitCents!: StatCell;
}

@ObjectType({ description: 'One outreach channel (first touch).' })
export class ResearchChannel {
  @Field(() => String, { nullable: true, description: 'Null: no channel named.' })
  key!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Rank by first-step count among the channels whose count is published (null when ' +
      'withheld); rankCertain says whether no withheld channel can be larger.',
  })
  rank!: number | null;
  @Field(() => Boolean, {
    description: 'True when the withheld channels together hold fewer units than this one.',
  })
  rankCertain!: boolean;
  @Field(() => CountCell, { description: 'First-step entries through this channel.' })
  applications!: CountCell;
  @Field(() => RateCell, { description: 'Share of all first-step entries.' }) share!: RateCell;
  @Field(() => [ResearchChannelStep]) steps!: ResearchChannelStep[];
  @Field(() => Float, {
    description:
      'Campaign cost for the programme in cents (programme spending on outreach, not linked to ' +
      'any participating company).',
  })
  costCents!: number;
  @Field(() => [Int], { description: 'Calendar years with a campaign for the programme.' })
  campaignYears!: number[];
}

@ObjectType()
export class ResearchChannelPerformance {
  @Field(() => String) programmeKey!: string;
  @Field(() => ResearchUnitEnum) unit!: ResearchUnit;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => String) attribution!: string;
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => CountCell) totalApplications!: CountCell;
  @Field(() => [ResearchChannel], { description: 'Published first, by rank; then by name.' })
  channels!: ResearchChannel[];
}

// ---------------------------------------------------------------------------------------------
// Lead time and drop-off

@ObjectType({ description: 'Decisions within a bucket of days (fromDays..toDays inclusive).' })
export class ResearchLeadTimeBucket {
  @Field(() => Int) fromDays!: number;
  @Field(() => Int, { nullable: true, description: 'Null: open-ended (more than 84 days).' })
  toDays!: number | null;
  @Field(() => CountCell) count!: CountCell;
}

@ObjectType({
  description:
    'Days from application to decision (approval or rejection). No minimum, maximum or mean: ' +
    'they rest on single applications or can be differenced.',
})
export class ResearchDecisionLeadTime {
  @Field(() => String) programmeKey!: string;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => [String]) decisionStages!: string[];
  @Field(() => CountCell) decided!: CountCell;
  @Field(() => CountCell, {
    description:
      'Applied, neither decided nor ended: first step minus decided minus the exits at the first ' +
      'step (DERIVED when one of them is withheld).',
  })
  pending!: CountCell;
  @Field(() => StatCell) medianDays!: StatCell;
  @Field(() => StatCell) p90Days!: StatCell;
  @Field(() => Int) withinDays!: number;
  @Field(() => CountCell) decidedWithin!: CountCell;
  @Field(() => RateCell, { description: 'decidedWithin / decided.' }) shareWithin!: RateCell;
  @Field(() => [ResearchLeadTimeBucket], { description: 'Weeks: 0–7, 8–14, …, 78–84, 85+.' })
  histogram!: ResearchLeadTimeBucket[];
}

@ObjectType()
export class ResearchDropOffReasons {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'STEP or EXIT.' }) kind!: string;
  @Field(() => ResearchUnitEnum) unit!: ResearchUnit;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => CountCell, {
    nullable: true,
    description: 'STEP: units whose furthest step is this.',
  })
  atStage!: CountCell | null;
  @Field(() => CountCell, {
    description:
      'Units that left (STEP: the sum of the reason counts, DERIVED if one is withheld).',
  })
  left!: CountCell;
  @Field(() => CountCell, {
    nullable: true,
    description: 'STEP: still at this step (atStage minus left).',
  })
  stillInProgress!: CountCell | null;
  @Field(() => [ResearchStageCount], {
    description:
      'Exits taken. STEP: an exit nobody took (published zero) shows 0; the others share `left` ' +
      'and are DERIVED unless only one is possible.',
  })
  exits!: ResearchStageCount[];
  @Field(() => [ResearchReasonCount], { description: 'Published first, most frequent first.' })
  reasons!: ResearchReasonCount[];
  @Field(() => String, {
    nullable: true,
    description:
      'The most frequent recorded reason code, when the published counts prove it (no withheld ' +
      'reason can be as frequent); else null.',
  })
  topReason!: string | null;
  @Field(() => [String], {
    description:
      'The reason codes that can be the most frequent given the published numbers: the ' +
      'published ones with the highest count and every withheld one that could reach it (a ' +
      'FREQUENCY cell holds fewer than the threshold).',
  })
  topReasonCandidates!: string[];
}
