import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Rate } from './funnel.types.js';
import type { LeadTimeData } from './lead-time.service.js';

@ObjectType({ simpleResolvers: true })
export class LeadTimeBucket {
  @Field(() => Int) fromDays!: number;
  @Field(() => Int) toDays!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Decision lead time (doorlooptijd) in whole calendar days.',
})
export class DecisionLeadTime {
  @Field(() => String) programmeKey!: string;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => [String], { description: 'Stages that count as a decision.' })
  decisionStages!: string[];
  @Field(() => Int) decided!: number;
  @Field(() => Int, { description: 'Applied but not decided nor ended yet.' }) pending!: number;
  @Field(() => Float, { nullable: true }) medianDays!: number | null;
  @Field(() => Float, { nullable: true }) p90Days!: number | null;
  @Field(() => Float, { nullable: true }) meanDays!: number | null;
  @Field(() => Int, { nullable: true }) minDays!: number | null;
  @Field(() => Int, { nullable: true }) maxDays!: number | null;
  @Field(() => Int) withinDays!: number;
  @Field(() => Int) decidedWithin!: number;
  @Field(() => Rate, { description: 'decidedWithin / decided.' }) shareWithin!: Rate;
  @Field(() => [LeadTimeBucket]) histogram!: LeadTimeBucket[];

  static from(t: LeadTimeData): DecisionLeadTime {
    return Object.assign(new DecisionLeadTime(), {
      ...t,
      shareWithin: Rate.from(t.shareWithin),
      histogram: t.histogram.map((h) => Object.assign(new LeadTimeBucket(), h)),
    });
  }
}
