import { ArgsType, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  AmountCell,
  CountCell,
  DimensionValue,
  ProtectionInfo,
  ResearchDimensionEnum,
  ResearchFilter,
} from './research.types.js';
import type { ResearchDimension } from './research-dimensions.js';

export const AGGREGATE_MEASURES = ['APPLICATIONS', 'COMPANIES', 'SPENDING'] as const;
export type AggregateMeasure = (typeof AGGREGATE_MEASURES)[number];
export const AggregateMeasureEnum = Object.fromEntries(AGGREGATE_MEASURES.map((m) => [m, m]));
registerEnumType(AggregateMeasureEnum, {
  name: 'AggregateMeasure',
  valuesConfig: {
    APPLICATIONS: {
      description:
        'Applications (registrations). A group registration counts once in every group one of ' +
        'its companies falls in, so groups can add up to more than the total.',
    },
    COMPANIES: {
      description:
        'Companies per application: an individual registration counts 1, a group registration ' +
        'each company it represents. Groups add up to the total.',
    },
    SPENDING: {
      description:
        'Spending linked to applications (coach fees of trajectories), in euro cents, shared ' +
        'equally over the companies of an application. Programme-wide spending is in `budget`.',
    },
  },
});

@ArgsType()
export class AggregateArgs {
  @Field(() => [AggregateMeasureEnum], { description: 'One or more measures.' })
  measures!: AggregateMeasure[];

  @Field(() => [ResearchDimensionEnum], {
    defaultValue: [],
    description: 'Up to three dimensions; none gives the total only.',
  })
  dimensions!: ResearchDimension[];

  @Field(() => ResearchFilter, { nullable: true })
  filter?: ResearchFilter | null;
}

@ObjectType({
  description: 'One group (or the total): its dimension values and the measures asked for.',
})
export class AggregateGroup {
  @Field(() => [DimensionValue], { description: 'Empty for the total.' })
  values!: DimensionValue[];
  @Field(() => CountCell, { nullable: true }) applications!: CountCell | null;
  @Field(() => CountCell, { nullable: true }) companies!: CountCell | null;
  @Field(() => AmountCell, { nullable: true }) spending!: AmountCell | null;
}

@ObjectType({
  description:
    'A complete table: every combination of the dimension values (zeros included), each cell ' +
    'under disclosure control, and the total.',
})
export class AggregateAnswer {
  @Field(() => [ResearchDimensionEnum]) dimensions!: ResearchDimension[];
  @Field(() => [AggregateMeasureEnum]) measures!: AggregateMeasure[];
  @Field(() => Number, { description: 'Minimum companies behind a published number.' })
  threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => AggregateGroup) total!: AggregateGroup;
  @Field(() => [AggregateGroup]) groups!: AggregateGroup[];
}
