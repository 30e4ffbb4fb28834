import { GraphQLDate } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import type { FunnelDimension, FunnelUnit } from '../../semantic/dimensions.js';
import { RegistrationTypeEnum } from '../application/application.types.js';
import { SizeClassEnum } from '../organisation/organisation.types.js';
import { FunnelDimensionEnum, FunnelUnitEnum } from './funnel.types.js';

@InputType({
  description:
    'Restrict to these values per dimension; an empty or missing list does not restrict.',
})
export class FunnelFilterInput {
  @Field(() => [Int], { nullable: true, description: 'Edition years.' }) editions?: number[] | null;
  @Field(() => [String], { nullable: true, description: 'Outreach channel keys.' })
  channels?: string[] | null;
  @Field(() => [SizeClassEnum], { nullable: true }) sizeClasses?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'NACE section letters (A–U).' })
  sectors?: string[] | null;
  @Field(() => [String], { nullable: true }) provinces?: string[] | null;
  @Field(() => [RegistrationTypeEnum], { nullable: true }) registrationTypes?: string[] | null;
  @Field(() => [Boolean], { nullable: true }) hasPreventionCommittee?: boolean[] | null;
  @Field(() => [String], { nullable: true, description: 'Service provider ids or names.' })
  serviceProviders?: string[] | null;
}

@InputType()
export class FunnelInput {
  @Field(() => String, { description: 'nv-gezond or gezondheidscoaches.' }) programmeKey!: string;
  @Field(() => [Int], { nullable: true, description: 'Editions (entry cohorts) by year.' })
  years?: number[] | null;
  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'Inclusive: only events on or before this day (Brussels) count.',
  })
  asOf?: Date | null;
  @Field(() => FunnelUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
  unit?: FunnelUnit | null;
  @Field(() => [FunnelDimensionEnum], { nullable: true, description: 'At most two.' })
  breakdownBy?: FunnelDimension[] | null;
  @Field(() => FunnelFilterInput, { nullable: true }) filter?: FunnelFilterInput | null;
}

@InputType({ description: 'A cohort: a labelled filter.' })
export class CohortInput {
  @Field(() => String) label!: string;
  @Field(() => FunnelFilterInput, { nullable: true }) filter?: FunnelFilterInput | null;
}

@InputType()
export class CohortComparisonInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => [CohortInput]) cohorts!: CohortInput[];
  @Field(() => String, {
    nullable: true,
    description: 'Label of the baseline cohort (default: the first).',
  })
  baseline?: string | null;
  @Field(() => [Int], { nullable: true, description: 'Editions every cohort is limited to.' })
  years?: number[] | null;
  @Field(() => GraphQLDate, { nullable: true }) asOf?: Date | null;
  @Field(() => FunnelUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
  unit?: FunnelUnit | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Groups smaller than this are flagged too small to conclude (default 10).',
  })
  minGroupSize?: number | null;
}

@InputType()
export class ChannelPerformanceInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => [Int], { nullable: true }) years?: number[] | null;
  @Field(() => GraphQLDate, { nullable: true }) asOf?: Date | null;
  @Field(() => FunnelUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
  unit?: FunnelUnit | null;
  @Field(() => FunnelFilterInput, { nullable: true }) filter?: FunnelFilterInput | null;
}
